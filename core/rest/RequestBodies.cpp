// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RequestBodies.h"

#include "JsonFields.h"
#include "domain/Validation.h"

#include <limits>

namespace signoff::rest::bodies {

namespace {

template<typename T>
Result<T> decoded(const JsonFields &fields, T value)
{
    if (const QList<FieldError> problems = fields.problems(); !problems.isEmpty())
        return Error::invalid(problems);
    return value;
}

// "lines": [{"product_id", "quantity"}, ...] as core's NewLines. A quantity
// beyond int is clamped, so core's range check rejects it with its message.
QList<NewLine> readLines(JsonFields &fields, const QJsonArray &array)
{
    QList<NewLine> lines;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("lines[%1]").arg(i);
        if (!array.at(i).isObject()) {
            fields.addProblems({FieldError{path, Message(QT_TRANSLATE_NOOP("Rest", "This must be a JSON object."))}});
            continue;
        }
        JsonFields line(array.at(i).toObject(), path);
        NewLine parsed;
        parsed.productId = line.uuid(QStringLiteral("product_id"), Presence::Required).value_or(QUuid());
        const qint64 quantity = line.integer(QStringLiteral("quantity"), Presence::Required).value_or(1);
        parsed.quantity = int(qBound(qint64(std::numeric_limits<int>::min()), quantity,
                                     qint64(std::numeric_limits<int>::max())));
        fields.addProblems(line.problems());
        lines.append(parsed);
    }
    return lines;
}

std::optional<Role> readRole(JsonFields &fields, Presence presence)
{
    const std::optional<QString> text = fields.text(QStringLiteral("role"), presence);
    if (!text)
        return std::nullopt;
    const std::optional<Role> role = roleFromString(*text);
    if (!role)
        fields.addProblem(QStringLiteral("role"), Message(QT_TRANSLATE_NOOP("Rest", "Use requester, reviewer or admin.")));
    return role;
}

// "events": ["feature.approved", "order.*"]: each must be a string.
std::optional<QStringList> readEvents(JsonFields &fields, Presence presence)
{
    const std::optional<QJsonArray> array = fields.array(QStringLiteral("events"), presence);
    if (!array)
        return std::nullopt;
    QStringList events;
    for (qsizetype i = 0; i < array->size(); ++i) {
        if (!array->at(i).isString()) {
            fields.addProblems({FieldError{QStringLiteral("events[%1]").arg(i),
                                           Message(QT_TRANSLATE_NOOP("Rest", "This must be a string."))}});
            continue;
        }
        events.append(array->at(i).toString());
    }
    return events;
}

} // namespace

Result<NewWebhook> newWebhook(const QJsonObject &body)
{
    JsonFields fields(body);
    NewWebhook input;
    input.url = fields.text(QStringLiteral("url"), Presence::Required).value_or(QString());
    input.events = readEvents(fields, Presence::Required).value_or(QStringList());
    input.active = fields.boolean(QStringLiteral("active")).value_or(true);
    return decoded(fields, std::move(input));
}

Result<WebhookPatch> webhookPatch(const QJsonObject &body)
{
    JsonFields fields(body);
    WebhookPatch patch;
    patch.url = fields.text(QStringLiteral("url"));
    patch.events = readEvents(fields, Presence::Optional);
    patch.active = fields.boolean(QStringLiteral("active"));
    return decoded(fields, std::move(patch));
}

Result<Credentials> credentials(const QJsonObject &body)
{
    JsonFields fields(body);
    Credentials input;
    input.username = fields.text(QStringLiteral("username"), Presence::Required).value_or(QString());
    input.password = fields.text(QStringLiteral("password"), Presence::Required).value_or(QString());
    return decoded(fields, std::move(input));
}

Result<NewFeature> newFeature(const QJsonObject &body)
{
    JsonFields fields(body);
    NewFeature input;
    input.name = fields.text(QStringLiteral("name"), Presence::Required).value_or(QString());
    input.options = fields.object(QStringLiteral("options")).value_or(QJsonObject());
    return decoded(fields, std::move(input));
}

