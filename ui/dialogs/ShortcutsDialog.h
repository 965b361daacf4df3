// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDialog>
#include <QList>

class QAction;

namespace signoff {

// Help → Keyboard shortcuts: every shortcut of the window's actions, as the
// menus name them, and the keys that work without a menu entry (Enter on a
// row, Ctrl+S in a form, Ctrl+Enter in a comment, Down from the search).
// Built from the actions themselves, so the list cannot fall behind them.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);
};

} // namespace signoff
