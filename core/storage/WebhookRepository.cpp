// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "WebhookRepository.h"

#include "AuditRepository.h"
#include "KeysetQuery.h"
#include "SqlValues.h"
#include "domain/Identifier.h"
#include "domain/WebhookRules.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace signoff {

namespace {

const QStringList endpointColumnList{
    QStringLiteral("w.id"),      QStringLiteral("w.url"),        QStringLiteral("w.events"),     QStringLiteral("w.active"),
    QStringLiteral("w.version"), QStringLiteral("w.created_at"), QStringLiteral("w.updated_at"), QStringLiteral("w.secret"),
};
const QString selectEndpoints =
    QStringLiteral("SELECT ") + endpointColumnList.join(QStringLiteral(", ")) + QStringLiteral(" FROM webhook_endpoint w");

const QStringList deliveryColumnList{
    QStringLiteral("d.id"),          QStringLiteral("d.endpoint_id"),    QStringLiteral("d.event_id"),
    QStringLiteral("d.event_type"),  QStringLiteral("d.status"),         QStringLiteral("d.attempts"),
    QStringLiteral("d.created_at"),  QStringLiteral("d.next_attempt_at"), QStringLiteral("d.window_start"),
    QStringLiteral("d.last_attempt_at"), QStringLiteral("d.last_response_code"),
};
const QString selectDeliveries =
    QStringLiteral("SELECT ") + deliveryColumnList.join(QStringLiteral(", ")) + QStringLiteral(" FROM webhook_delivery d");

QString eventsText(const QStringList &events)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(events)).toJson(QJsonDocument::Compact));
}

QStringList eventsFromText(const QString &text)
{
    QStringList events;
    for (const QJsonValue &value : QJsonDocument::fromJson(text.toUtf8()).array())
        events.append(value.toString());
    return events;
}

WebhookEndpoint readEndpoint(const Rows &rows)
{
    WebhookEndpoint endpoint;
    endpoint.id = sql::toUuid(rows.value(0));
    endpoint.url = rows.value(1).toString();
    endpoint.events = eventsFromText(rows.value(2).toString());
    endpoint.active = rows.value(3).toBool();
    endpoint.version = rows.value(4).toInt();
    endpoint.createdAt = sql::toTime(rows.value(5));
    endpoint.updatedAt = sql::toTime(rows.value(6));
    endpoint.secret = rows.value(7).toString();
    return endpoint;
}

WebhookDelivery readDelivery(const Rows &rows)
{
    WebhookDelivery delivery;
    delivery.id = sql::toUuid(rows.value(0));
    delivery.endpointId = sql::toUuid(rows.value(1));
    delivery.eventId = rows.value(2).toLongLong();
    delivery.eventType = rows.value(3).toString();
    delivery.status = deliveryStatusFromString(rows.value(4).toString()).value_or(DeliveryStatus::Pending);
    delivery.attemptCount = rows.value(5).toInt();
    delivery.createdAt = sql::toTime(rows.value(6));
    delivery.nextAttemptAt = sql::toTime(rows.value(7));
    delivery.giveUpAt = sql::toTime(rows.value(8)); // the window's start; the service adds the window
    delivery.lastAttemptAt = sql::toTime(rows.value(9));
    if (!rows.value(10).isNull())
        delivery.lastResponseCode = rows.value(10).toInt();
    return delivery;
}

QVariant optionalInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

} // namespace

Result<void> WebhookRepository::insert(const WebhookEndpoint &endpoint)
{
    if (auto inserted = m_connection.execute(
            QStringLiteral("INSERT INTO webhook_endpoint (id, url, events, active, secret, version, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {sql::fromUuid(endpoint.id), endpoint.url, eventsText(endpoint.events), endpoint.active, endpoint.secret,
             endpoint.version, sql::fromTime(endpoint.createdAt), sql::fromTime(endpoint.updatedAt)});
        !inserted)
        return inserted;
    return writeFilters(endpoint.id, endpoint.events);
}

Result<void> WebhookRepository::writeFilters(const QUuid &endpointId, const QStringList &patterns)
{
    if (auto removed = m_connection.execute(QStringLiteral("DELETE FROM webhook_event_filter WHERE endpoint_id = ?"),
                                            {sql::fromUuid(endpointId)});
        !removed)
        return removed;
    for (const QString &pattern : patterns) {
        if (auto added = m_connection.execute(QStringLiteral("INSERT INTO webhook_event_filter (pattern, endpoint_id) VALUES (?, ?)"),
                                              {pattern, sql::fromUuid(endpointId)});
            !added)
            return added;
    }
    return {};
}