Result<FeaturePatch> featurePatch(const QJsonObject &body)
{
    JsonFields fields(body);
    FeaturePatch patch;
    patch.name = fields.text(QStringLiteral("name"));
    patch.options = fields.object(QStringLiteral("options"));
    return decoded(fields, std::move(patch));
}

Result<NewOrder> newOrder(const QJsonObject &body)
{
    JsonFields fields(body);
    NewOrder input;
    if (auto lines = fields.array(QStringLiteral("lines"), Presence::Required))
        input.lines = readLines(fields, *lines);
    input.note = fields.text(QStringLiteral("note")).value_or(QString());
    return decoded(fields, std::move(input));
}

Result<OrderPatch> orderPatch(const QJsonObject &body)
{
    JsonFields fields(body);
    OrderPatch patch;
    if (auto lines = fields.array(QStringLiteral("lines")))
        patch.lines = readLines(fields, *lines);
    patch.note = fields.text(QStringLiteral("note"));
    return decoded(fields, std::move(patch));
}

Result<NewProduct> newProduct(const QJsonObject &body)
{
    JsonFields fields(body);
    NewProduct input;
    input.sku = fields.text(QStringLiteral("sku"), Presence::Required).value_or(QString());
    input.name = fields.text(QStringLiteral("name"), Presence::Required).value_or(QString());
    input.priceCents = fields.integer(QStringLiteral("price_cents"), Presence::Required).value_or(0);
    input.active = fields.boolean(QStringLiteral("active")).value_or(true);
    return decoded(fields, std::move(input));
}

Result<ProductPatch> productPatch(const QJsonObject &body)
{
    JsonFields fields(body);
    ProductPatch patch;
    patch.sku = fields.text(QStringLiteral("sku"));
    patch.name = fields.text(QStringLiteral("name"));
    patch.priceCents = fields.integer(QStringLiteral("price_cents"));
    patch.active = fields.boolean(QStringLiteral("active"));
    return decoded(fields, std::move(patch));
}

Result<NewUser> newUser(const QJsonObject &body)
{
    JsonFields fields(body);
    NewUser input;
    input.username = fields.text(QStringLiteral("username"), Presence::Required).value_or(QString());
    input.displayName = fields.text(QStringLiteral("display_name")).value_or(QString());
    input.role = readRole(fields, Presence::Required).value_or(Role::Requester);
    input.password = fields.text(QStringLiteral("password"), Presence::Required).value_or(QString());
    return decoded(fields, std::move(input));
}

Result<UserPatch> userPatch(const QJsonObject &body)
{
    JsonFields fields(body);
    UserPatch patch;
    patch.displayName = fields.text(QStringLiteral("display_name"));
    patch.role = readRole(fields, Presence::Optional);
    patch.disabled = fields.boolean(QStringLiteral("disabled"));
    patch.password = fields.text(QStringLiteral("password"));
    return decoded(fields, std::move(patch));
}

Result<QString> transitionComment(const QJsonObject &body, WorkflowAction action)
{
    JsonFields fields(body);
    const QString field = Workflow::requiresReason(action) ? QStringLiteral("reason") : QStringLiteral("comment");
    QString comment = fields.text(field).value_or(QString());
    return decoded(fields, std::move(comment));
}

