// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "StatsService.h"

#include "domain/Clock.h"
#include "domain/Workflow.h"
#include "storage/Database.h"
#include "storage/StatsRepository.h"

namespace signoff {

StatsService::StatsService(ServiceContext &context)
    : m_context(context)
{
}

Result<Stats> StatsService::compute(const Actor &, int days, const QDateTime &now)
{
    if (days < 1 || days > maxDays)
        return Error::invalidField(QStringLiteral("days"),
                                   Message(QT_TRANSLATE_NOOP("Core", "The number of days must be a whole number between 1 and %1."),
                                           {QString::number(maxDays)}));
    Stats stats;
    stats.days = days;
    stats.generatedAt = now.isValid() ? now.toUTC() : utcNow();
    stats.firstDay = stats.generatedAt.date().addDays(1 - days);
    const QDateTime since(stats.firstDay, QTime(0, 0), Qt::UTC);

    // One read transaction: the figures describe one moment.
    auto computed = m_context.database.read([&](Connection &connection) -> Result<void> {
        StatsRepository repository(connection);
        for (const EntityType kind : {EntityType::Feature, EntityType::Order}) {
            auto counts = repository.countByStatus(kind);
            if (!counts)
                return counts.error();
            QMap<QString, qint64> byStatus;
            for (const ItemStatus status : {ItemStatus::Draft, ItemStatus::Pending, ItemStatus::Approved, ItemStatus::Rejected})
                byStatus.insert(toString(status), counts->value(toString(status)));
            stats.itemsByStatus.insert(toString(kind), byStatus);
        }
        auto decided = repository.decisionsPerDay(since);
        if (!decided)
            return decided.error();
        for (QDate day = stats.firstDay; day <= stats.generatedAt.date(); day = day.addDays(1)) {
            DecisionDay entry = decided->value(day);
            entry.date = day;
            stats.decisionsPerDay.append(entry);
        }
        auto toDecision = repository.timeToDecision(since);
        if (!toDecision)
            return toDecision.error();
        stats.timeToDecision = toDecision.value();
        auto waiting = repository.queueAge(stats.generatedAt);
        if (!waiting)
            return waiting.error();
        stats.queueAge = waiting.value();
        return {};
    });
    if (!computed)
        return computed.error();
    return stats;
}

} // namespace signoff
