// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Clock.h"

#include <QHash>
#include <QMutex>
#include <chrono>
#include <deque>
#include <optional>
#include <utility>

namespace signoff {

// A bounded, thread-safe cache with a time to live, for what the services
// read again and again (an item by id, the user behind a token). Entries
// leave when they are invalidated (the services do that when a change is
// announced), when they are older than the TTL, or to make room when the
// cache is full (the oldest stored first).
//
// "Full" is measured in a cost each store() names: 1 per entry unless the
// caller says otherwise, or an entry's approximate size in bytes where values
// vary in size (a feature's options may take 64 KiB), so that the capacity
// bounds memory, not only a count.
//
// Filling is safe against a change that races with it: take a ticket()
// before reading the database and pass it to store(); if anything was
// invalidated since, store() drops the value, so a value read before a change
// is never kept after that change's invalidation.
template<typename Key, typename Value>
class ReadCache
{
public:
    using Ticket = quint64;

    ReadCache(qsizetype capacity, std::chrono::milliseconds ttl)
        : m_capacity(capacity)
        , m_ttlMs(ttl.count())
    {
    }

    bool isEnabled() const { return m_capacity > 0 && m_ttlMs > 0; }

    Ticket ticket() const
    {
        QMutexLocker locker(&m_mutex);
        return m_generation;
    }

    std::optional<Value> find(const Key &key) const
    {
        if (!isEnabled())
            return std::nullopt;
        const qint64 now = nowMs();
        QMutexLocker locker(&m_mutex);
        const auto it = m_entries.constFind(key);
        if (it == m_entries.cend() || now - it->storedAtMs >= m_ttlMs)
            return std::nullopt;
        return it->value;
    }

    // Keeps value for key unless something was invalidated since ticket, or
    // the value alone costs more than the whole capacity.
    void store(const Key &key, Value value, Ticket ticket, qsizetype cost = 1)
    {
        if (!isEnabled() || cost > m_capacity)
            return;
        const qint64 now = nowMs();
        QMutexLocker locker(&m_mutex);
        if (ticket != m_generation)
            return;
        if (const auto it = m_entries.find(key); it != m_entries.end()) {
            m_cost -= it->cost;
            m_entries.erase(it);
        }
        makeRoom(cost);
        const auto it = m_entries.insert(key, Entry{std::move(value), now, ++m_sequence, cost});
        m_cost += cost;
        m_order.push_back({key, it->sequence});
        if (m_order.size() > 2 * size_t(m_entries.size()) + 64)
            compactOrder();
    }

    void invalidate(const Key &key)
    {
        QMutexLocker locker(&m_mutex);
        ++m_generation;
        if (const auto it = m_entries.find(key); it != m_entries.end()) {
            m_cost -= it->cost;
            m_entries.erase(it);
        }
    }

    template<typename Predicate>
    void invalidateIf(Predicate &&matches)
    {
        QMutexLocker locker(&m_mutex);
        ++m_generation;
        m_entries.removeIf([&](const auto &it) {
            if (!matches(it.key(), it.value().value))
                return false;
            m_cost -= it.value().cost;
            return true;
        });
    }

    void clear()
    {
        // Freed after the lock is let go: emptying 100,000 entries takes
        // milliseconds that readers and invalidations need not wait for.
        QHash<Key, Entry> entries;
        std::deque<std::pair<Key, quint64>> order;
        {
            QMutexLocker locker(&m_mutex);
            ++m_generation;
            entries.swap(m_entries);
            order.swap(m_order);
            m_cost = 0;
        }
    }

    qsizetype size() const
    {
        QMutexLocker locker(&m_mutex);
        return m_entries.size();
    }

    // The sum of the costs of what it holds (never more than the capacity).
    qsizetype cost() const
    {
        QMutexLocker locker(&m_mutex);
        return m_cost;
    }

private:
    static qint64 nowMs() { return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::steadyNow()).count(); }

    struct Entry
    {
        Value value;
        qint64 storedAtMs = 0;
        quint64 sequence = 0; // which store put it there (see m_order)
        qsizetype cost = 1;
    };

    // Evicts the oldest stores until there is room for cost more. m_order
    // also remembers stores whose entry was replaced or invalidated since:
    // those are skipped. (Erasing "any" entry of a QHash instead, through
    // begin(), costs a scan over the emptied buckets every time.)
    void makeRoom(qsizetype cost)
    {
        while (m_cost + cost > m_capacity && !m_order.empty()) {
            const auto [key, sequence] = m_order.front();
            m_order.pop_front();
            const auto it = m_entries.find(key);
            if (it != m_entries.end() && it->sequence == sequence) {
                m_cost -= it->cost;
                m_entries.erase(it);
            }
        }
    }

    // Drops the remembered stores that no longer name an entry.
    void compactOrder()
    {
        std::deque<std::pair<Key, quint64>> live;
        for (const auto &stored : m_order) {
            const auto it = m_entries.constFind(stored.first);
            if (it != m_entries.cend() && it->sequence == stored.second)
                live.push_back(stored);
        }
        m_order.swap(live);
    }

    const qsizetype m_capacity;
    const qint64 m_ttlMs;
    mutable QMutex m_mutex;
    QHash<Key, Entry> m_entries;
    std::deque<std::pair<Key, quint64>> m_order; // stores, oldest first
    quint64 m_sequence = 0;
    qsizetype m_cost = 0;
    Ticket m_generation = 0;
};

} // namespace signoff
