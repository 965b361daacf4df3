// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RateLimiter.h"
#include "Readiness.h"
#include "StreamLimits.h"
#include "UnsentBudget.h"
#include "WorkerAdmission.h"

#include <atomic>

namespace signoff::rest {

// What the threads of one server share, so that limits hold for the server
// and not per thread: a client whose connections land on different threads
// draws on one rate-limit bucket, and the connection limit counts them all.
struct ServerLimits
{
    ServerLimits(int rateLimitPerSecond, int maxConnections, StreamLimits::Settings streamSettings = {},
                 int signInsPerSecond = 0, int signInBurst = 0, qint64 maxUnsentBytes = 64 * 1024 * 1024,
                 int maxWaitingForWorkers = 1024, std::chrono::milliseconds maxWorkerWait = std::chrono::seconds(10))
        : limiter(rateLimitPerSecond)
        , signIns(signInsPerSecond, signInBurst)
        , streams(streamSettings.perUser, streamSettings.perServer, streamSettings.keepAlive)
        , unsent(maxUnsentBytes)
        , workers(maxWaitingForWorkers, maxWorkerWait)
        , maxConnections(maxConnections)
    {
    }

    // One more open connection, if the limit allows it.
    bool takeConnection()
    {
        int open = openConnections.load(std::memory_order_relaxed);
        while (open < maxConnections) {
            if (openConnections.compare_exchange_weak(open, open + 1, std::memory_order_relaxed))
                return true;
        }
        return false;
    }
    void releaseConnection() { openConnections.fetch_sub(1, std::memory_order_relaxed); }

    RateLimiter limiter;
    RateLimiter signIns; // per address, POST /api/v1/auth/token only
    std::atomic<Readiness> readiness{Readiness::Ready};
    StreamLimits streams; // event streams (GET /api/v1/events)
    UnsentBudget unsent; // answers written and not yet read, over all connections
    WorkerAdmission workers; // requests waiting for a worker thread (a database connection)
    const int maxConnections;
    std::atomic<int> openConnections{0};
};

} // namespace signoff::rest