Result<std::optional<WebhookEndpoint>> WebhookRepository::findById(const QUuid &id)
{
    auto rows = m_connection.query(selectEndpoints + QStringLiteral(" WHERE w.id = ?"), {sql::fromUuid(id)});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return std::optional<WebhookEndpoint>();
    return std::optional<WebhookEndpoint>(readEndpoint(*rows));
}

Result<Page<WebhookEndpoint>> WebhookRepository::list(const PageRequest &page)
{
    auto limit = checkedLimit(page);
    if (!limit)
        return limit.error();
    KeysetQuery keyset(endpointColumnList, QStringLiteral("webhook_endpoint w"), insertionOrder(m_connection.dialect(), QStringLiteral("w")));
    keyset.orderBy(QStringLiteral("w.created_at"), true, KeysetQuery::SortValue::Timestamp);
    if (auto started = keyset.startAfter(page.after); !started)
        return started.error();
    auto rows = m_connection.query(keyset.sql(), keyset.values(*limit));
    if (!rows)
        return rows.error();
    return collectPage<WebhookEndpoint>(*rows, *limit, keyset, readEndpoint);
}

Result<bool> WebhookRepository::update(const WebhookEndpoint &endpoint, int expectedVersion)
{
    auto rows = m_connection.query(
        QStringLiteral("UPDATE webhook_endpoint SET url = ?, events = ?, active = ?, version = ?, updated_at = ? "
                       "WHERE id = ? AND version = ?"),
        {endpoint.url, eventsText(endpoint.events), endpoint.active, endpoint.version, sql::fromTime(endpoint.updatedAt),
         sql::fromUuid(endpoint.id), expectedVersion});
    if (!rows)
        return rows.error();
    if (rows->rowsAffected() != 1)
        return false;
    if (auto written = writeFilters(endpoint.id, endpoint.events); !written)
        return written.error();
    return true;
}

Result<bool> WebhookRepository::remove(const QUuid &id, int expectedVersion)
{
    // The attempts and deliveries go with it (ON DELETE CASCADE).
    auto rows = m_connection.query(QStringLiteral("DELETE FROM webhook_endpoint WHERE id = ? AND version = ?"),
                                   {sql::fromUuid(id), expectedVersion});
    if (!rows)
        return rows.error();
    return rows->rowsAffected() == 1;
}

Result<void> WebhookRepository::enqueue(qint64 eventId, const QString &eventType, const QDateTime &at)
{
    const QStringList patterns = webhook::patternsMatching(eventType);
    QList<QUuid> endpoints;
    {
        auto rows = m_connection.query(
            QStringLiteral("SELECT DISTINCT f.endpoint_id FROM webhook_event_filter f "
                           "JOIN webhook_endpoint w ON w.id = f.endpoint_id WHERE f.pattern IN (?, ?, ?) AND w.active"),
            {patterns.at(0), patterns.at(1), patterns.at(2)});
        if (!rows)
            return rows.error();
        while (rows->next())
            endpoints.append(sql::toUuid(rows->value(0)));
    }
    for (const QUuid &endpoint : std::as_const(endpoints)) {
        if (auto inserted = m_connection.execute(
                QStringLiteral("INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, status, attempts, "
                               "created_at, next_attempt_at, window_start) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?)"),
                {sql::fromUuid(newIdentifier()), sql::fromUuid(endpoint), eventId, eventType, sql::fromTime(at),
                 sql::fromTime(at), sql::fromTime(at)});
            !inserted)
            return inserted;
    }
    return {};
}

Result<QHash<QUuid, QList<WebhookAttempt>>> WebhookRepository::attemptsOf(const QList<QUuid> &deliveryIds)
{
    QHash<QUuid, QList<WebhookAttempt>> attempts;
    if (deliveryIds.isEmpty())
        return attempts;
    QString placeholders;
    QVariantList values;
    for (const QUuid &id : deliveryIds) {
        placeholders += placeholders.isEmpty() ? QStringLiteral("?") : QStringLiteral(", ?");
        values.append(sql::fromUuid(id));
    }
    auto rows = m_connection.query(QStringLiteral("SELECT delivery_id, at, outcome, response_code, duration_ms, response, error "
                                                  "FROM webhook_attempt WHERE delivery_id IN (")
                                       + placeholders + QStringLiteral(") ORDER BY id"),
                                   values);
    if (!rows)
        return rows.error();
    while (rows->next()) {
        WebhookAttempt attempt;
        attempt.at = sql::toTime(rows->value(1));
        const QString outcome = rows->value(2).toString();
        attempt.outcome = outcome == QStringLiteral("delivered") ? AttemptOutcome::Delivered
            : outcome == QStringLiteral("retry")                 ? AttemptOutcome::Retry
                                                                 : AttemptOutcome::Failed;
        if (!rows->value(3).isNull())
            attempt.responseCode = rows->value(3).toInt();
        attempt.durationMs = rows->value(4).toLongLong();
        attempt.response = rows->value(5).toString();
        attempt.error = rows->value(6).toString();
        attempts[sql::toUuid(rows->value(0))].append(attempt);
    }
    return attempts;
}

