// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>

namespace signoff {

// The current time as Signoff records it: UTC, whole milliseconds (what the
// database keeps, so a value read back compares equal to the one written).
inline QDateTime utcNow()
{
    return QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
}

} // namespace signoff
