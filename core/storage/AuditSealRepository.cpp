// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AuditSealRepository.h"


namespace signoff {

namespace {

// The sealer's advisory lock on PostgreSQL ("seal" in ASCII): one sealer at
// a time across every process on the database.
constexpr qint64 sealerLockKey = 0x7365616c;

} // namespace

Result<bool> AuditSealRepository::tryLockSealer()
{
    if (m_connection.dialect() != SqlDialect::Postgresql)
        return true;
    auto rows = m_connection.query(QStringLiteral("SELECT pg_try_advisory_xact_lock(?)"), {sealerLockKey});
    if (!rows)
        return rows.error();
    rows->next();
    return rows->value(0).toBool();
}

Result<SealHead> AuditSealRepository::head()
{
    const bool postgres = m_connection.dialect() == SqlDialect::Postgresql;
    auto rows = m_connection.query(
        postgres ? QStringLiteral("SELECT s.position, s.seal, s.event_id, a.xact_id::text FROM audit_seal s "
                                  "LEFT JOIN audit_event a ON a.id = s.event_id ORDER BY s.position DESC LIMIT 1")
                 : QStringLiteral("SELECT position, seal, event_id, NULL FROM audit_seal ORDER BY position DESC LIMIT 1"));
    if (!rows)
        return rows.error();
    SealHead head;
    if (rows->next()) {
        head.position = rows->value(0).toLongLong();
        head.seal = rows->value(1).toString().trimmed();
        head.eventId = rows->value(2).toLongLong();
        head.xactId = rows->value(3).toString();
    }
    return head;
}

Result<bool> AuditSealRepository::hasUnsealed(const SealHead &head)
{
    if (m_connection.dialect() != SqlDialect::Postgresql) {
        auto rows = m_connection.query(QStringLiteral("SELECT EXISTS (SELECT 1 FROM audit_event WHERE id > ?)"), {head.eventId});
        if (!rows)
            return rows.error();
        rows->next();
        return rows->value(0).toBool();
    }
    if (head.position > 0 && head.xactId.isEmpty())
        return false; // the chain's last event is gone: nothing can be sealed after it (verification says so)
    // Only rows of transactions older than every one still running: none
    // that this snapshot cannot see can still appear before them.
    const QString condition = head.xactId.isEmpty()
        ? QStringLiteral("xact_id < pg_snapshot_xmin(pg_current_snapshot())")
        : QStringLiteral("(xact_id, id) > (CAST(? AS xid8), ?) AND xact_id < pg_snapshot_xmin(pg_current_snapshot())");
    const QVariantList values = head.xactId.isEmpty() ? QVariantList{} : QVariantList{head.xactId, head.eventId};
    auto rows = m_connection.query(QStringLiteral("SELECT EXISTS (SELECT 1 FROM audit_event WHERE ") + condition + u')', values);
    if (!rows)
        return rows.error();
    rows->next();
    return rows->value(0).toBool();
}

Result<QList<UnsealedEvent>> AuditSealRepository::unsealed(const SealHead &head, int limit)
{
    const bool postgres = m_connection.dialect() == SqlDialect::Postgresql;
    QString sql;
    QVariantList values;
    if (!postgres) {
        // Writes are serial on SQLite: id order is commit order.
        sql = QStringLiteral("SELECT ") + auditEventColumns()
            + QStringLiteral(", NULL FROM audit_event a WHERE a.id > ? ORDER BY a.id LIMIT ?");
        values = {head.eventId, limit};
    } else {
        // Transactions in the order they began writing, each one's rows in id
        // order: once a transaction is older than every running one, no row
        // can join those before it, so positions never go back.
        if (head.position > 0 && head.xactId.isEmpty())
            return QList<UnsealedEvent>(); // the chain's last event is gone (see hasUnsealed)
        sql = QStringLiteral("SELECT ") + auditEventColumns() + QStringLiteral(", a.xact_id::text FROM audit_event a WHERE ");
        if (!head.xactId.isEmpty()) {
            sql += QStringLiteral("(a.xact_id, a.id) > (CAST(? AS xid8), ?) AND ");
            values = {head.xactId, head.eventId};
        }
        sql += QStringLiteral("a.xact_id < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY a.xact_id, a.id LIMIT ?");
        values.append(limit);
    }
    auto rows = m_connection.query(sql, values);
    if (!rows)
        return rows.error();
    QList<UnsealedEvent> events;
    while (rows->next())
        events.append(UnsealedEvent{readAuditEvent(*rows, 0), rows->value(12).toString()});
    return events;
}

Result<void> AuditSealRepository::insert(const QList<NewSeal> &seals)
{
    // Rows per statement: one statement's overhead for many rows, and few
    // distinct statements to keep prepared (a full one and a single row).
    constexpr qsizetype rowsPerStatement = 50;
    static const QString single = QStringLiteral("INSERT INTO audit_seal (position, event_id, seal) VALUES (?, ?, ?)");
    static const QString many = [] {
        QString sql = QStringLiteral("INSERT INTO audit_seal (position, event_id, seal) VALUES (?, ?, ?)");
        for (qsizetype i = 1; i < rowsPerStatement; ++i)
            sql += QStringLiteral(", (?, ?, ?)");
        return sql;
    }();
    qsizetype next = 0;
    while (next < seals.size()) {
        const qsizetype count = seals.size() - next >= rowsPerStatement ? rowsPerStatement : 1;
        QVariantList values;
        values.reserve(count * 3);
        for (qsizetype i = next; i < next + count; ++i)
            values << seals.at(i).position << seals.at(i).eventId << seals.at(i).seal;
        if (auto inserted = m_connection.execute(count == 1 ? single : many, values); !inserted)
            return inserted;
        next += count;
    }
    return {};
}

Result<qint64> AuditSealRepository::latestPosition()
{
    auto rows = m_connection.query(QStringLiteral("SELECT COALESCE(MAX(position), 0) FROM audit_seal"));
    if (!rows)
        return rows.error();
    rows->next();
    return rows->value(0).toLongLong();
}

Result<QList<AuditChange>> AuditSealRepository::changesAfter(qint64 position, int limit)
{
    auto rows = m_connection.query(QStringLiteral("SELECT s.position, a.entity_type, a.entity_id FROM audit_seal s "
                                                  "JOIN audit_event a ON a.id = s.event_id "
                                                  "WHERE s.position > ? ORDER BY s.position LIMIT ?"),
                                   {position, limit});
    if (!rows)
        return rows.error();
    QList<AuditChange> changes;
    while (rows->next())
        changes.append(AuditChange{rows->value(0).toLongLong(), rows->value(1).toString(), rows->value(2).toString()});
    return changes;
}

Result<QList<SealedEvent>> AuditSealRepository::eventsAfter(qint64 position, int limit)
{
    auto rows = m_connection.query(QStringLiteral("SELECT s.position, s.seal, ") + auditEventColumns()
                                       + QStringLiteral(" FROM audit_seal s JOIN audit_event a ON a.id = s.event_id "
                                                        "WHERE s.position > ? ORDER BY s.position LIMIT ?"),
                                   {position, limit});
    if (!rows)
        return rows.error();
    QList<SealedEvent> events;
    while (rows->next())
        events.append(SealedEvent{rows->value(0).toLongLong(), rows->value(1).toString().trimmed(), readAuditEvent(*rows, 2)});
    return events;
}

Result<QList<ChainLink>> AuditSealRepository::linksAfter(qint64 position, int limit)
{
    auto rows = m_connection.query(QStringLiteral("SELECT s.position, s.event_id, s.seal, ") + auditEventColumns()
                                       + QStringLiteral(" FROM audit_seal s LEFT JOIN audit_event a ON a.id = s.event_id "
                                                        "WHERE s.position > ? ORDER BY s.position LIMIT ?"),
                                   {position, limit});
    if (!rows)
        return rows.error();
    QList<ChainLink> links;
    while (rows->next()) {
        ChainLink link;
        link.position = rows->value(0).toLongLong();
        link.eventId = rows->value(1).toLongLong();
        link.seal = rows->value(2).toString().trimmed();
        if (!rows->value(3).isNull())
            link.event = readAuditEvent(*rows, 3);
        links.append(std::move(link));
    }
    return links;
}

Result<std::optional<qint64>> AuditSealRepository::firstUnchainedBefore(const SealHead &head)
{
    if (head.position == 0)
        return std::optional<qint64>();
    const bool postgres = m_connection.dialect() == SqlDialect::Postgresql;
    if (postgres && head.xactId.isEmpty())
        return std::optional<qint64>(); // the head's own event is gone: verification names that
    const QString before = postgres ? QStringLiteral("(a.xact_id, a.id) < (CAST(? AS xid8), ?)") : QStringLiteral("a.id < ?");
    const QVariantList values = postgres ? QVariantList{head.xactId, head.eventId} : QVariantList{head.eventId};
    auto rows = m_connection.query(QStringLiteral("SELECT MIN(a.id) FROM audit_event a WHERE ") + before
                                       + QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = a.id)"),
                                   values);
    if (!rows)
        return rows.error();
    if (!rows->next() || rows->value(0).isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(rows->value(0).toLongLong());
}

Result<qint64> AuditSealRepository::unsealedCount()
{
    auto rows = m_connection.query(QStringLiteral(
        "SELECT COUNT(*) FROM audit_event a WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = a.id)"));
    if (!rows)
        return rows.error();
    rows->next();
    return rows->value(0).toLongLong();
}

} // namespace signoff