Result<Page<WebhookDelivery>> WebhookRepository::deliveries(const QUuid &endpointId, const PageRequest &page)
{
    auto limit = checkedLimit(page);
    if (!limit)
        return limit.error();
    KeysetQuery keyset(deliveryColumnList, QStringLiteral("webhook_delivery d"), insertionOrder(m_connection.dialect(), QStringLiteral("d")));
    keyset.where(QStringLiteral("d.endpoint_id = ?"), {sql::fromUuid(endpointId)});
    keyset.orderBy(QStringLiteral("d.created_at"), true, KeysetQuery::SortValue::Timestamp);
    if (auto started = keyset.startAfter(page.after); !started)
        return started.error();
    Page<WebhookDelivery> result;
    {
        auto rows = m_connection.query(keyset.sql(), keyset.values(*limit));
        if (!rows)
            return rows.error();
        result = collectPage<WebhookDelivery>(*rows, *limit, keyset, readDelivery);
    }
    QList<QUuid> ids;
    for (const WebhookDelivery &delivery : std::as_const(result.items))
        ids.append(delivery.id);
    auto attempts = attemptsOf(ids);
    if (!attempts)
        return attempts.error();
    for (WebhookDelivery &delivery : result.items)
        delivery.attempts = attempts->value(delivery.id);
    return result;
}

Result<std::optional<WebhookDelivery>> WebhookRepository::delivery(const QUuid &endpointId, const QUuid &deliveryId)
{
    std::optional<WebhookDelivery> found;
    {
        auto rows = m_connection.query(selectDeliveries + QStringLiteral(" WHERE d.id = ? AND d.endpoint_id = ?"),
                                       {sql::fromUuid(deliveryId), sql::fromUuid(endpointId)});
        if (!rows)
            return rows.error();
        if (!rows->next())
            return found;
        found = readDelivery(*rows);
    }
    auto attempts = attemptsOf({deliveryId});
    if (!attempts)
        return attempts.error();
    found->attempts = attempts->value(deliveryId);
    return found;
}

Result<bool> WebhookRepository::requeue(const QUuid &endpointId, const QUuid &deliveryId, const QDateTime &at)
{
    auto rows = m_connection.query(
        QStringLiteral("UPDATE webhook_delivery SET status = 'pending', next_attempt_at = ?, window_start = ?, "
                       "lease_owner = NULL, lease_until = NULL WHERE id = ? AND endpoint_id = ?"),
        {sql::fromTime(at), sql::fromTime(at), sql::fromUuid(deliveryId), sql::fromUuid(endpointId)});
    if (!rows)
        return rows.error();
    return rows->rowsAffected() == 1;
}

Result<bool> WebhookRepository::anyDue(const QDateTime &now)
{
    auto rows = m_connection.query(QStringLiteral("SELECT EXISTS (SELECT 1 FROM webhook_delivery WHERE status = 'pending' "
                                                  "AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?))"),
                                   {sql::fromTime(now), sql::fromTime(now)});
    if (!rows)
        return rows.error();
    rows->next();
    return rows->value(0).toBool();
}

