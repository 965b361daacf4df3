// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "WebhookRules.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSet>
#include <QStringDecoder>
#include <cmath>

namespace signoff {

QString toString(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Pending: return QStringLiteral("pending");
    case DeliveryStatus::Delivered: return QStringLiteral("delivered");
    case DeliveryStatus::Failed: return QStringLiteral("failed");
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<DeliveryStatus> deliveryStatusFromString(const QString &text)
{
    for (DeliveryStatus status : {DeliveryStatus::Pending, DeliveryStatus::Delivered, DeliveryStatus::Failed}) {
        if (text == toString(status))
            return status;
    }
    return std::nullopt;
}

QString toString(AttemptOutcome outcome)
{
    switch (outcome) {
    case AttemptOutcome::Delivered: return QStringLiteral("delivered");
    case AttemptOutcome::Retry: return QStringLiteral("retry");
    case AttemptOutcome::Failed: return QStringLiteral("failed");
    }
    Q_UNREACHABLE();
    return {};
}

namespace webhook {

namespace {

const QString secretPrefix = QStringLiteral("whsec_");

QStringList itemEventTypes(const QString &entity)
{
    QStringList types;
    for (const char *action : {"created", "updated", "deleted", "submitted", "approval_recorded", "approved", "rejected",
                               "revised", "withdrawn", "commented"})
        types.append(entity + u'.' + QString::fromLatin1(action));
    return types;
}

QString entityOf(const QString &eventType)
{
    const qsizetype dot = eventType.indexOf(u'.');
    return dot < 0 ? eventType : eventType.left(dot);
}

bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format || c.isSpace())
            return true;
    }
    return false;
}

bool inPrefix(const IpAddress &address, std::initializer_list<unsigned char> prefix, int bits)
{
    int index = 0;
    for (const unsigned char byte : prefix) {
        const int take = qMin(8, bits - index * 8);
        if (take <= 0)
            break;
        const unsigned char mask = static_cast<unsigned char>(0xff << (8 - take));
        if ((static_cast<unsigned char>(address.at(index)) & mask) != (byte & mask))
            return false;
        ++index;
    }
    return true;
}

AddressScope ipv4Scope(const IpAddress &a)
{
    struct Range
    {
        std::initializer_list<unsigned char> prefix;
        int bits;
        AddressScope scope;
    };
    static const Range ranges[] = {
        {{0, 0, 0, 0}, 8, AddressScope::Unusable},           // "this network": 0.0.0.0 reaches this host
        {{10, 0, 0, 0}, 8, AddressScope::Private},
        {{100, 64, 0, 0}, 10, AddressScope::Private},        // shared address space (carrier NAT)
        {{127, 0, 0, 0}, 8, AddressScope::Loopback},
        {{169, 254, 0, 0}, 16, AddressScope::LinkLocal},     // cloud metadata services live here
        {{172, 16, 0, 0}, 12, AddressScope::Private},
        {{192, 0, 0, 0}, 24, AddressScope::Private},         // IETF protocol assignments
        {{192, 0, 2, 0}, 24, AddressScope::Private},         // documentation
        {{192, 88, 99, 0}, 24, AddressScope::Unusable},      // deprecated 6to4 relays
        {{192, 168, 0, 0}, 16, AddressScope::Private},
        {{198, 18, 0, 0}, 15, AddressScope::Private},        // benchmarking
        {{198, 51, 100, 0}, 24, AddressScope::Private},      // documentation
        {{203, 0, 113, 0}, 24, AddressScope::Private},       // documentation
        {{224, 0, 0, 0}, 4, AddressScope::Multicast},
        {{240, 0, 0, 0}, 4, AddressScope::Unusable},         // reserved, and the broadcast address
    };
    for (const Range &range : ranges) {
        if (inPrefix(a, range.prefix, range.bits))
            return range.scope;
    }
    return AddressScope::Public;
}

QString scopeText(AddressScope scope)
{
    switch (scope) {
    case AddressScope::Public: return QStringLiteral("public");
    case AddressScope::Loopback: return QStringLiteral("loopback");
    case AddressScope::Private: return QStringLiteral("private");
    case AddressScope::LinkLocal: return QStringLiteral("link-local");
    case AddressScope::Multicast: return QStringLiteral("multicast");
    case AddressScope::Unusable: return QStringLiteral("reserved");
    }
    return {};
}

} // namespace

const QStringList &knownEventTypes()
{
    static const QStringList types = [] {
        QStringList all = itemEventTypes(QStringLiteral("feature")) + itemEventTypes(QStringLiteral("order"));
        for (const char *type : {"product.created", "product.updated", "product.deleted", "user.created", "user.updated",
                                 "user.deleted", "user.signed_in", "user.signed_out", "policy.updated",
                                 "webhook.created", "webhook.updated", "webhook.deleted"})
            all.append(QString::fromLatin1(type));
        return all;
    }();
    return types;
}

