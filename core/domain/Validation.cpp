// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Validation.h"

#include "TextRules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>

namespace signoff {

namespace {

qsizetype codePointCount(const QString &text)
{
    qsizetype count = 0;
    for (auto it = text.cbegin(); it != text.cend(); ++it) {
        if (it->isHighSurrogate() && std::next(it) != text.cend() && std::next(it)->isLowSurrogate())
            ++it;
        ++count;
    }
    return count;
}

bool hasControlCharacter(const QString &text, bool allowLineBreaks)
{
    for (QChar c : text) {
        if (allowLineBreaks && (c == u'\n' || c == u'\r' || c == u'\t'))
            continue;
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

bool hasBrokenSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate()) {
            if (i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate())
                return true;
            ++i;
        } else if (c.isLowSurrogate()) {
            return true;
        }
    }
    return false;
}

Message bidiRefused()
{
    return Message(QT_TRANSLATE_NOOP("Core", "Text cannot contain direction controls such as U+202E."));
}

Message invisibleRefused()
{
    return Message(QT_TRANSLATE_NOOP("Core", "Text cannot consist of invisible characters only."));
}

// Shared shape of the "required single-line text" rule (names). A name of
// only invisible characters is no name.
std::optional<Message> requiredLine(const QString &value, int maxLength, const char *emptyMessage,
                                    const char *tooLongMessage, const char *controlMessage)
{
    const QString trimmed = normalizedText(value);
    if (text::isBlank(trimmed))
        return Message(emptyMessage);
    if (codePointCount(trimmed) > maxLength)
        return Message(tooLongMessage, {QString::number(maxLength)});
    if (hasControlCharacter(trimmed, false) || hasBrokenSurrogate(trimmed))
        return Message(controlMessage);
    if (text::hasBidiControl(trimmed))
        return bidiRefused();
    return std::nullopt;
}

// Optional text (notes, comments, display names): empty is fine, invisible
// is not. `allowLineBreaks` for the multi-line ones.
std::optional<Message> optionalText(const QString &value, int maxLength, const char *tooLongMessage,
                                    const char *controlMessage, bool allowLineBreaks = true)
{
    const QString normalized = normalizedText(value);
    if (codePointCount(normalized) > maxLength)
        return Message(tooLongMessage, {QString::number(maxLength)});
    if (hasControlCharacter(normalized, allowLineBreaks) || hasBrokenSurrogate(normalized))
        return Message(controlMessage);
    if (text::hasBidiControl(normalized))
        return bidiRefused();
    if (!normalized.isEmpty() && text::isBlank(normalized))
        return invisibleRefused();
    return std::nullopt;
}

bool holdsNul(const QJsonValue &value);

bool holdsNul(const QJsonObject &object)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().contains(QChar(u'\0')) || holdsNul(it.value()))
            return true;
    }
    return false;
}

bool holdsNul(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().contains(QChar(u'\0'));
    if (value.isObject())
        return holdsNul(value.toObject());
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(), [](const QJsonValue &item) { return holdsNul(item); });
    }
    return false;
}

void collect(QList<FieldError> &errors, const QString &field, const std::optional<Message> &problem)
{
    if (problem)
        errors.append(FieldError{field, *problem});
}

} // namespace

std::optional<QString> firstMemberWithNul(const QJsonObject &object)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().contains(QChar(u'\0')))
            return QString(it.key()).replace(QChar(u'\0'), QStringLiteral("\\u0000"));
        if (holdsNul(it.value()))
            return it.key();
    }
    return std::nullopt;
}

QString normalizedText(const QString &text)
{
    // NFC: "café" typed and "cafe\u0301" pasted are stored (and found) alike.
    return text.normalized(QString::NormalizationForm_C).trimmed();
}

QString normalizedComment(const QString &text)
{
    return text.normalized(QString::NormalizationForm_C).trimmed();
}

