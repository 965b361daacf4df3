// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RateLimiter.h"
#include "Readiness.h"
#include "StreamLimits.h"

#include <atomic>

namespace signoff::rest {

// What the threads of one server share, so that limits hold for the server
// and not per thread: a client whose connections land on different threads
// draws on one rate-limit bucket, and the connection limit counts them all.
struct ServerLimits
{
    ServerLimits(int rateLimitPerSecond, int maxConnections, StreamLimits::Settings streamSettings = {})
        : limiter(rateLimitPerSecond)
        , streams(streamSettings.perUser, streamSettings.perServer, streamSettings.keepAlive)
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
    std::atomic<Readiness> readiness{Readiness::Ready};
    StreamLimits streams; // event streams (GET /api/v1/events)
    const int maxConnections;
    std::atomic<int> openConnections{0};
};

} // namespace signoff::rest