Result<QList<ClaimedDelivery>> WebhookRepository::claimDue(const QString &owner, const QDateTime &now,
                                                           const QDateTime &leaseUntil, int limit)
{
    const bool postgres = m_connection.dialect() == SqlDialect::Postgresql;
    // The head of each endpoint's queue: no pending delivery of the same
    // endpoint comes before it in the feed. A leased head (being sent) or
    // one waiting for its retry holds back those after it.
    QString sql = QStringLiteral(
        "SELECT d.id FROM webhook_delivery d "
        "JOIN audit_seal s ON s.event_id = d.event_id "
        "JOIN webhook_endpoint w ON w.id = d.endpoint_id "
        "WHERE d.status = 'pending' AND w.active AND d.next_attempt_at <= ? "
        "AND (d.lease_until IS NULL OR d.lease_until < ?) "
        "AND NOT EXISTS (SELECT 1 FROM webhook_delivery p JOIN audit_seal ps ON ps.event_id = p.event_id "
        "WHERE p.endpoint_id = d.endpoint_id AND p.status = 'pending' AND ps.position < s.position) "
        "ORDER BY s.position LIMIT ?");
    if (postgres)
        sql += QStringLiteral(" FOR UPDATE OF d SKIP LOCKED");
    QList<QUuid> ids;
    {
        auto rows = m_connection.query(sql, {sql::fromTime(now), sql::fromTime(now), limit});
        if (!rows)
            return rows.error();
        while (rows->next())
            ids.append(sql::toUuid(rows->value(0)));
    }
    QList<ClaimedDelivery> claimed;
    for (const QUuid &id : std::as_const(ids)) {
        if (auto leased = m_connection.execute(QStringLiteral("UPDATE webhook_delivery SET lease_owner = ?, lease_until = ? WHERE id = ?"),
                                               {owner, sql::fromTime(leaseUntil), sql::fromUuid(id)});
            !leased)
            return leased.error();
        auto rows = m_connection.query(QStringLiteral("SELECT d.id, d.endpoint_id, w.url, w.secret, d.event_type, d.attempts, "
                                                      "d.window_start, ")
                                           + auditEventColumns()
                                           + QStringLiteral(" FROM webhook_delivery d JOIN webhook_endpoint w ON w.id = d.endpoint_id "
                                                            "JOIN audit_event a ON a.id = d.event_id WHERE d.id = ?"),
                                       {sql::fromUuid(id)});
        if (!rows)
            return rows.error();
        if (!rows->next())
            continue;
        ClaimedDelivery delivery;
        delivery.deliveryId = sql::toUuid(rows->value(0));
        delivery.endpointId = sql::toUuid(rows->value(1));
        delivery.url = rows->value(2).toString();
        delivery.secret = rows->value(3).toString();
        delivery.eventType = rows->value(4).toString();
        delivery.attemptCount = rows->value(5).toInt();
        delivery.windowStart = sql::toTime(rows->value(6));
        delivery.event = readAuditEvent(*rows, 7);
        claimed.append(std::move(delivery));
    }
    return claimed;
}

Result<bool> WebhookRepository::recordAttempt(const AttemptRecord &record)
{
    const bool postgres = m_connection.dialect() == SqlDialect::Postgresql;
    QString owner;
    {
        auto rows = m_connection.query(QStringLiteral("SELECT lease_owner FROM webhook_delivery WHERE id = ?")
                                           + (postgres ? QStringLiteral(" FOR UPDATE") : QString()),
                                       {sql::fromUuid(record.deliveryId)});
        if (!rows)
            return rows.error();
        if (!rows->next())
            return false; // its endpoint was deleted meanwhile
        owner = rows->value(0).toString();
    }
    const WebhookAttempt &attempt = record.attempt;
    if (auto logged = m_connection.execute(
            QStringLiteral("INSERT INTO webhook_attempt (delivery_id, at, outcome, response_code, duration_ms, response, error) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {sql::fromUuid(record.deliveryId), sql::fromTime(attempt.at), toString(attempt.outcome),
             optionalInt(attempt.responseCode), attempt.durationMs, attempt.response, attempt.error});
        !logged)
        return logged.error();
    if (owner != record.leaseOwner)
        return false;
    const QDateTime next = record.status == DeliveryStatus::Pending ? record.nextAttemptAt : attempt.at;
    if (auto moved = m_connection.execute(
            QStringLiteral("UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, next_attempt_at = ?, "
                           "last_attempt_at = ?, last_response_code = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?"),
            {toString(record.status), sql::fromTime(next), sql::fromTime(attempt.at), optionalInt(attempt.responseCode),
             sql::fromUuid(record.deliveryId)});
        !moved)
        return moved.error();
    return true;
}

Result<qint64> WebhookRepository::pruneFinishedBefore(const QDateTime &cutoff)
{
    auto rows = m_connection.query(QStringLiteral("DELETE FROM webhook_delivery WHERE status <> 'pending' AND last_attempt_at < ?"),
                                   {sql::fromTime(cutoff)});
    if (!rows)
        return rows.error();
    return rows->rowsAffected();
}

} // namespace signoff
