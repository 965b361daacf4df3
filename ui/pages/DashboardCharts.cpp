// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DashboardCharts.h"

#include "DashboardFigures.h"
#include "support/ChartPalette.h"

#include <QBarCategoryAxis>
#include <QHorizontalBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QFontMetrics>
#include <QLegend>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace signoff {

namespace {

void clear(QChart &chart)
{
    chart.removeAllSeries();
    for (QAbstractAxis *axis : chart.axes()) {
        chart.removeAxis(axis);
        delete axis;
    }
}

// A count axis from zero with whole-number ticks: "2.5 items" means nothing.
QValueAxis *countAxis(qint64 largest)
{
    auto *axis = new QValueAxis;
    axis->setLabelFormat(QStringLiteral("%.0f"));
    const qint64 top = std::max<qint64>(largest, 1);
    if (top <= 5) {
        axis->setRange(0, 5);
        axis->setTickCount(6);
    } else {
        axis->setRange(0, double(top));
        axis->applyNiceNumbers();
        // Nice numbers may pick a step of 2.5; whole steps only.
        const int steps = int(axis->max());
        if (steps <= 10)
            axis->setTickCount(steps + 1);
    }
    return axis;
}

// How many days apart the day labels are: every day when all fit (short
// periods), else whole weeks, as few as let the labels fit.
int labelStep(qsizetype days, int maxLabels)
{
    const auto fits = [days, maxLabels](qsizetype step) { return (days + step - 1) / step <= maxLabels; };
    if (days <= 10 && fits(1))
        return 1;
    qsizetype step = 7;
    while (!fits(step) && step < days)
        step += 7;
    return int(step);
}

} // namespace

void DashboardCharts::showItemsByStatus(QChart &chart, const Stats &stats)
{
    clear(chart);
    const QStringList statuses = DashboardFigures::statuses(stats);
    // Horizontal: the status names stand left of their bars at full length,
    // never cut short, in any language.
    auto *series = new QHorizontalBarSeries;
    qint64 largest = 0;
    const QList<QColor> colours{chartColors::first(), chartColors::second()};
    const QStringList kinds = DashboardFigures::kinds(stats);
    for (qsizetype k = 0; k < kinds.size(); ++k) {
        auto *set = new QBarSet(DashboardFigures::kindTitle(kinds.at(k)));
        set->setColor(colours.value(k % colours.size()));
        set->setBorderColor(Qt::transparent);
        for (const QString &status : statuses) {
            const qint64 count = stats.itemsByStatus.value(kinds.at(k)).value(status);
            largest = std::max(largest, count);
            set->append(double(count));
        }
        series->append(set);
    }
    chart.addSeries(series);
    auto *categories = new QBarCategoryAxis;
    for (const QString &status : statuses)
        categories->append(DashboardFigures::statusTitle(status));
    // The workflow's order from top to bottom: a horizontal axis counts upwards.
    categories->setReverse(true);
    chart.addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    QValueAxis *counts = countAxis(largest);
    chart.addAxis(counts, Qt::AlignBottom);
    series->attachAxis(counts);
    chart.legend()->setAlignment(Qt::AlignBottom);
}

void DashboardCharts::showDecisionsPerDay(QChart &chart, const Stats &stats, int maxLabels)
{
    clear(chart);
    auto *approved = new QBarSet(tr("Approved"));
    approved->setColor(chartColors::approved());
    approved->setBorderColor(Qt::transparent);
    auto *rejected = new QBarSet(tr("Rejected"));
    rejected->setColor(chartColors::rejected());
    rejected->setBorderColor(Qt::transparent);
    qint64 largest = 0;
    for (const DecisionDay &day : stats.decisionsPerDay) {
        approved->append(double(day.approved));
        rejected->append(double(day.rejected));
        largest = std::max(largest, day.approved + day.rejected);
    }
    auto *series = new QStackedBarSeries;
    series->append(approved);
    series->append(rejected);
    series->setBarWidth(0.8);
    chart.addSeries(series);

    // Bars stand at 0, 1, 2, ...; a category axis labels only some of them.
    const qsizetype days = stats.decisionsPerDay.size();
    auto *dates = new QCategoryAxis;
    dates->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    dates->setRange(-0.5, std::max<double>(0.5, double(days) - 0.5));
    dates->setStartValue(-0.5);
    dates->setGridLineVisible(false);
    const int step = labelStep(days, std::max(1, maxLabels));
    QList<qsizetype> labelled;
    for (qsizetype index = days - 1; index >= 0; index -= step)
        labelled.prepend(index);
    for (const qsizetype index : labelled)
        dates->append(DashboardFigures::dayLabel(stats.decisionsPerDay.at(index).date), double(index));
    chart.addAxis(dates, Qt::AlignBottom);
    series->attachAxis(dates);
    QValueAxis *counts = countAxis(largest);
    chart.addAxis(counts, Qt::AlignLeft);
    series->attachAxis(counts);
    chart.legend()->setAlignment(Qt::AlignBottom);
}

int DashboardCharts::dayLabelsFitting(int width, const QFont &font)
{
    const QFontMetrics metrics(font);
    // The widest day label there is, and room between labels; the value
    // axis and the margins take about eight characters.
    const int label = metrics.horizontalAdvance(DashboardFigures::dayLabel(QDate(2026, 9, 28))) + 2 * metrics.averageCharWidth() * 2;
    return std::max(1, (width - 8 * metrics.averageCharWidth()) / std::max(1, label));
}

QString DashboardCharts::describeItemsByStatus(const Stats &stats)
{
    QStringList parts;
    for (const QString &kind : DashboardFigures::kinds(stats)) {
        QStringList counts;
        for (const QString &status : DashboardFigures::statuses(stats))
            counts.append(tr("%1: %2").arg(DashboardFigures::statusTitle(status))
                              .arg(stats.itemsByStatus.value(kind).value(status)));
        parts.append(tr("%1 — %2").arg(DashboardFigures::kindTitle(kind), counts.join(QStringLiteral(", "))));
    }
    return parts.join(QStringLiteral("; "));
}

QString DashboardCharts::describeDecisionsPerDay(const Stats &stats)
{
    qint64 approved = 0;
    qint64 rejected = 0;
    for (const DecisionDay &day : stats.decisionsPerDay) {
        approved += day.approved;
        rejected += day.rejected;
    }
    return tr("In the last %n day(s): %1 approved, %2 rejected.", nullptr, stats.days).arg(approved).arg(rejected);
}

} // namespace signoff
