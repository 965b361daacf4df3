// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <optional>

namespace signoff::rest {

// Per-client token buckets: `perSecond` requests a second on average, bursts
// of twice that (or of `burst`). Keys are the caller's (the bearer token, or the peer
// address); they stay in memory only. Shared by the server's threads (one
// lock around each take). Time is Clock::steadyNow(), which tests move.
class RateLimiter
{
public:
    explicit RateLimiter(int perSecond);
    RateLimiter(int perSecond, int burst);

    bool isEnabled() const { return m_rate > 0; }
    // Takes one request from `key`'s bucket: nothing if it may proceed, else
    // the seconds until it may (for Retry-After).
    std::optional<int> take(const QByteArray &key);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedNs = 0;
    };

    void forgetFullBuckets(qint64 nowNs);

    double m_rate;
    double m_capacity;
    qint64 m_lastSweepNs; // on the steady clock (Clock::steadyNow)
    QMutex m_mutex;
    QHash<QByteArray, Bucket> m_buckets;
};

} // namespace signoff::rest
