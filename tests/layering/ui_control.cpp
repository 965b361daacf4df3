// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The desktop layer may use Qt Widgets over core.
#include "storage/DatabaseUrl.h"

#include <QtWidgets/QWidget>

int layeringUiControl()
{
    return sizeof(QWidget) > 0 ? 1 : 0;
}
