// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RequestContext.h"

#include "JsonBody.h"

#include <QUrl>
#include <algorithm>

namespace signoff::rest {

QUuid RequestContext::id(qsizetype index) const
{
    const QString text = parameter(index);
    // Only the canonical form: no braces, no other spellings of the same id.
    return text.size() == 36 ? QUuid::fromString(text) : QUuid();
}

Result<QJsonObject> RequestContext::jsonObject() const
{
    return parseJsonObject(request.body());
}

namespace {

// An entity tag's opaque part (RFC 9110 section 8.8.3): etagc is "!" or
// %x23-7E or obs-text, so no quote, space or control.
bool isOpaqueTag(QByteArrayView quoted)
{
    if (quoted.size() < 2 || !quoted.startsWith('"') || !quoted.endsWith('"'))
        return false;
    for (const char c : quoted.sliced(1, quoted.size() - 2)) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte != 0x21 && (byte < 0x23 || byte == 0x7F))
            return false;
    }
    return true;
}

// The version a strong tag names: only the exact form entityTag() writes
// ("3", never "03" or "+3"); nothing for any other tag.
std::optional<int> versionOfTag(QByteArrayView quoted)
{
    const QByteArrayView digits = quoted.sliced(1, quoted.size() - 2);
    if (digits.isEmpty() || digits.size() > 10)
        return std::nullopt;
    bool ok = false;
    const int version = digits.toByteArray().toInt(&ok);
    if (!ok || entityTag(version) != quoted.toByteArray())
        return std::nullopt;
    return version;
}

} // namespace

Result<ExpectedVersion> RequestContext::expectedVersion() const
{
    const QByteArray value = request.value("If-Match").trimmed();
    if (value.isEmpty() || value == "*")
        return ExpectedVersion(); // "*": any item that exists
    // A list of tags (RFC 9110 section 13.1.1), compared strongly: a weak
    // tag never matches, nor does a tag that is not a version of ours.
    QList<int> versions;
    for (const QByteArray &element : value.split(',')) {
        const QByteArray member = element.trimmed();
        const bool weak = member.startsWith("W/");
        const QByteArrayView quoted = QByteArrayView(member).sliced(weak ? 2 : 0);
        if (!isOpaqueTag(quoted))
            return Error::invalidField(QStringLiteral("If-Match"),
                                       Message(QT_TRANSLATE_NOOP("Rest", "If-Match must be the version's entity tag from ETag, for example \"3\".")));
        if (weak)
            continue;
        if (const auto version = versionOfTag(quoted))
            versions.append(*version);
    }
    return ExpectedVersion::anyOf(versions);
}

bool RequestContext::notModified(int version) const
{
    const QByteArray value = request.value("If-None-Match");
    if (value.isEmpty())
        return false;
    const QByteArray tag = entityTag(version);
    for (QByteArray candidate : value.split(',')) {
        candidate = candidate.trimmed();
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2); // If-None-Match compares weakly
        if (candidate == "*" || candidate == tag)
            return true;
    }
    return false;
}

QueryParameters::QueryParameters(const QUrl &url, const QStringList &names)
    : m_query(url.query(QUrl::FullyEncoded))
{
    const auto items = m_query.queryItems(QUrl::FullyEncoded);
    // Text that is not UTF-8 would be read with replacement characters and
    // searched for as such: refuse it instead (found by the hostile-input test).
    const auto isUtf8 = [](const QString &encoded) {
        const QByteArray bytes = QByteArray::fromPercentEncoding(encoded.toUtf8());
        return QString::fromUtf8(bytes).toUtf8() == bytes;
    };
    QStringList seen;
    for (const auto &[name, value] : items) {
        const QString decoded = QUrl::fromPercentEncoding(name.toUtf8());
        // Two values for one parameter: which one counts would be a guess.
        if (seen.contains(decoded) && names.contains(decoded))
            addProblem(decoded, Message(QT_TRANSLATE_NOOP("Rest", "Give this query parameter once.")));
        seen.append(decoded);
        if (!names.contains(decoded))
            addProblem(decoded, Message(QT_TRANSLATE_NOOP("Rest", "This query parameter is unknown; remove it.")));
        else if (!isUtf8(value))
            addProblem(decoded, Message(QT_TRANSLATE_NOOP("Rest", "This must be UTF-8 text.")));
        else if (QByteArray::fromPercentEncoding(value.toUtf8()).contains('\0'))
            addProblem(decoded, Message(QT_TRANSLATE_NOOP("Rest", "Text cannot contain NUL characters (U+0000).")));
    }
}

QString QueryParameters::text(const QString &name) const
{
    QByteArray encoded = m_query.queryItemValue(name, QUrl::FullyEncoded).toUtf8();
    encoded.replace('+', ' ');
    return QUrl::fromPercentEncoding(encoded);
}

PageRequest QueryParameters::page()
{
    PageRequest page;
    if (m_query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        page.limit = text(QStringLiteral("limit")).toInt(&ok);
        if (!ok)
            addProblem(QStringLiteral("limit"),
                       Message(QT_TRANSLATE_NOOP("Rest", "The limit must be a whole number between 1 and %1."),
                               {QString::number(maxPageSize)}));
    }
    page.after = text(QStringLiteral("after"));
    return page;
}

ListOrder QueryParameters::order(EntityType type)
{
    const QString sort = text(QStringLiteral("sort"));
    if (sort.isEmpty())
        return {};
    if (auto order = listOrderFromText(type, sort))
        return *order;
    addProblem(QStringLiteral("sort"),
               Message(QT_TRANSLATE_NOOP("Rest", "Sort by one of %1, with \"-\" in front for descending order."),
                       {sortFields(type).join(QStringLiteral(", "))}));
    return {};
}

void QueryParameters::addProblem(const QString &name, Message message)
{
    // One message a parameter: the first says what is wrong with it.
    const bool named = std::any_of(m_problems.cbegin(), m_problems.cend(),
                                   [&name](const FieldError &problem) { return problem.field == name; });
    if (!named)
        m_problems.append(FieldError{name, std::move(message)});
}

QByteArray entityTag(int version)
{
    return '"' + QByteArray::number(version) + '"';
}

QByteArray bearerToken(const HttpRequest &request)
{
    const QByteArray value = request.value("Authorization").trimmed();
    if (value.size() < 7 || value.left(7).compare("bearer ", Qt::CaseInsensitive) != 0)
        return {};
    return value.mid(7).trimmed();
}

bool isJsonContentType(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArray type = (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed();
    if (type.compare("application/json", Qt::CaseInsensitive) != 0)
        return false;
    // A charset, if named, must be UTF-8: JSON has no other.
    if (semicolon >= 0) {
        for (const QByteArray &parameter : contentType.mid(semicolon + 1).split(';')) {
            const QByteArray trimmed = parameter.trimmed().toLower();
            if (trimmed.startsWith("charset=") && trimmed != "charset=utf-8" && trimmed != "charset=\"utf-8\"")
                return false;
        }
    }
    return true;
}

} // namespace signoff::rest
