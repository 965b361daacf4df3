// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RateLimiter.h"

#include "domain/Clock.h"

#include <QtMath>

namespace signoff::rest {

namespace {
constexpr qsizetype sweepAboveBuckets = 10000;
constexpr qint64 sweepIntervalNs = 60'000'000'000LL;
} // namespace

RateLimiter::RateLimiter(int perSecond)
    : RateLimiter(perSecond, 2 * perSecond)
{
}

RateLimiter::RateLimiter(int perSecond, int burst)
    : m_rate(qMax(0, perSecond))
    , m_capacity(perSecond > 0 ? qMax(1, burst) : 0)
    , m_lastSweepNs(Clock::steadyNow().count())
{
}

std::optional<int> RateLimiter::take(const QByteArray &key)
{
    if (!isEnabled())
        return std::nullopt;
    QMutexLocker locker(&m_mutex);
    const qint64 now = Clock::steadyNow().count();
    if (m_buckets.size() > sweepAboveBuckets || now - m_lastSweepNs > sweepIntervalNs)
        forgetFullBuckets(now);

    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{m_capacity, now});
    Bucket &bucket = it.value();
    bucket.tokens = qMin(m_capacity, bucket.tokens + double(qMax<qint64>(0, now - bucket.updatedNs)) / 1e9 * m_rate);
    bucket.updatedNs = now;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return std::nullopt;
    }
    return qMax(1, int(qCeil((1.0 - bucket.tokens) / m_rate)));
}

void RateLimiter::forgetFullBuckets(qint64 nowNs)
{
    m_lastSweepNs = nowNs;
    // A bucket that has refilled completely is the same as no bucket.
    m_buckets.removeIf([&](const QHash<QByteArray, Bucket>::iterator &it) {
        return it->tokens + double(nowNs - it->updatedNs) / 1e9 * m_rate >= m_capacity;
    });
}

} // namespace signoff::rest
