// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "JsonReading.h"

#include <QJsonArray>

namespace signoff::client {

Error unexpectedAnswer(const QString &what)
{
    return Error::unavailable(
        Message(QT_TRANSLATE_NOOP("Core", "The server's answer is not what Signoff expects (%1)."), {what}));
}

namespace {

// Reads the fields of one object, remembering the first that is missing or
// of the wrong type.
class Fields
{
public:
    Fields(const QJsonValue &json, QString what)
        : m_object(json.toObject())
        , m_what(std::move(what))
        , m_ok(json.isObject())
    {
    }

    QString text(const char *name, bool nullable = false)
    {
        const QJsonValue value = m_object.value(QLatin1String(name));
        if (value.isString())
            return value.toString();
        if (!(nullable && (value.isNull() || value.isUndefined())))
            fail(name);
        return {};
    }
    qint64 integer(const char *name)
    {
        const QJsonValue value = m_object.value(QLatin1String(name));
        const double number = value.toDouble();
        if (!value.isDouble() || number != double(qint64(number))) {
            fail(name);
            return 0;
        }
        return qint64(number);
    }
    std::optional<int> optionalInteger(const char *name)
    {
        const QJsonValue value = m_object.value(QLatin1String(name));
        if (value.isNull() || value.isUndefined())
            return std::nullopt;
        return int(integer(name));
    }
    // A count or a duration in seconds; null allowed when `nullable`.
    std::optional<double> number(const char *name, bool nullable = false)
    {
        const QJsonValue value = m_object.value(QLatin1String(name));
        if (value.isDouble())
            return value.toDouble();
        if (!(nullable && value.isNull()))
            fail(name);
        return std::nullopt;
    }
    QDate date(const char *name)
    {
        const QDate day = QDate::fromString(text(name), Qt::ISODate);
        if (!day.isValid())
            fail(name);
        return day;
    }
    bool boolean(const char *name)
    {
        const QJsonValue value = m_object.value(QLatin1String(name));
        if (!value.isBool())
            fail(name);
        return value.toBool();
    }
    QUuid id(const char *name)
    {
        const QUuid id = QUuid::fromString(text(name));
        if (id.isNull())
            fail(name);
        return id;
    }
    QDateTime time(const char *name, bool nullable = false)
    {
        const QString value = text(name, nullable);
        if (value.isEmpty())
            return {};
        QDateTime at = QDateTime::fromString(value, Qt::ISODateWithMs);
        if (!at.isValid())
            fail(name);
        return at.toUTC();
    }
    ItemStatus status()
    {
        const auto status = itemStatusFromString(text("status"));
        if (!status)
            fail("status");
        return status.value_or(ItemStatus::Draft);
    }
    QJsonObject object(const char *name)
    {
        const QJsonValue value = m_object.value(QLatin1String(name));
        if (!value.isObject() && !(value.isNull() || value.isUndefined()))
            fail(name);
        return value.toObject();
    }
    QJsonArray array(const char *name)
    {
        const QJsonValue value = m_object.value(QLatin1String(name));
        if (!value.isArray())
            fail(name);
        return value.toArray();
    }
    void fail(const char *name)
    {
        if (m_ok)
            m_problem = m_what + QStringLiteral(": ") + QLatin1String(name);
        m_ok = false;
    }

