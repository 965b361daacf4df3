// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReadOnlyLook.h"

#include <QApplication>
#include <QPalette>
#include <QWidget>

namespace signoff {

void setReadOnlyLook(QWidget *editor, bool readOnly)
{
    QPalette palette = QApplication::palette(editor);
    if (readOnly)
        palette.setColor(QPalette::Base, palette.color(QPalette::Window));
    editor->setPalette(palette);
}

} // namespace signoff
