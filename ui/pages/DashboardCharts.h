// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Stats.h"

#include <QCoreApplication>

QT_BEGIN_NAMESPACE
class QChart;
class QFont;
QT_END_NAMESPACE

namespace signoff {

// The dashboard's charts, drawn from Stats. Each call replaces what the
// chart showed (its series and axes); colours come from applyPalette.
class DashboardCharts
{
    Q_DECLARE_TR_FUNCTIONS(DashboardCharts)

public:
    // Grouped horizontal bars: one group per status, one bar per kind.
    static void showItemsByStatus(QChart &chart, const Stats &stats);
    // Stacked bars, one per day (approved below, rejected above), labelled
    // every day for a week, every one, two, three... weeks for longer
    // periods so that at most `maxLabels` labels fit, counted back from
    // today so today always has its label.
    static void showDecisionsPerDay(QChart &chart, const Stats &stats, int maxLabels);
    // How many day labels fit along `width` pixels in `font`.
    static int dayLabelsFitting(int width, const QFont &font);
    // What a chart says in words, for its accessible description.
    static QString describeItemsByStatus(const Stats &stats);
    static QString describeDecisionsPerDay(const Stats &stats);
};

} // namespace signoff
