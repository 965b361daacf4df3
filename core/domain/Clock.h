// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <chrono>

namespace signoff {

namespace test {
class TestClock;
}

// Where Signoff reads the time. Two clocks: the wall clock for what is
// recorded or compared with recorded times (timestamps, token expiry, sign-in
// attempts), and a steady clock for durations kept in memory (cache TTLs,
// rate limits), which does not jump when the system's time is set.
//
// Both are the system's, except in tests: a test::TestClock
// (tests/support/TestClock.h) replaces them while it lives, so a test moves
// time instead of sleeping. Only that class can: the constructor and
// setInstance() are private to it, and production code never makes one.
class Clock
{
public:
    // The current time as Signoff records it: UTC, whole milliseconds (what
    // the database keeps, so a value read back compares equal to the one
    // written).
    static QDateTime utcNow();
    // Monotonic time from an arbitrary origin: only differences mean anything.
    static std::chrono::nanoseconds steadyNow();

    virtual ~Clock() = default;
    Clock(const Clock &) = delete;
    Clock &operator=(const Clock &) = delete;

private:
    friend class test::TestClock;
    Clock() = default;

    virtual qint64 msecsSinceEpoch() const = 0;
    virtual std::chrono::nanoseconds steadyTime() const = 0;
    // Reads go to `clock` from now on, in every thread; nullptr: the system's.
    static void setInstance(const Clock *clock);
};

inline QDateTime utcNow()
{
    return Clock::utcNow();
}

} // namespace signoff
