// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

class QWidget;

namespace signoff {

// Gives an editor that cannot be edited now the window's background, so a
// read-only field does not look like one waiting for input.
void setReadOnlyLook(QWidget *editor, bool readOnly);

} // namespace signoff