bool isKnownPattern(const QString &pattern)
{
    if (pattern == QStringLiteral("*"))
        return true;
    if (pattern.endsWith(QStringLiteral(".*"))) {
        const QString entity = pattern.chopped(2);
        for (const QString &type : knownEventTypes()) {
            if (entityOf(type) == entity)
                return true;
        }
        return false;
    }
    return knownEventTypes().contains(pattern);
}

QStringList patternsMatching(const QString &eventType)
{
    return {eventType, entityOf(eventType) + QStringLiteral(".*"), QStringLiteral("*")};
}

std::optional<Message> urlProblem(const QString &text)
{
    if (text.trimmed().isEmpty())
        return Message(QT_TRANSLATE_NOOP("Core", "Enter the URL to send events to."));
    if (text.size() > limits::urlMax)
        return Message(QT_TRANSLATE_NOOP("Core", "A URL may have at most %1 characters."), {QString::number(limits::urlMax)});
    if (hasControlCharacters(text))
        return Message(QT_TRANSLATE_NOOP("Core", "A URL may not contain spaces or control characters."));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return Message(QT_TRANSLATE_NOOP("Core", "This is not an absolute URL such as https://example.com/hook."));
    const QString scheme = url.scheme().toLower();
    if (scheme != QStringLiteral("https") && scheme != QStringLiteral("http"))
        return Message(QT_TRANSLATE_NOOP("Core", "Use an https:// URL."));
    if (!url.userInfo().isEmpty())
        return Message(QT_TRANSLATE_NOOP("Core", "A webhook URL may not carry a user name or password; the signature authenticates Signoff."));
    if (url.hasFragment())
        return Message(QT_TRANSLATE_NOOP("Core", "A webhook URL may not have a fragment (#...)."));
    return std::nullopt;
}

std::optional<Message> eventsProblem(const QStringList &events)
{
    if (events.isEmpty())
        return Message(QT_TRANSLATE_NOOP("Core", "Name at least one event type, e.g. feature.approved or order.*."));
    if (events.size() > limits::eventsMax)
        return Message(QT_TRANSLATE_NOOP("Core", "An endpoint may name at most %1 event types."), {QString::number(limits::eventsMax)});
    for (const QString &pattern : events) {
        if (!isKnownPattern(pattern.trimmed()))
            return Message(QT_TRANSLATE_NOOP("Core", "‘%1’ is not an event type; use one such as feature.approved, order.* or *."),
                           {pattern.left(80)});
    }
    return std::nullopt;
}

QStringList normalizedEvents(const QStringList &events)
{
    QStringList normal;
    for (const QString &pattern : events) {
        const QString trimmed = pattern.trimmed();
        if (!normal.contains(trimmed))
            normal.append(trimmed);
    }
    return normal;
}

QList<FieldError> validateNew(const NewWebhook &input)
{
    QList<FieldError> problems;
    if (auto problem = urlProblem(input.url))
        problems.append(FieldError{QStringLiteral("url"), *problem});
    if (auto problem = eventsProblem(input.events))
        problems.append(FieldError{QStringLiteral("events"), *problem});
    return problems;
}

QList<FieldError> validatePatch(const WebhookPatch &patch)
{
    QList<FieldError> problems;
    if (patch.url) {
        if (auto problem = urlProblem(*patch.url))
            problems.append(FieldError{QStringLiteral("url"), *problem});
    }
    if (patch.events) {
        if (auto problem = eventsProblem(*patch.events))
            problems.append(FieldError{QStringLiteral("events"), *problem});
    }
    return problems;
}

QString addressText(const IpAddress &address)
{
    if (address.size() == 4) {
        return QStringLiteral("%1.%2.%3.%4")
            .arg(quint8(address.at(0)))
            .arg(quint8(address.at(1)))
            .arg(quint8(address.at(2)))
            .arg(quint8(address.at(3)));
    }
    QStringList groups;
    for (int i = 0; i + 1 < address.size(); i += 2)
        groups.append(QString::number((quint8(address.at(i)) << 8) | quint8(address.at(i + 1)), 16));
    return groups.join(u':');
}

AddressScope addressScope(const IpAddress &a)
{
    if (a.size() == 4)
        return ipv4Scope(a);
    if (a.size() != 16)
        return AddressScope::Unusable;
    const IpAddress zeros(16, '\0');
    if (a == zeros)
        return AddressScope::Unusable; // "::" reaches this host
    IpAddress loopback = zeros;
    loopback[15] = 1;
    if (a == loopback)
        return AddressScope::Loopback;
    // The IPv4 address inside: IPv4-mapped ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16.
    if (inPrefix(a, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}, 96) || inPrefix(a, {0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0}, 96))
        return ipv4Scope(a.right(4));
    if (inPrefix(a, {0x20, 0x02}, 16))
        return ipv4Scope(a.mid(2, 4));
    if (inPrefix(a, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 96))
        return AddressScope::Unusable; // IPv4-compatible (deprecated)
    if (inPrefix(a, {0xfc}, 7))
        return AddressScope::Private; // unique local
    if (inPrefix(a, {0xfe, 0x80}, 10))
        return AddressScope::LinkLocal;
    if (inPrefix(a, {0xfe, 0xc0}, 10))
        return AddressScope::Private; // site-local (deprecated)
    if (inPrefix(a, {0xff}, 8))
        return AddressScope::Multicast;
    if (inPrefix(a, {0x20, 0x01, 0x0d, 0xb8}, 32))
        return AddressScope::Private; // documentation
    if (inPrefix(a, {0x20, 0x01, 0x00, 0x00}, 32))
        return AddressScope::Private; // Teredo: the address inside is obscured
    if (inPrefix(a, {0x01, 0x00, 0, 0, 0, 0, 0, 0}, 64))
        return AddressScope::Unusable; // discard-only
    return AddressScope::Public;
}

