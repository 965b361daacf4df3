// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestClock.h"

#include <QtGlobal>

namespace signoff::test {

namespace {
std::atomic<bool> oneInstalled{false};
} // namespace

TestClock::TestClock()
    : m_startMsecs(QDateTime::currentMSecsSinceEpoch())
    , m_startSteady(std::chrono::steady_clock::now().time_since_epoch())
{
    if (oneInstalled.exchange(true))
        qFatal("Only one TestClock may be in use at a time");
    setInstance(this);
}

TestClock::~TestClock()
{
    setInstance(nullptr);
    oneInstalled.store(false);
}

void TestClock::advance(std::chrono::nanoseconds by)
{
    if (by.count() < 0)
        qFatal("A TestClock only moves forward, like the clocks it stands for");
    m_advancedNs.fetch_add(by.count());
}

qint64 TestClock::msecsSinceEpoch() const
{
    return m_startMsecs + m_advancedNs.load() / 1'000'000;
}

std::chrono::nanoseconds TestClock::steadyTime() const
{
    return m_startSteady + std::chrono::nanoseconds(m_advancedNs.load());
}

} // namespace signoff::test
