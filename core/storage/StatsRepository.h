// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Connection.h"
#include "domain/EntityType.h"
#include "domain/Result.h"
#include "domain/Stats.h"

namespace signoff {

// The dashboard's figures, each computed by the database in one statement
// (counts, per-day sums, percentiles by rank), never by reading rows into
// the program. Decisions are audit events that end a review (to_status
// approved or rejected); an item's wait starts at its latest submission.
class StatsRepository
{
public:
    explicit StatsRepository(Connection &connection) : m_connection(connection) {}

    // Status -> how many items of `kind` (a feature or an order) have it.
    Result<QMap<QString, qint64>> countByStatus(EntityType kind);
    // Day (UTC) -> its decisions, for the decisions at or after `since`.
    Result<QMap<QDate, DecisionDay>> decisionsPerDay(const QDateTime &since);
    // From submission to decision, for the decisions at or after `since`.
    Result<DurationSummary> timeToDecision(const QDateTime &since);
    // How long each pending feature and order has waited at `now`.
    Result<DurationSummary> queueAge(const QDateTime &now);

private:
    Result<DurationSummary> summarize(const QString &waitsSelect, const QVariantList &values);
    QString secondsBetween(const QString &earlier, const QString &later) const;
    QString latestSubmission(const QString &entityType, const QString &entityId, const QString &before) const;

    Connection &m_connection;
};

} // namespace signoff