Result<ApprovalPolicy> policy(const QJsonObject &body)
{
    JsonFields fields(body);
    ApprovalPolicy input;
    const auto requiredApprovals = [](JsonFields &object) {
        const qint64 count = object.integer(QStringLiteral("required_approvals"), Presence::Required).value_or(1);
        return int(qBound(qint64(-1), count, qint64(1000))); // out of range stays out of range for core
    };
    if (const auto feature = fields.object(QStringLiteral("feature"), Presence::Required)) {
        JsonFields featureFields(*feature, QStringLiteral("feature"));
        input.featureApprovals = requiredApprovals(featureFields);
        fields.addProblems(featureFields.problems());
    }
    if (const auto order = fields.object(QStringLiteral("order"), Presence::Required)) {
        JsonFields orderFields(*order, QStringLiteral("order"));
        input.orderApprovals = requiredApprovals(orderFields);
        const QJsonArray thresholds = orderFields.array(QStringLiteral("thresholds")).value_or(QJsonArray());
        for (qsizetype i = 0; i < thresholds.size(); ++i) {
            const QString path = QStringLiteral("order.thresholds[%1]").arg(i);
            if (!thresholds.at(i).isObject()) {
                fields.addProblems({FieldError{path, Message(QT_TRANSLATE_NOOP("Rest", "This must be a JSON object."))}});
                continue;
            }
            JsonFields threshold(thresholds.at(i).toObject(), path);
            ApprovalThreshold parsed;
            parsed.totalCentsAtLeast = threshold.integer(QStringLiteral("total_cents_at_least"), Presence::Required).value_or(0);
            parsed.requiredApprovals = requiredApprovals(threshold);
            fields.addProblems(threshold.problems());
            input.orderThresholds.append(parsed);
        }
        fields.addProblems(orderFields.problems());
    }
    return decoded(fields, std::move(input));
}

Result<QString> commentBody(const QJsonObject &body)
{
    JsonFields fields(body);
    QString text = fields.text(QStringLiteral("body"), Presence::Required).value_or(QString());
    return decoded(fields, std::move(text));
}

Result<Batch> batch(const QJsonObject &body)
{
    JsonFields fields(body);
    Batch input;
    const std::optional<QString> action = fields.text(QStringLiteral("action"), Presence::Required);
    const std::optional<WorkflowAction> parsed = action ? workflowActionFromString(*action) : std::nullopt;
    if (action && (!parsed || *parsed == WorkflowAction::Revise))
        fields.addProblem(QStringLiteral("action"), Message(QT_TRANSLATE_NOOP("Rest", "Use approve, reject, submit or withdraw.")));
    else if (parsed)
        input.action = *parsed;
    // As the single requests: a reason for reject, an optional comment for
    // the others (the other name is unknown).
    if (parsed && Workflow::requiresReason(*parsed))
        input.comment = fields.text(QStringLiteral("reason"), Presence::Required).value_or(QString());
    else if (parsed)
        input.comment = fields.text(QStringLiteral("comment")).value_or(QString());
    const std::optional<QJsonArray> items = fields.array(QStringLiteral("items"), Presence::Required);
    if (items && items->size() > limits::batchItemsMax) {
        // Not read item by item: the whole batch is refused anyway.
        fields.addProblem(QStringLiteral("items"), *validate::batchSize(items->size()));
    } else if (items) {
        if (auto problem = validate::batchSize(items->size()))
            fields.addProblem(QStringLiteral("items"), *problem);
        for (qsizetype i = 0; i < items->size(); ++i) {
            const QString path = QStringLiteral("items[%1]").arg(i);
            if (!items->at(i).isObject()) {
                fields.addProblems({FieldError{path, Message(QT_TRANSLATE_NOOP("Rest", "This must be a JSON object."))}});
                continue;
            }
            JsonFields item(items->at(i).toObject(), path);
            BatchItem entry;
            entry.idText = item.text(QStringLiteral("id"), Presence::Required).value_or(QString());
            entry.id = entry.idText.size() == 36 ? QUuid::fromString(entry.idText) : QUuid();
            if (const auto version = item.integer(QStringLiteral("version")))
                entry.version = int(qBound(qint64(std::numeric_limits<int>::min()), *version,
                                           qint64(std::numeric_limits<int>::max())));
            fields.addProblems(item.problems());
            input.items.append(entry);
        }
    }
    return decoded(fields, std::move(input));
}

} // namespace signoff::rest::bodies
