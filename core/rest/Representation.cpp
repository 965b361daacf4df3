// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Representation.h"

#include "JsonWriter.h"

#include "domain/Timestamp.h"
#include "service/AuditExport.h"
#include "service/CacheFootprint.h"
#include "service/ReadCache.h"

namespace signoff::rest {

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QJsonValue timestamp(const QDateTime &at)
{
    if (!at.isValid())
        return QJsonValue(QJsonValue::Null);
    return QString::fromLatin1(utcTimestampText(at));
}

QString idString(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QJsonObject toJson(const Approval &approval)
{
    return {
        {QStringLiteral("by"), approval.by},
        {QStringLiteral("at"), timestamp(approval.at)},
        {QStringLiteral("comment"), textOrNull(approval.comment)},
    };
}

QJsonObject toJson(const Comment &comment)
{
    return {
        {QStringLiteral("id"), comment.id},
        {QStringLiteral("by"), comment.author},
        {QStringLiteral("at"), timestamp(comment.at)},
        {QStringLiteral("body"), comment.body},
    };
}

QJsonObject toJson(const ApprovalPolicy &policy)
{
    return policy.toJson();
}

namespace {

QJsonValue secondsOrNull(const std::optional<double> &seconds)
{
    return seconds ? QJsonValue(*seconds) : QJsonValue(QJsonValue::Null);
}

// `largestName`: what the largest duration means here ("max_seconds",
// "oldest_seconds").
QJsonObject durationsJson(const DurationSummary &summary, const QString &largestName)
{
    return {{QStringLiteral("count"), summary.count},
            {QStringLiteral("median_seconds"), secondsOrNull(summary.medianSeconds)},
            {QStringLiteral("p90_seconds"), secondsOrNull(summary.p90Seconds)},
            {largestName, secondsOrNull(summary.maxSeconds)}};
}

} // namespace

QJsonObject toJson(const Stats &stats)
{
    QJsonObject items;
    for (auto kind = stats.itemsByStatus.cbegin(); kind != stats.itemsByStatus.cend(); ++kind) {
        QJsonObject byStatus;
        for (auto status = kind->cbegin(); status != kind->cend(); ++status)
            byStatus.insert(status.key(), status.value());
        items.insert(kind.key(), byStatus);
    }
    QJsonArray perDay;
    for (const DecisionDay &day : stats.decisionsPerDay) {
        perDay.append(QJsonObject{{QStringLiteral("date"), day.date.toString(Qt::ISODate)},
                                  {QStringLiteral("approved"), day.approved},
                                  {QStringLiteral("rejected"), day.rejected}});
    }
    return {{QStringLiteral("days"), stats.days},
            {QStringLiteral("from"), stats.firstDay.toString(Qt::ISODate)},
            {QStringLiteral("to"), stats.generatedAt.date().toString(Qt::ISODate)},
            {QStringLiteral("generated_at"), timestamp(stats.generatedAt)},
            {QStringLiteral("items"), items},
            {QStringLiteral("decisions_per_day"), perDay},
            {QStringLiteral("time_to_decision"), durationsJson(stats.timeToDecision, QStringLiteral("max_seconds"))},
            {QStringLiteral("review_queue"), durationsJson(stats.queueAge, QStringLiteral("oldest_seconds"))}};
}

namespace {

QJsonArray approvalsJson(const QList<Approval> &approvals)
{
    QJsonArray array;
    for (const Approval &approval : approvals)
        array.append(toJson(approval));
    return array;
}

} // namespace

QJsonObject toJson(const Feature &feature)
{
    return {
        {QStringLiteral("approvals"), approvalsJson(feature.approvals)},
        {QStringLiteral("required_approvals"), feature.requiredApprovals},
        {QStringLiteral("id"), idString(feature.id)},
        {QStringLiteral("name"), feature.name},
        {QStringLiteral("options"), feature.options},
        {QStringLiteral("status"), toString(feature.status)},
        {QStringLiteral("owner"), feature.ownerUsername},
        {QStringLiteral("version"), feature.version},
        {QStringLiteral("created_at"), timestamp(feature.createdAt)},
        {QStringLiteral("updated_at"), timestamp(feature.updatedAt)},
    };
}

namespace {

// The members of toJson(Feature), in the order QJsonDocument writes them.
void writeFeature(JsonWriter &json, const Feature &feature)
{
    json.beginObject();
    json.key(QLatin1StringView("approvals"));
    json.beginArray();
    for (const Approval &approval : feature.approvals) {
        json.beginObject();
        json.key(QLatin1StringView("at"));
        json.timestamp(approval.at);
        json.key(QLatin1StringView("by"));
        json.string(approval.by);
        json.key(QLatin1StringView("comment"));
        if (approval.comment.isEmpty())
            json.null();
        else
            json.string(approval.comment);
        json.endObject();
    }
    json.endArray();
    json.key(QLatin1StringView("created_at"));
    json.timestamp(feature.createdAt);
    json.key(QLatin1StringView("id"));
    json.string(idString(feature.id));
    json.key(QLatin1StringView("name"));
    json.string(feature.name);
    json.key(QLatin1StringView("options"));
    json.raw(feature.options.isEmpty() ? QByteArray("{}") : QJsonDocument(feature.options).toJson(QJsonDocument::Compact));
    json.key(QLatin1StringView("owner"));
    json.string(feature.ownerUsername);
    json.key(QLatin1StringView("required_approvals"));
    json.number(feature.requiredApprovals);
    json.key(QLatin1StringView("status"));
    json.string(toString(feature.status));
    json.key(QLatin1StringView("updated_at"));
    json.timestamp(feature.updatedAt);
    json.key(QLatin1StringView("version"));
    json.number(feature.version);
    json.endObject();
}

// Features as bytes, by id, for the version (and time of change) they were
// written at: an item's version changes with every change, so an entry is
// either exactly right or not used, and nothing needs to invalidate it.
// Bounded by the approximate memory it holds (CacheFootprint: some 11,000
// small features, fewer large ones). One per process, shared by the server
// threads and by every RestServer in it: it holds no data the service has
// not just answered (docs/architecture.md, "Something about speed").
struct WrittenFeature
{
    int version = 0;
    QDateTime updatedAt;
    QByteArray json;
};

ReadCache<QUuid, WrittenFeature> &writtenFeatures()
{
    static ReadCache<QUuid, WrittenFeature> cache(4 * 1024 * 1024, std::chrono::hours(1));
    return cache;
}

} // namespace

QByteArray toJsonBytes(const Feature &feature)
{
    auto &cache = writtenFeatures();
    if (auto known = cache.find(feature.id); known && known->version == feature.version && known->updatedAt == feature.updatedAt)
        return known->json;
    JsonWriter json;
    writeFeature(json, feature);
    QByteArray bytes = json.take();
    const qsizetype footprint = approximateFootprint(bytes);
    cache.store(feature.id, WrittenFeature{feature.version, feature.updatedAt, bytes}, cache.ticket(), footprint);
    return bytes;
}

QByteArray toJsonBytes(const Page<Feature> &page)
{
    JsonWriter json(256 + 320 * page.items.size());
    json.beginObject();
    json.key(QLatin1StringView("items"));
    json.beginArray();
    for (const Feature &feature : page.items)
        json.raw(toJsonBytes(feature));
    json.endArray();
    json.key(QLatin1StringView("next"));
    if (page.next.isEmpty())
        json.null();
    else
        json.string(page.next);
    json.endObject();
    return json.take();
}

QJsonObject toJson(const LineItem &line)
{
    return {
        {QStringLiteral("id"), idString(line.id)},
        {QStringLiteral("product_id"), idString(line.productId)},
        {QStringLiteral("sku"), line.productSku},
        {QStringLiteral("product_name"), line.productName},
        {QStringLiteral("quantity"), line.quantity},
        {QStringLiteral("unit_price_cents"), line.unitPriceCents},
        {QStringLiteral("line_total_cents"), line.lineTotalCents()},
    };
}

QJsonObject toJson(const Order &order)
{
    QJsonArray lines;
    for (const LineItem &line : order.lines)
        lines.append(toJson(line));
    return {
        {QStringLiteral("approvals"), approvalsJson(order.approvals)},
        {QStringLiteral("required_approvals"), order.requiredApprovals},
        {QStringLiteral("id"), idString(order.id)},
        {QStringLiteral("status"), toString(order.status)},
        {QStringLiteral("owner"), order.ownerUsername},
        {QStringLiteral("note"), order.note},
        {QStringLiteral("lines"), lines},
        {QStringLiteral("total_cents"), order.totalCents()},
        {QStringLiteral("version"), order.version},
        {QStringLiteral("created_at"), timestamp(order.createdAt)},
        {QStringLiteral("updated_at"), timestamp(order.updatedAt)},
    };
}

QJsonObject toJson(const Product &product)
{
    return {
        {QStringLiteral("id"), idString(product.id)},
        {QStringLiteral("sku"), product.sku},
        {QStringLiteral("name"), product.name},
        {QStringLiteral("price_cents"), product.priceCents},
        {QStringLiteral("active"), product.active},
        {QStringLiteral("version"), product.version},
        {QStringLiteral("created_at"), timestamp(product.createdAt)},
        {QStringLiteral("updated_at"), timestamp(product.updatedAt)},
    };
}

QJsonObject toJson(const WebhookEndpoint &endpoint)
{
    QJsonObject json{
        {QStringLiteral("id"), idString(endpoint.id)},
        {QStringLiteral("url"), endpoint.url},
        {QStringLiteral("events"), QJsonArray::fromStringList(endpoint.events)},
        {QStringLiteral("active"), endpoint.active},
        {QStringLiteral("version"), endpoint.version},
        {QStringLiteral("created_at"), timestamp(endpoint.createdAt)},
        {QStringLiteral("updated_at"), timestamp(endpoint.updatedAt)},
    };
    if (!endpoint.secret.isEmpty())
        json.insert(QStringLiteral("secret"), endpoint.secret);
    return json;
}

QJsonObject toJson(const WebhookAttempt &attempt)
{
    return {
        {QStringLiteral("at"), timestamp(attempt.at)},
        {QStringLiteral("outcome"), toString(attempt.outcome)},
        {QStringLiteral("response_code"), attempt.responseCode ? QJsonValue(*attempt.responseCode) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("duration_ms"), attempt.durationMs},
        {QStringLiteral("response"), attempt.response},
        {QStringLiteral("error"), textOrNull(attempt.error)},
    };
}

QJsonObject toJson(const WebhookDelivery &delivery)
{
    QJsonArray attempts;
    for (const WebhookAttempt &attempt : delivery.attempts)
        attempts.append(toJson(attempt));
    const bool pending = delivery.status == DeliveryStatus::Pending;
    return {
        {QStringLiteral("id"), idString(delivery.id)},
        {QStringLiteral("webhook_id"), idString(delivery.endpointId)},
        {QStringLiteral("event_type"), delivery.eventType},
        {QStringLiteral("status"), toString(delivery.status)},
        {QStringLiteral("attempt_count"), delivery.attemptCount},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("created_at"), timestamp(delivery.createdAt)},
        {QStringLiteral("next_attempt_at"), pending ? timestamp(delivery.nextAttemptAt) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("give_up_at"), pending ? timestamp(delivery.giveUpAt) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("last_attempt_at"), timestamp(delivery.lastAttemptAt)},
        {QStringLiteral("last_response_code"),
         delivery.lastResponseCode ? QJsonValue(*delivery.lastResponseCode) : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject toJson(const User &user)
{
    return {
        {QStringLiteral("id"), idString(user.id)},
        {QStringLiteral("username"), user.username},
        {QStringLiteral("display_name"), user.displayName},
        {QStringLiteral("role"), toString(user.role)},
        {QStringLiteral("disabled"), user.disabled},
        {QStringLiteral("version"), user.version},
        {QStringLiteral("created_at"), timestamp(user.createdAt)},
        {QStringLiteral("updated_at"), timestamp(user.updatedAt)},
        {QStringLiteral("last_login_at"), timestamp(user.lastLoginAt)},
    };
}

QJsonObject toJson(const AuditEvent &event)
{
    return audit_export::eventJson(event); // one shape for the API and `signoff audit export`
}

QJsonObject toJson(const IssuedToken &token)
{
    return {
        {QStringLiteral("token"), token.token},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("expires_at"), timestamp(token.expiresAt)},
    };
}

} // namespace signoff::rest