namespace validate {

std::optional<Message> featureName(const QString &name)
{
    return requiredLine(name, limits::featureNameMax, QT_TRANSLATE_NOOP("Core", "Enter a name."),
                        QT_TRANSLATE_NOOP("Core", "The name can be at most %1 characters long."),
                        QT_TRANSLATE_NOOP("Core", "The name cannot contain control characters."));
}

std::optional<Message> options(const QJsonObject &options)
{
    const qsizetype size = QJsonDocument(options).toJson(QJsonDocument::Compact).size();
    if (size > limits::optionsMaxBytes)
        return Message(QT_TRANSLATE_NOOP("Core", "The options can be at most %1 KiB of JSON."),
                       {QString::number(limits::optionsMaxBytes / 1024)});
    if (holdsNul(options))
        return Message(QT_TRANSLATE_NOOP("Core", "The options cannot contain NUL characters (U+0000)."));
    return std::nullopt;
}

std::optional<Message> username(const QString &username)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9._-]+$"));
    if (username.isEmpty())
        return Message(QT_TRANSLATE_NOOP("Core", "Enter a user name."));
    if (username.size() > limits::usernameMax)
        return Message(QT_TRANSLATE_NOOP("Core", "The user name can be at most %1 characters long."),
                       {QString::number(limits::usernameMax)});
    if (!pattern.match(username).hasMatch())
        return Message(QT_TRANSLATE_NOOP(
            "Core", "The user name can only contain lower-case letters a–z, digits, dots, underscores and hyphens."));
    return std::nullopt;
}

std::optional<Message> newUsername(const QString &username)
{
    if (auto problem = validate::username(username))
        return problem;
    if (username == QLatin1String("me"))
        return Message(QT_TRANSLATE_NOOP("Core", "The user name \"me\" is reserved; choose another."));
    return std::nullopt;
}

std::optional<Message> displayName(const QString &displayName)
{
    return optionalText(displayName, limits::displayNameMax,
                        QT_TRANSLATE_NOOP("Core", "The display name can be at most %1 characters long."),
                        QT_TRANSLATE_NOOP("Core", "The display name cannot contain control characters."), false);
}

std::optional<Message> password(const QString &password)
{
    const qsizetype length = codePointCount(password);
    if (length < limits::passwordMin)
        return Message(QT_TRANSLATE_NOOP("Core", "The password must be at least %1 characters long."),
                       {QString::number(limits::passwordMin)});
    if (length > limits::passwordMax)
        return Message(QT_TRANSLATE_NOOP("Core", "The password can be at most %1 characters long."),
                       {QString::number(limits::passwordMax)});
    return std::nullopt;
}

std::optional<Message> sku(const QString &sku)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]+$"));
    if (sku.isEmpty())
        return Message(QT_TRANSLATE_NOOP("Core", "Enter a SKU."));
    if (sku.size() > limits::skuMax)
        return Message(QT_TRANSLATE_NOOP("Core", "The SKU can be at most %1 characters long."),
                       {QString::number(limits::skuMax)});
    if (!pattern.match(sku).hasMatch())
        return Message(
            QT_TRANSLATE_NOOP("Core", "The SKU can only contain letters A–Z, digits, dots, underscores and hyphens."));
    return std::nullopt;
}

std::optional<Message> productName(const QString &name)
{
    return requiredLine(name, limits::productNameMax, QT_TRANSLATE_NOOP("Core", "Enter a product name."),
                        QT_TRANSLATE_NOOP("Core", "The product name can be at most %1 characters long."),
                        QT_TRANSLATE_NOOP("Core", "The product name cannot contain control characters."));
}

std::optional<Message> priceCents(qint64 priceCents)
{
    if (priceCents < 0)
        return Message(QT_TRANSLATE_NOOP("Core", "The price cannot be negative."));
    if (priceCents > limits::priceCentsMax)
        return Message(QT_TRANSLATE_NOOP("Core", "The price can be at most %1 cents."),
                       {QString::number(limits::priceCentsMax)});
    return std::nullopt;
}

std::optional<Message> quantity(qint64 quantity)
{
    if (quantity < limits::quantityMin || quantity > limits::quantityMax)
        return Message(QT_TRANSLATE_NOOP("Core", "The quantity must be between %1 and %2."),
                       {QString::number(limits::quantityMin), QString::number(limits::quantityMax)});
    return std::nullopt;
}

