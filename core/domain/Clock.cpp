// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Clock.h"

#include <atomic>

namespace signoff {

namespace {
std::atomic<const Clock *> installed{nullptr}; // a test's clock, or none: the system's
} // namespace

QDateTime Clock::utcNow()
{
    const Clock *clock = installed.load(std::memory_order_acquire);
    const qint64 msecs = clock ? clock->msecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

std::chrono::nanoseconds Clock::steadyNow()
{
    if (const Clock *clock = installed.load(std::memory_order_acquire))
        return clock->steadyTime();
    return std::chrono::steady_clock::now().time_since_epoch();
}

void Clock::setInstance(const Clock *clock)
{
    installed.store(clock, std::memory_order_release);
}

} // namespace signoff
