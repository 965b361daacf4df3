// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AuditRepository.h"

#include "KeysetQuery.h"
#include "SqlValues.h"
#include "WebhookRepository.h"
#include "domain/EventType.h"

#include <QJsonDocument>

namespace signoff {

namespace {

const QStringList eventColumnList{
    QStringLiteral("a.id"),          QStringLiteral("a.at"),          QStringLiteral("a.actor_id"),
    QStringLiteral("a.actor_username"), QStringLiteral("a.action"),   QStringLiteral("a.entity_type"),
    QStringLiteral("a.entity_id"),   QStringLiteral("a.from_status"), QStringLiteral("a.to_status"),
    QStringLiteral("a.version"),     QStringLiteral("a.comment"),     QStringLiteral("a.detail"),
};
const QString selectEvents =
    QStringLiteral("SELECT ") + eventColumnList.join(QStringLiteral(", ")) + QStringLiteral(" FROM audit_event a");

AuditEvent readEvent(const Rows &rows)
{
    return readAuditEvent(rows, 0);
}

} // namespace

const QString &auditEventColumns()
{
    static const QString columns = eventColumnList.join(QStringLiteral(", "));
    return columns;
}

AuditEvent readAuditEvent(const Rows &rows, int first)
{
    AuditEvent event;
    event.id = rows.value(first).toLongLong();
    event.at = sql::toTime(rows.value(first + 1));
    event.actorId = sql::toUuid(rows.value(first + 2));
    event.actorUsername = rows.value(first + 3).toString();
    event.action = rows.value(first + 4).toString();
    event.entityType = rows.value(first + 5).toString();
    event.entityId = rows.value(first + 6).toString();
    event.fromStatus = rows.value(first + 7).toString();
    event.toStatus = rows.value(first + 8).toString();
    if (!rows.value(first + 9).isNull())
        event.version = rows.value(first + 9).toInt();
    event.comment = rows.value(first + 10).toString();
    event.detail = sql::toJson(rows.value(first + 11));
    return event;
}

Result<void> AuditRepository::append(const AuditEvent &event)
{
    auto appended = appendReturningId(event);
    if (!appended)
        return appended.error();
    return {};
}

Result<qint64> AuditRepository::appendReturningId(const AuditEvent &event)
{
    const QVariant actorId = event.actorId.isNull() ? QVariant(QMetaType::fromType<QString>()) : sql::fromUuid(event.actorId);
    const QVariant version = event.version ? QVariant(*event.version) : QVariant(QMetaType::fromType<int>());
    const QVariant detail = event.detail.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : sql::fromJson(event.detail);
    qint64 id = 0;
    {
        auto rows = m_connection.query(
            QStringLiteral("INSERT INTO audit_event (at, actor_id, actor_username, action, entity_type, entity_id, "
                           "from_status, to_status, version, comment, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "RETURNING id"),
            {sql::fromTime(event.at), actorId, event.actorUsername, event.action, event.entityType, event.entityId,
             sql::fromOptionalText(event.fromStatus), sql::fromOptionalText(event.toStatus), version,
             sql::fromOptionalText(event.comment), detail});
        if (!rows)
            return rows.error();
        if (!rows->next())
            return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "The audit log did not record the event.")));
        id = rows->value(0).toLongLong();
    }
    // The webhook outbox (docs/design.md, "Webhooks"): a delivery for every
    // endpoint that asked for this type of event, in the event's own
    // transaction, so none is lost or invented whatever happens next.
    if (auto queued = WebhookRepository(m_connection).enqueue(id, eventTypeName(event), event.at); !queued)
        return queued.error();
    return id;
}

Result<QList<AuditEvent>> AuditRepository::history(const QString &entityType, const QString &entityId)
{
    auto rows = m_connection.query(selectEvents + QStringLiteral(" WHERE a.entity_type = ? AND a.entity_id = ? ORDER BY a.id"),
                                   {entityType, entityId});
    if (!rows)
        return rows.error();
    QList<AuditEvent> events;
    while (rows->next())
        events.append(readEvent(*rows));
    return events;
}

Result<QList<Comment>> AuditRepository::comments(const QString &entityType, const QString &entityId)
{
    auto rows = m_connection.query(QStringLiteral("SELECT id, at, actor_username, comment FROM audit_event "
                                                  "WHERE entity_type = ? AND entity_id = ? AND action = 'comment' ORDER BY id"),
                                   {entityType, entityId});
    if (!rows)
        return rows.error();
    QList<Comment> comments;
    while (rows->next())
        comments.append(Comment{rows->value(0).toLongLong(), rows->value(2).toString(), sql::toTime(rows->value(1)),
                                rows->value(3).toString()});
    return comments;
}

Result<qint64> AuditRepository::commentCount(const QString &entityType, const QString &entityId)
{
    auto rows = m_connection.query(QStringLiteral("SELECT COUNT(*) FROM audit_event "
                                                  "WHERE entity_type = ? AND entity_id = ? AND action = 'comment'"),
                                   {entityType, entityId});
    if (!rows)
        return rows.error();
    return rows->next() ? rows->value(0).toLongLong() : 0;
}

Result<Page<AuditEvent>> AuditRepository::list(const AuditQuery &query)
{
    auto limit = checkedLimit(query.page);
    if (!limit)
        return limit.error();
    KeysetQuery keyset(eventColumnList, QStringLiteral("audit_event a"), QStringLiteral("a.id"));
    if (!query.entityType.isEmpty())
        keyset.where(QStringLiteral("a.entity_type = ?"), {query.entityType});
    if (!query.entityId.isEmpty())
        keyset.where(QStringLiteral("a.entity_id = ?"), {query.entityId});
    if (!query.actorUsername.isEmpty())
        keyset.where(QStringLiteral("a.actor_username = ?"), {query.actorUsername});
    if (query.since.isValid())
        keyset.where(QStringLiteral("a.at >= ?"), {sql::fromTime(query.since)});
    // Ids grow with time: the log's order is its ids'.
    keyset.orderBy(QStringLiteral("a.id"), !query.oldestFirst, KeysetQuery::SortValue::Integer);
    if (auto started = keyset.startAfter(query.page.after); !started)
        return started.error();
    auto rows = m_connection.query(keyset.sql(), keyset.values(*limit));
    if (!rows)
        return rows.error();
    return collectPage<AuditEvent>(*rows, *limit, keyset, readEvent);
}

} // namespace signoff
