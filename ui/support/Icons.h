// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QIcon>
#include <QStyle>

namespace signoff {

// An icon from the desktop's theme, or the style's closest standard icon
// where the theme has none (offscreen, minimal desktops).
QIcon themeIcon(const char *name, QStyle::StandardPixmap fallback);

// Signoff's own icon: the installed theme's, else the one compiled in.
QIcon applicationIcon();

} // namespace signoff
