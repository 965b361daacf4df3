// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "StatsRepository.h"

#include "SqlValues.h"

namespace signoff {

namespace {

// The predicate of idx_audit_decision_at, written the same way so that both
// planners use the partial index.
const QString isDecision = QStringLiteral("d.to_status IN ('approved', 'rejected')");

QString tableOf(EntityType kind)
{
    return kind == EntityType::Order ? QStringLiteral("orders") : QStringLiteral("feature_data");
}

std::optional<double> optionalSeconds(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

} // namespace

QString StatsRepository::secondsBetween(const QString &earlier, const QString &later) const
{
    // Whole milliseconds, what Signoff records (julianday()'s doubles are off
    // by microseconds otherwise).
    if (m_connection.dialect() == SqlDialect::Postgresql)
        return QStringLiteral("ROUND(EXTRACT(EPOCH FROM (%2) - (%1)), 3)::float8").arg(earlier, later);
    // SQLite keeps instants as RFC 3339 text with a Z, which julianday() reads.
    return QStringLiteral("ROUND((julianday(%2) - julianday(%1)) * 86400.0, 3)").arg(earlier, later);
}

// The time of the latest submission of an item, optionally before an audit
// event id: idx_audit_entity (entity_type, entity_id, id) finds it.
QString StatsRepository::latestSubmission(const QString &entityType, const QString &entityId, const QString &before) const
{
    QString sql = QStringLiteral("(SELECT MAX(s.at) FROM audit_event s WHERE s.entity_type = %1 AND s.entity_id = %2 "
                                 "AND s.action = 'submit'")
                      .arg(entityType, entityId);
    if (!before.isEmpty())
        sql += QStringLiteral(" AND s.id < ") + before;
    return sql + u')';
}

Result<QMap<QString, qint64>> StatsRepository::countByStatus(EntityType kind)
{
    auto rows = m_connection.query(QStringLiteral("SELECT status, COUNT(*) FROM %1 GROUP BY status").arg(tableOf(kind)));
    if (!rows)
        return rows.error();
    QMap<QString, qint64> counts;
    while (rows->next())
        counts.insert(rows->value(0).toString(), rows->value(1).toLongLong());
    return counts;
}

Result<QMap<QDate, DecisionDay>> StatsRepository::decisionsPerDay(const QDateTime &since)
{
    const QString day = m_connection.dialect() == SqlDialect::Postgresql
        ? QStringLiteral("to_char(d.at AT TIME ZONE 'UTC', 'YYYY-MM-DD')")
        : QStringLiteral("substr(d.at, 1, 10)");
    auto rows = m_connection.query(
        QStringLiteral("SELECT %1 AS day, "
                       "SUM(CASE WHEN d.to_status = 'approved' THEN 1 ELSE 0 END), "
                       "SUM(CASE WHEN d.to_status = 'rejected' THEN 1 ELSE 0 END) "
                       "FROM audit_event d WHERE %2 AND d.at >= ? GROUP BY day")
            .arg(day, isDecision),
        {sql::fromTime(since)});
    if (!rows)
        return rows.error();
    QMap<QDate, DecisionDay> days;
    while (rows->next()) {
        DecisionDay decided;
        decided.date = QDate::fromString(rows->value(0).toString(), Qt::ISODate);
        decided.approved = rows->value(1).toLongLong();
        decided.rejected = rows->value(2).toLongLong();
        if (decided.date.isValid())
            days.insert(decided.date, decided);
    }
    return days;
}

Result<DurationSummary> StatsRepository::timeToDecision(const QDateTime &since)
{
    const QString submitted = latestSubmission(QStringLiteral("d.entity_type"), QStringLiteral("d.entity_id"),
                                               QStringLiteral("d.id"));
    return summarize(QStringLiteral("SELECT %1 AS wait FROM audit_event d WHERE %2 AND d.at >= ?")
                         .arg(secondsBetween(submitted, QStringLiteral("d.at")), isDecision),
                     {sql::fromTime(since)});
}

Result<DurationSummary> StatsRepository::queueAge(const QDateTime &now)
{
    const bool postgres = m_connection.dialect() == SqlDialect::Postgresql;
    const QString at = postgres ? QStringLiteral("CAST(? AS timestamptz)") : QStringLiteral("?");
    const auto waitsOf = [&](const QString &kind, const QString &table) {
        const QString id = postgres ? QStringLiteral("i.id::text") : QStringLiteral("i.id");
        return QStringLiteral("SELECT %1 AS wait FROM %2 i WHERE i.status = 'pending'")
            .arg(secondsBetween(latestSubmission(u'\'' + kind + u'\'', id, QString()), at), table);
    };
    return summarize(waitsOf(QStringLiteral("feature"), QStringLiteral("feature_data")) + QStringLiteral(" UNION ALL ")
                         + waitsOf(QStringLiteral("order"), QStringLiteral("orders")),
                     {sql::fromTime(now), sql::fromTime(now)});
}

// Count, median, 90th percentile (nearest rank: the ceil(p * n)-th smallest)
// and largest of the `wait` column of `waitsSelect`.
Result<DurationSummary> StatsRepository::summarize(const QString &waitsSelect, const QVariantList &values)
{
    auto rows = m_connection.query(
        QStringLiteral("WITH waits AS (%1), "
                       "ranked AS (SELECT wait, ROW_NUMBER() OVER (ORDER BY wait) AS position, COUNT(*) OVER () AS total "
                       "FROM waits WHERE wait IS NOT NULL) "
                       "SELECT total, MAX(CASE WHEN position = (total + 1) / 2 THEN wait END), "
                       "MAX(CASE WHEN position = (9 * total + 9) / 10 THEN wait END), MAX(wait) "
                       "FROM ranked GROUP BY total")
            .arg(waitsSelect),
        values);
    if (!rows)
        return rows.error();
    DurationSummary summary;
    if (rows->next()) {
        summary.count = rows->value(0).toLongLong();
        summary.medianSeconds = optionalSeconds(rows->value(1));
        summary.p90Seconds = optionalSeconds(rows->value(2));
        summary.maxSeconds = optionalSeconds(rows->value(3));
    }
    return summary;
}

} // namespace signoff
