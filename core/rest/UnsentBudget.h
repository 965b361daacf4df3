// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QtGlobal>
#include <atomic>

namespace signoff::rest {

// The bytes of answers one server has written but its clients have not yet
// taken, over all its connections. Clients that send requests and never
// read would otherwise pin every answer in memory; beyond the limit a large
// answer is replaced by a short 503, while small ones (errors, single items)
// still go out, so other clients keep being served.
class UnsentBudget
{
public:
    // Answers up to this size are always written.
    static constexpr qint64 alwaysAdmitted = 64 * 1024;

    explicit UnsentBudget(qint64 limit) : m_limit(limit) {}

    bool admits(qint64 bytes) const
    {
        return bytes <= alwaysAdmitted || m_total.load(std::memory_order_relaxed) + bytes <= m_limit;
    }
    void adjust(qint64 delta) { m_total.fetch_add(delta, std::memory_order_relaxed); }
    qint64 total() const { return m_total.load(std::memory_order_relaxed); }
    qint64 limit() const { return m_limit; }

private:
    const qint64 m_limit;
    std::atomic<qint64> m_total{0};
};

} // namespace signoff::rest