std::optional<Message> note(const QString &note)
{
    return optionalText(note, limits::noteMax, QT_TRANSLATE_NOOP("Core", "The note can be at most %1 characters long."),
                        QT_TRANSLATE_NOOP("Core", "The note cannot contain control characters."));
}

std::optional<Message> comment(const QString &comment)
{
    return optionalText(comment, limits::commentMax,
                        QT_TRANSLATE_NOOP("Core", "The comment can be at most %1 characters long."),
                        QT_TRANSLATE_NOOP("Core", "The comment cannot contain control characters."));
}

std::optional<Message> reason(const QString &reason)
{
    if (text::isBlank(normalizedText(reason)))
        return Message(QT_TRANSLATE_NOOP("Core", "Give a reason for the rejection."));
    return optionalText(reason, limits::commentMax,
                        QT_TRANSLATE_NOOP("Core", "The reason can be at most %1 characters long."),
                        QT_TRANSLATE_NOOP("Core", "The reason cannot contain control characters."));
}

std::optional<Message> commentBody(const QString &body)
{
    if (normalizedComment(body).isEmpty())
        return Message(QT_TRANSLATE_NOOP("Core", "Write a comment."));
    return optionalText(normalizedComment(body), limits::commentBodyMax,
                        QT_TRANSLATE_NOOP("Core", "The comment can be at most %1 characters long."),
                        QT_TRANSLATE_NOOP("Core", "The comment cannot contain control characters."));
}

std::optional<Message> requiredApprovals(qint64 count)
{
    if (count < limits::approvalsMin || count > limits::approvalsMax)
        return Message(QT_TRANSLATE_NOOP("Core", "The number of approvals must be between %1 and %2."),
                       {QString::number(limits::approvalsMin), QString::number(limits::approvalsMax)});
    return std::nullopt;
}

std::optional<Message> batchSize(qsizetype count)
{
    if (count < 1 || count > limits::batchItemsMax)
        return Message(QT_TRANSLATE_NOOP("Core", "A batch holds between 1 and %1 items."),
                       {QString::number(limits::batchItemsMax)});
    return std::nullopt;
}

QList<FieldError> newFeature(const NewFeature &feature)
{
    QList<FieldError> errors;
    collect(errors, QStringLiteral("name"), featureName(feature.name));
    collect(errors, QStringLiteral("options"), options(feature.options));
    return errors;
}

QList<FieldError> featurePatch(const FeaturePatch &patch)
{
    QList<FieldError> errors;
    if (patch.name)
        collect(errors, QStringLiteral("name"), featureName(*patch.name));
    if (patch.options)
        collect(errors, QStringLiteral("options"), options(*patch.options));
    return errors;
}

QList<FieldError> credentials(const QString &username, const QString &password)
{
    QList<FieldError> errors;
    if (username.isEmpty())
        errors.append({QStringLiteral("username"), Message(QT_TRANSLATE_NOOP("Core", "Enter a user name."))});
    if (password.isEmpty())
        errors.append({QStringLiteral("password"), Message(QT_TRANSLATE_NOOP("Core", "Enter the password."))});
    return errors;
}

QList<FieldError> newUser(const NewUser &user)
{
    QList<FieldError> errors;
    collect(errors, QStringLiteral("username"), newUsername(user.username));
    collect(errors, QStringLiteral("display_name"), displayName(user.displayName));
    collect(errors, QStringLiteral("password"), password(user.password));
    return errors;
}

QList<FieldError> userPatch(const UserPatch &patch)
{
    QList<FieldError> errors;
    if (patch.displayName)
        collect(errors, QStringLiteral("display_name"), displayName(*patch.displayName));
    if (patch.password)
        collect(errors, QStringLiteral("password"), password(*patch.password));
    return errors;
}

QList<FieldError> newProduct(const NewProduct &product)
{
    QList<FieldError> errors;
    collect(errors, QStringLiteral("sku"), sku(product.sku));
    collect(errors, QStringLiteral("name"), productName(product.name));
    collect(errors, QStringLiteral("price_cents"), priceCents(product.priceCents));
    return errors;
}

