// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QElapsedTimer>

#include <atomic>
#include <chrono>

namespace signoff::rest {

// Requests waiting for a worker thread, and with it for one of the server's
// bounded database connections: at most `maxWaiting` at once, each for at
// most `maxWait`. Beyond either a request is answered 503 with Retry-After
// at once rather than queueing without bound behind a slow or locked
// database (docs/design.md, "Database connections"). Shared by the server's
// threads; thread-safe.
class WorkerAdmission
{
public:
    WorkerAdmission(int maxWaiting, std::chrono::milliseconds maxWait)
        : m_maxWaiting(maxWaiting)
        , m_maxWait(maxWait)
    {
    }

    // One more waiting request, if there is room; false: answer 503 now.
    bool enter()
    {
        int waiting = m_waiting.load(std::memory_order_relaxed);
        while (waiting < m_maxWaiting) {
            if (m_waiting.compare_exchange_weak(waiting, waiting + 1, std::memory_order_relaxed))
                return true;
        }
        return false;
    }

    // A worker took the request that entered when `queued` started; false:
    // it waited longer than allowed and is answered 503 without running.
    bool start(const QElapsedTimer &queued)
    {
        m_waiting.fetch_sub(1, std::memory_order_relaxed);
        return std::chrono::milliseconds(queued.elapsed()) <= m_maxWait;
    }

private:
    const int m_maxWaiting;
    const std::chrono::milliseconds m_maxWait;
    std::atomic<int> m_waiting{0};
};

} // namespace signoff::rest
