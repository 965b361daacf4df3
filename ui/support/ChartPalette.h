// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace signoff {

// Qt Charts' themes are fixed colour sets: none follows the desktop's
// palette, so a dark desktop would get dark labels on a dark window. This
// paints a chart (background, title, legend, axes, grid) with the palette's
// own colours and the widget's font; call it again when the palette changes
// and after axes are added.
void applyPalette(QChart &chart, const QPalette &palette, const QFont &font);

// Series colours that read on a light and on a dark background alike.
namespace chartColors {
QColor first();    // blue
QColor second();   // amber
QColor approved(); // green
QColor rejected(); // red
} // namespace chartColors

} // namespace signoff