bool isLoopbackName(const QString &host)
{
    QString name = host.toLower();
    if (name.endsWith(u'.'))
        name.chop(1);
    return name == QStringLiteral("localhost") || name.endsWith(QStringLiteral(".localhost"));
}

std::optional<Message> targetRefusal(const QUrl &url, const QList<IpAddress> &addresses, bool allowPrivate)
{
    const QString host = url.host();
    if (addresses.isEmpty())
        return Message(QT_TRANSLATE_NOOP("Core", "The host ‘%1’ could not be resolved."), {host.left(255)});
    bool allLoopback = true;
    for (const IpAddress &address : addresses) {
        const AddressScope scope = addressScope(address);
        allLoopback = allLoopback && scope == AddressScope::Loopback;
        if (scope == AddressScope::Unusable)
            return Message(QT_TRANSLATE_NOOP("Core", "‘%1’ resolves to %2, a reserved address that cannot receive webhooks."),
                           {host.left(255), addressText(address)});
        if (scope != AddressScope::Public && !allowPrivate)
            return Message(QT_TRANSLATE_NOOP("Core", "‘%1’ resolves to %2, a %3 address; webhooks go to public addresses "
                                                     "unless the server runs with --allow-private-webhooks."),
                           {host.left(255), addressText(address), scopeText(scope)});
    }
    // A loopback name must stay loopback whatever a resolver says.
    if (isLoopbackName(host) && !allLoopback)
        return Message(QT_TRANSLATE_NOOP("Core", "‘%1’ resolves to an address that is not loopback."), {host.left(255)});
    if (url.scheme().toLower() == QStringLiteral("http") && !allLoopback)
        return Message(QT_TRANSLATE_NOOP("Core", "Plain http:// is allowed only for loopback (127.0.0.1, [::1], localhost); use https://."));
    return std::nullopt;
}

QString newSecret()
{
    QByteArray bytes(limits::secretBytes, '\0');
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + bytes.size()));
    return secretPrefix + QString::fromLatin1(bytes.toBase64());
}

QByteArray secretKey(const QString &secret)
{
    if (!secret.startsWith(secretPrefix))
        return {};
    const auto decoded = QByteArray::fromBase64Encoding(secret.mid(secretPrefix.size()).toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? *decoded : QByteArray();
}

QByteArray signature(const QString &secret, const QString &messageId, qint64 timestamp, const QByteArray &body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secretKey(secret));
    mac.addData(messageId.toUtf8());
    mac.addData(".");
    mac.addData(QByteArray::number(timestamp));
    mac.addData(".");
    mac.addData(body);
    return "v1," + mac.result().toBase64();
}

AttemptOutcome outcomeOf(std::optional<int> responseCode)
{
    if (!responseCode)
        return AttemptOutcome::Retry;
    const int code = *responseCode;
    if (code >= 200 && code < 300)
        return AttemptOutcome::Delivered;
    if (code >= 500 || code == 408 || code == 429)
        return AttemptOutcome::Retry;
    return AttemptOutcome::Failed;
}

std::chrono::milliseconds retryDelay(int attemptsMade, const QList<std::chrono::milliseconds> &schedule, double jitter)
{
    if (schedule.isEmpty())
        return std::chrono::milliseconds(0);
    const auto base = schedule.at(qBound(0, attemptsMade - 1, int(schedule.size() - 1)));
    const double factor = 1.0 + 0.2 * qBound(-1.0, jitter, 1.0);
    return std::chrono::milliseconds(qint64(std::llround(double(base.count()) * factor)));
}

QList<std::chrono::milliseconds> defaultRetrySchedule()
{
    using namespace std::chrono;
    return {seconds(1), seconds(5), seconds(30), minutes(2), minutes(5), minutes(15), minutes(30), hours(1)};
}

QString responseExcerpt(const QByteArray &body)
{
    QByteArray head = body.left(limits::responseExcerptBytes);
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(head);
    // A character cut at the 1 KiB boundary is not an error of the receiver's.
    QString clean;
    clean.reserve(text.size());
    for (const QChar c : std::as_const(text)) {
        const bool allowed = c == u'\t' || c == u'\n' || c == u'\r'
            || (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format);
        clean.append(allowed ? c : QChar(QChar::ReplacementCharacter));
    }
    return clean;
}

} // namespace webhook

} // namespace signoff