QList<FieldError> productPatch(const ProductPatch &patch)
{
    QList<FieldError> errors;
    if (patch.sku)
        collect(errors, QStringLiteral("sku"), sku(*patch.sku));
    if (patch.name)
        collect(errors, QStringLiteral("name"), productName(*patch.name));
    if (patch.priceCents)
        collect(errors, QStringLiteral("price_cents"), priceCents(*patch.priceCents));
    return errors;
}

QList<FieldError> orderLines(const QList<NewLine> &lines)
{
    QList<FieldError> errors;
    if (lines.size() > limits::linesMax) {
        errors.append(FieldError{QStringLiteral("lines"),
                                 Message(QT_TRANSLATE_NOOP("Core", "An order can have at most %1 lines."),
                                         {QString::number(limits::linesMax)})});
        return errors;
    }
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString prefix = QStringLiteral("lines[%1].").arg(i);
        if (lines.at(i).productId.isNull())
            errors.append(FieldError{prefix + QStringLiteral("product_id"),
                                     Message(QT_TRANSLATE_NOOP("Core", "Choose a product."))});
        collect(errors, prefix + QStringLiteral("quantity"), quantity(lines.at(i).quantity));
    }
    return errors;
}

QList<FieldError> newOrder(const NewOrder &order)
{
    QList<FieldError> errors = orderLines(order.lines);
    collect(errors, QStringLiteral("note"), note(order.note));
    return errors;
}

QList<FieldError> orderPatch(const OrderPatch &patch)
{
    QList<FieldError> errors;
    if (patch.lines)
        errors = orderLines(*patch.lines);
    if (patch.note)
        collect(errors, QStringLiteral("note"), note(*patch.note));
    return errors;
}

QList<FieldError> policy(const ApprovalPolicy &policy)
{
    QList<FieldError> errors;
    collect(errors, QStringLiteral("feature.required_approvals"), requiredApprovals(policy.featureApprovals));
    collect(errors, QStringLiteral("order.required_approvals"), requiredApprovals(policy.orderApprovals));
    if (policy.orderThresholds.size() > limits::thresholdsMax) {
        errors.append(FieldError{QStringLiteral("order.thresholds"),
                                 Message(QT_TRANSLATE_NOOP("Core", "A policy can have at most %1 thresholds."),
                                         {QString::number(limits::thresholdsMax)})});
        return errors;
    }
    for (qsizetype i = 0; i < policy.orderThresholds.size(); ++i) {
        const ApprovalThreshold &threshold = policy.orderThresholds.at(i);
        const QString prefix = QStringLiteral("order.thresholds[%1].").arg(i);
        if (threshold.totalCentsAtLeast < 0 || threshold.totalCentsAtLeast > limits::priceCentsMax)
            errors.append(FieldError{prefix + QStringLiteral("total_cents_at_least"),
                                     Message(QT_TRANSLATE_NOOP("Core", "The total must be between 0 and %1 cents."),
                                             {QString::number(limits::priceCentsMax)})});
        else if (i > 0 && threshold.totalCentsAtLeast <= policy.orderThresholds.at(i - 1).totalCentsAtLeast)
            errors.append(FieldError{prefix + QStringLiteral("total_cents_at_least"),
                                     Message(QT_TRANSLATE_NOOP("Core", "Thresholds must be in ascending order of their totals, each above the one before."))});
        collect(errors, prefix + QStringLiteral("required_approvals"), requiredApprovals(threshold.requiredApprovals));
    }
    return errors;
}

} // namespace validate

std::optional<QJsonObject> parseOptions(const QString &json, Message *problem)
{
    if (normalizedText(json).isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (problem)
            *problem = Message(QT_TRANSLATE_NOOP("Core", "The options are not valid JSON: %1 at character %2."),
                               {parseError.errorString(), QString::number(parseError.offset)});
        return std::nullopt;
    }
    if (!document.isObject()) {
        if (problem)
            *problem = Message(QT_TRANSLATE_NOOP("Core", "The options must be a JSON object: {\"key\": value, ...}."));
        return std::nullopt;
    }
    return document.object();
}

} // namespace signoff
