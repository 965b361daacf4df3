// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Order.h"

namespace signoff {

qint64 Order::totalCents() const
{
    qint64 total = 0;
    for (const LineItem &line : lines)
        total += line.lineTotalCents();
    return total;
}

} // namespace signoff