    template<typename T>
    Result<T> result(T value) const
    {
        if (!m_ok)
            return unexpectedAnswer(m_problem.isEmpty() ? m_what : m_problem);
        return value;
    }

private:
    QJsonObject m_object;
    QString m_what;
    QString m_problem;
    bool m_ok;
};

QList<Approval> readApprovals(Fields &fields)
{
    QList<Approval> approvals;
    for (const QJsonValue &value : fields.array("approvals")) {
        Fields approval(value, QStringLiteral("approval"));
        Approval read;
        read.by = approval.text("by");
        read.at = approval.time("at");
        read.comment = approval.text("comment", true);
        if (auto checked = approval.result(0); !checked)
            fields.fail("approvals");
        approvals.append(read);
    }
    return approvals;
}

} // namespace

Result<Feature> readFeature(const QJsonValue &json)
{
    Fields fields(json, QStringLiteral("feature"));
    Feature feature;
    feature.id = fields.id("id");
    feature.name = fields.text("name");
    feature.options = fields.object("options");
    feature.status = fields.status();
    feature.ownerUsername = fields.text("owner");
    feature.version = int(fields.integer("version"));
    feature.createdAt = fields.time("created_at");
    feature.updatedAt = fields.time("updated_at");
    feature.requiredApprovals = int(fields.integer("required_approvals"));
    feature.approvals = readApprovals(fields);
    return fields.result(std::move(feature));
}

Result<Order> readOrder(const QJsonValue &json)
{
    Fields fields(json, QStringLiteral("order"));
    Order order;
    order.id = fields.id("id");
    order.status = fields.status();
    order.ownerUsername = fields.text("owner");
    order.note = fields.text("note", true);
    order.version = int(fields.integer("version"));
    order.createdAt = fields.time("created_at");
    order.updatedAt = fields.time("updated_at");
    order.requiredApprovals = int(fields.integer("required_approvals"));
    order.approvals = readApprovals(fields);
    for (const QJsonValue &value : fields.array("lines")) {
        Fields line(value, QStringLiteral("order line"));
        LineItem item;
        item.id = line.id("id");
        item.productId = line.id("product_id");
        item.productSku = line.text("sku");
        item.productName = line.text("product_name");
        item.quantity = int(line.integer("quantity"));
        item.unitPriceCents = line.integer("unit_price_cents");
        if (auto checked = line.result(0); !checked)
            return checked.error();
        order.lines.append(item);
    }
    return fields.result(std::move(order));
}

Result<Product> readProduct(const QJsonValue &json)
{
    Fields fields(json, QStringLiteral("product"));
    Product product;
    product.id = fields.id("id");
    product.sku = fields.text("sku");
    product.name = fields.text("name");
    product.priceCents = fields.integer("price_cents");
    product.active = fields.boolean("active");
    product.version = int(fields.integer("version"));
    product.createdAt = fields.time("created_at");
    product.updatedAt = fields.time("updated_at");
    return fields.result(std::move(product));
}

Result<User> readUser(const QJsonValue &json)
{
    Fields fields(json, QStringLiteral("user"));
    User user;
    user.id = fields.id("id");
    user.username = fields.text("username");
    user.displayName = fields.text("display_name", true);
    const auto role = roleFromString(fields.text("role"));
    if (!role)
        fields.fail("role");
    user.role = role.value_or(Role::Requester);
    user.disabled = fields.boolean("disabled");
    user.version = int(fields.integer("version"));
    user.createdAt = fields.time("created_at");
    user.updatedAt = fields.time("updated_at");
    user.lastLoginAt = fields.time("last_login_at", true);
    return fields.result(std::move(user));
}

Result<Comment> readComment(const QJsonValue &json)
{
    Fields fields(json, QStringLiteral("comment"));
    Comment comment;
    comment.id = fields.integer("id");
    comment.author = fields.text("by");
    comment.at = fields.time("at");
    comment.body = fields.text("body");
    return fields.result(std::move(comment));
}

Result<ApprovalPolicy> readPolicy(const QJsonValue &json)
{
    auto policy = ApprovalPolicy::fromJson(json.toObject());
    if (!json.isObject() || !policy)
        return unexpectedAnswer(QStringLiteral("approval policy"));
    return policy.value();
}

namespace {

QStringList readTexts(Fields &fields, const char *name)
{
    QStringList texts;
    const QJsonArray array = fields.array(name);
    for (const QJsonValue &value : array) {
        if (!value.isString())
            fields.fail(name);
        texts.append(value.toString());
    }
    return texts;
}

std::optional<AttemptOutcome> attemptOutcomeFromString(const QString &text)
{
    for (AttemptOutcome outcome : {AttemptOutcome::Delivered, AttemptOutcome::Retry, AttemptOutcome::Failed}) {
        if (text == toString(outcome))
            return outcome;
    }
    return std::nullopt;
}

Result<WebhookAttempt> readWebhookAttempt(const QJsonValue &json)
{
    Fields fields(json, QStringLiteral("webhook attempt"));
    WebhookAttempt attempt;
    attempt.at = fields.time("at");
    const auto outcome = attemptOutcomeFromString(fields.text("outcome"));
    if (!outcome)
        fields.fail("outcome");
    attempt.outcome = outcome.value_or(AttemptOutcome::Failed);
    attempt.responseCode = fields.optionalInteger("response_code");
    attempt.durationMs = fields.integer("duration_ms");
    attempt.response = fields.text("response");
    attempt.error = fields.text("error", true);
    return fields.result(std::move(attempt));
}

} // namespace

Result<WebhookEndpoint> readWebhook(const QJsonValue &json)
{
    Fields fields(json, QStringLiteral("webhook"));
    WebhookEndpoint endpoint;
    endpoint.id = fields.id("id");
    endpoint.url = fields.text("url");
    endpoint.events = readTexts(fields, "events");
    endpoint.active = fields.boolean("active");
    endpoint.version = int(fields.integer("version"));
    endpoint.createdAt = fields.time("created_at");
    endpoint.updatedAt = fields.time("updated_at");
    endpoint.secret = fields.text("secret", true);
    return fields.result(std::move(endpoint));
}

Result<WebhookDelivery> readWebhookDelivery(const QJsonValue &json)
{
    Fields fields(json, QStringLiteral("webhook delivery"));
    WebhookDelivery delivery;
    delivery.id = fields.id("id");
    delivery.endpointId = fields.id("webhook_id");
    delivery.eventType = fields.text("event_type");
    const auto status = deliveryStatusFromString(fields.text("status"));
    if (!status)
        fields.fail("status");
    delivery.status = status.value_or(DeliveryStatus::Failed);
    delivery.attemptCount = int(fields.integer("attempt_count"));
    const QJsonArray attempts = fields.array("attempts");
    for (const QJsonValue &value : attempts) {
        auto attempt = readWebhookAttempt(value);
        if (!attempt)
            return attempt.error();
        delivery.attempts.append(std::move(attempt.value()));
    }
    delivery.createdAt = fields.time("created_at");
    delivery.nextAttemptAt = fields.time("next_attempt_at", true);
    delivery.giveUpAt = fields.time("give_up_at", true);
    delivery.lastAttemptAt = fields.time("last_attempt_at", true);
    delivery.lastResponseCode = fields.optionalInteger("last_response_code");
    return fields.result(std::move(delivery));
}

namespace {

// `largestName`: what the largest duration is called there ("max_seconds",
// "oldest_seconds"; core/rest/Representation.cpp).
DurationSummary readDurations(Fields &parent, const char *name, const char *largestName)
{
    Fields fields(parent.object(name), QString::fromLatin1(name));
    DurationSummary summary;
    summary.count = fields.integer("count");
    summary.medianSeconds = fields.number("median_seconds", true);
    summary.p90Seconds = fields.number("p90_seconds", true);
    summary.maxSeconds = fields.number(largestName, true);
    if (auto checked = fields.result(0); !checked)
        parent.fail(name);
    return summary;
}

} // namespace

Result<Stats> readStats(const QJsonValue &json)
{
    Fields fields(json, QStringLiteral("statistics"));
    Stats stats;
    stats.days = int(fields.integer("days"));
    stats.firstDay = fields.date("from");
    stats.generatedAt = fields.time("generated_at");
    const QJsonObject items = fields.object("items");
    for (auto kind = items.begin(); kind != items.end(); ++kind) {
        if (!kind.value().isObject())
            fields.fail("items");
        const QJsonObject byStatus = kind.value().toObject();
        for (auto status = byStatus.begin(); status != byStatus.end(); ++status) {
            const double count = status.value().toDouble(-1);
            if (!status.value().isDouble() || count < 0 || count != double(qint64(count)))
                fields.fail("items");
            stats.itemsByStatus[kind.key()].insert(status.key(), qint64(count));
        }
    }
    for (const QJsonValue &value : fields.array("decisions_per_day")) {
        Fields day(value, QStringLiteral("decisions_per_day"));
        DecisionDay decided;
        decided.date = day.date("date");
        decided.approved = day.integer("approved");
        decided.rejected = day.integer("rejected");
        if (auto checked = day.result(0); !checked)
            fields.fail("decisions_per_day");
        stats.decisionsPerDay.append(decided);
    }
    stats.timeToDecision = readDurations(fields, "time_to_decision", "max_seconds");
    stats.queueAge = readDurations(fields, "review_queue", "oldest_seconds");
    return fields.result(std::move(stats));
}

Result<AuditEvent> readAuditEvent(const QJsonValue &json)
{
    Fields fields(json, QStringLiteral("audit event"));
    AuditEvent event;
    event.id = fields.integer("id");
    event.at = fields.time("at");
    event.actorUsername = fields.text("actor");
    event.action = fields.text("action");
    event.entityType = fields.text("entity_type");
    event.entityId = fields.text("entity_id");
    event.fromStatus = fields.text("from_status", true);
    event.toStatus = fields.text("to_status", true);
    event.version = fields.optionalInteger("version");
    event.comment = fields.text("comment", true);
    event.detail = fields.object("detail");
    return fields.result(std::move(event));
}

namespace {

QJsonArray linesJson(const QList<NewLine> &lines)
{
    QJsonArray array;
    for (const NewLine &line : lines)
        array.append(QJsonObject{{QStringLiteral("product_id"), line.productId.toString(QUuid::WithoutBraces)},
                                 {QStringLiteral("quantity"), line.quantity}});
    return array;
}

} // namespace

QJsonObject toJson(const NewFeature &input)
{
    return {{QStringLiteral("name"), input.name}, {QStringLiteral("options"), input.options}};
}

QJsonObject toJson(const FeaturePatch &patch)
{
    QJsonObject body;
    if (patch.name)
        body.insert(QStringLiteral("name"), *patch.name);
    if (patch.options)
        body.insert(QStringLiteral("options"), *patch.options);
    return body;
}

QJsonObject toJson(const NewOrder &input)
{
    return {{QStringLiteral("lines"), linesJson(input.lines)}, {QStringLiteral("note"), input.note}};
}

QJsonObject toJson(const OrderPatch &patch)
{
    QJsonObject body;
    if (patch.lines)
        body.insert(QStringLiteral("lines"), linesJson(*patch.lines));
    if (patch.note)
        body.insert(QStringLiteral("note"), *patch.note);
    return body;
}

QJsonObject toJson(const NewProduct &input)
{
    return {{QStringLiteral("sku"), input.sku},
            {QStringLiteral("name"), input.name},
            {QStringLiteral("price_cents"), input.priceCents},
            {QStringLiteral("active"), input.active}};
}

QJsonObject toJson(const ProductPatch &patch)
{
    QJsonObject body;
    if (patch.sku)
        body.insert(QStringLiteral("sku"), *patch.sku);
    if (patch.name)
        body.insert(QStringLiteral("name"), *patch.name);
    if (patch.priceCents)
        body.insert(QStringLiteral("price_cents"), *patch.priceCents);
    if (patch.active)
        body.insert(QStringLiteral("active"), *patch.active);
    return body;
}

QJsonObject toJson(const NewUser &input)
{
    return {{QStringLiteral("username"), input.username},
            {QStringLiteral("display_name"), input.displayName},
            {QStringLiteral("role"), toString(input.role)},
            {QStringLiteral("password"), input.password}};
}

QJsonObject toJson(const UserPatch &patch)
{
    QJsonObject body;
    if (patch.displayName)
        body.insert(QStringLiteral("display_name"), *patch.displayName);
    if (patch.role)
        body.insert(QStringLiteral("role"), toString(*patch.role));
    if (patch.disabled)
        body.insert(QStringLiteral("disabled"), *patch.disabled);
    if (patch.password)
        body.insert(QStringLiteral("password"), *patch.password);
    return body;
}

QJsonObject toJson(const NewWebhook &input)
{
    return {
        {QStringLiteral("url"), input.url},
        {QStringLiteral("events"), QJsonArray::fromStringList(input.events)},
        {QStringLiteral("active"), input.active},
    };
}

QJsonObject toJson(const WebhookPatch &patch)
{
    QJsonObject body;
    if (patch.url)
        body.insert(QStringLiteral("url"), *patch.url);
    if (patch.events)
        body.insert(QStringLiteral("events"), QJsonArray::fromStringList(*patch.events));
    if (patch.active)
        body.insert(QStringLiteral("active"), *patch.active);
    return body;
}

} // namespace signoff::client
