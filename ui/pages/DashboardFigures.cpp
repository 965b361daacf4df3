// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DashboardFigures.h"

#include "domain/Workflow.h"
#include "support/Format.h"

#include <QLocale>
#include <QStandardItemModel>

namespace signoff {

namespace {

QStandardItem *textCell(const QString &text)
{
    auto *cell = new QStandardItem(text);
    cell->setEditable(false);
    return cell;
}

QStandardItem *figureCell(const QString &text)
{
    QStandardItem *cell = textCell(text);
    cell->setData(int(Qt::AlignRight | Qt::AlignVCenter), Qt::TextAlignmentRole);
    return cell;
}

QStandardItem *countCell(qint64 count)
{
    auto *cell = new QStandardItem;
    cell->setData(count, Qt::DisplayRole);
    cell->setData(int(Qt::AlignRight | Qt::AlignVCenter), Qt::TextAlignmentRole);
    cell->setEditable(false);
    return cell;
}

} // namespace

QStringList DashboardFigures::kinds(const Stats &stats)
{
    return stats.itemsByStatus.keys();
}

QStringList DashboardFigures::statuses(const Stats &stats)
{
    QStringList ordered;
    for (const ItemStatus status : {ItemStatus::Draft, ItemStatus::Pending, ItemStatus::Approved, ItemStatus::Rejected})
        ordered.append(toString(status));
    QStringList unknown;
    for (const auto &byStatus : stats.itemsByStatus) {
        for (auto status = byStatus.cbegin(); status != byStatus.cend(); ++status) {
            if (!ordered.contains(status.key()) && !unknown.contains(status.key()))
                unknown.append(status.key());
        }
    }
    return ordered + unknown;
}

QString DashboardFigures::kindTitle(const QString &kind)
{
    if (kind == QLatin1String("feature"))
        return tr("Features");
    if (kind == QLatin1String("order"))
        return tr("Orders");
    return Format::entityType(kind);
}

QString DashboardFigures::statusTitle(const QString &status)
{
    if (const auto known = itemStatusFromString(status))
        return Format::status(*known);
    return status;
}

QString DashboardFigures::dayLabel(const QDate &day)
{
    //: A day on the dashboard's charts and tables (QDate format: "6 Dec").
    return QLocale().toString(day, tr("d MMM"));
}

void DashboardFigures::fillItemsByStatus(QStandardItemModel &model, const Stats &stats)
{
    const QStringList kinds = DashboardFigures::kinds(stats);
    model.clear();
    QStringList headers{tr("Status")};
    for (const QString &kind : kinds)
        headers.append(kindTitle(kind));
    model.setHorizontalHeaderLabels(headers);
    for (const QString &status : statuses(stats)) {
        QList<QStandardItem *> row{textCell(statusTitle(status))};
        for (const QString &kind : kinds)
            row.append(countCell(stats.itemsByStatus.value(kind).value(status)));
        model.appendRow(row);
    }
}

void DashboardFigures::fillDecisionsPerDay(QStandardItemModel &model, const Stats &stats)
{
    model.clear();
    model.setHorizontalHeaderLabels({tr("Day"), tr("Approved"), tr("Rejected")});
    // Newest first: what a person reading row by row asks about first.
    for (auto day = stats.decisionsPerDay.crbegin(); day != stats.decisionsPerDay.crend(); ++day) {
        QStandardItem *date = textCell(QLocale().toString(day->date, QLocale::ShortFormat));
        date->setData(day->date, Qt::UserRole);
        model.appendRow({date, countCell(day->approved), countCell(day->rejected)});
    }
}

void DashboardFigures::fillWaitingTimes(QStandardItemModel &model, const Stats &stats)
{
    model.clear();
    model.setHorizontalHeaderLabels({tr("Measure"), tr("Time to decision"), tr("Review queue")});
    const DurationSummary &decided = stats.timeToDecision;
    const DurationSummary &waiting = stats.queueAge;
    model.appendRow({textCell(tr("How many")), countCell(decided.count), countCell(waiting.count)});
    model.appendRow({textCell(tr("Median")), figureCell(Format::duration(decided.medianSeconds)),
                     figureCell(Format::duration(waiting.medianSeconds))});
    model.appendRow({textCell(tr("90th percentile")), figureCell(Format::duration(decided.p90Seconds)),
                     figureCell(Format::duration(waiting.p90Seconds))});
    model.appendRow({textCell(tr("Longest")), figureCell(Format::duration(decided.maxSeconds)),
                     figureCell(Format::duration(waiting.maxSeconds))});
}

} // namespace signoff
