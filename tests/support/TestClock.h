// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Clock.h"

#include <atomic>
#include <chrono>

namespace signoff::test {

// A clock that stands still until the test moves it. While it lives, it is
// the clock every part of Signoff reads (Clock::utcNow, Clock::steadyNow), in
// every thread: token expiry, the read caches' TTL, the sign-in throttle, the
// REST rate limiter. So a test says "a minute later" instead of sleeping.
//
// It starts at the system's current time. Make it before what it should
// govern (a fixture, a cache) and let it go after: when it goes, the system's
// clocks apply again. One at a time.
class TestClock final : public Clock
{
public:
    TestClock();
    ~TestClock() override;

    // Moves both the wall clock and the steady clock forward.
    void advance(std::chrono::nanoseconds by);
    QDateTime now() const { return Clock::utcNow(); }

private:
    qint64 msecsSinceEpoch() const override;
    std::chrono::nanoseconds steadyTime() const override;

    const qint64 m_startMsecs;
    const std::chrono::nanoseconds m_startSteady;
    std::atomic<qint64> m_advancedNs{0};
};

} // namespace signoff::test
