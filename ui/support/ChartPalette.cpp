// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ChartPalette.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

namespace signoff {

void applyPalette(QChart &chart, const QPalette &palette, const QFont &font)
{
    const QColor text = palette.color(QPalette::Active, QPalette::WindowText);
    // Grid lines: the text colour, faint, so they show on either background.
    QColor grid = text;
    grid.setAlphaF(0.18f);
    QColor axisLine = text;
    axisLine.setAlphaF(0.45f);

    // No background of its own: the chart shows the panel it stands on.
    chart.setBackgroundVisible(false);
    chart.setPlotAreaBackgroundVisible(false);
    chart.setBackgroundRoundness(0);
    chart.setDropShadowEnabled(false);
    chart.setTitleBrush(text);
    QFont titleFont = font;
    titleFont.setBold(true);
    chart.setTitleFont(titleFont);
    chart.legend()->setLabelColor(text);
    chart.legend()->setFont(font);
    for (QAbstractAxis *axis : chart.axes()) {
        axis->setLabelsBrush(text);
        axis->setLabelsFont(font);
        axis->setTitleBrush(text);
        axis->setTitleFont(font);
        axis->setLinePenColor(axisLine);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
        axis->setShadesVisible(false);
    }
}

namespace chartColors {
QColor first() { return QColor(0x4a, 0x90, 0xd9); }
QColor second() { return QColor(0xe8, 0x9f, 0x2b); }
QColor approved() { return QColor(0x3c, 0xa5, 0x5c); }
QColor rejected() { return QColor(0xd9, 0x53, 0x4f); }
} // namespace chartColors

} // namespace signoff
