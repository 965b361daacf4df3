#pragma once

#include <QElapsedTimer>
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
// Filling is safe against a change that races with it: take a ticket()
// before reading the database and pass it to store(); if anything was
// invalidated since, store() drops the value, so a value read before a change
// is never kept after that change's invalidation.
template<typename Key, typename Value>
class ReadCache
{
public:
    using Ticket = quint64;

    ReadCache(qsizetype maxEntries, std::chrono::milliseconds ttl)
        : m_maxEntries(maxEntries)
        , m_ttlMs(ttl.count())
    {
        m_clock.start();
    }

    bool isEnabled() const { return m_maxEntries > 0 && m_ttlMs > 0; }

    Ticket ticket() const
    {
        QMutexLocker locker(&m_mutex);
        return m_generation;
    }

    std::optional<Value> find(const Key &key) const
    {
        if (!isEnabled())
            return std::nullopt;
        const qint64 now = m_clock.elapsed();
        QMutexLocker locker(&m_mutex);
        const auto it = m_entries.constFind(key);
        if (it == m_entries.cend() || now - it->storedAtMs >= m_ttlMs)
            return std::nullopt;
        return it->value;
    }

    void store(const Key &key, Value value, Ticket ticket)
    {
        if (!isEnabled())
            return;
        const qint64 now = m_clock.elapsed();
        QMutexLocker locker(&m_mutex);
        if (ticket != m_generation)
            return;
        auto it = m_entries.find(key);
        if (it == m_entries.end()) {
            makeRoom();
            it = m_entries.insert(key, Entry{std::move(value), now, ++m_sequence});
        } else {
            *it = Entry{std::move(value), now, ++m_sequence};
        }
        m_order.push_back({key, it->sequence});
        if (m_order.size() > 2 * size_t(m_maxEntries) + 64)
            compactOrder();
    }

    void invalidate(const Key &key)
    {
        QMutexLocker locker(&m_mutex);
        ++m_generation;
        m_entries.remove(key);
    }

    template<typename Predicate>
    void invalidateIf(Predicate &&matches)
    {
        QMutexLocker locker(&m_mutex);
        ++m_generation;
        m_entries.removeIf([&](const auto &it) { return matches(it.key(), it.value().value); });
    }

    void clear()
    {
        QMutexLocker locker(&m_mutex);
        ++m_generation;
        m_entries.clear();
        m_order.clear();
    }

    qsizetype size() const
    {
        QMutexLocker locker(&m_mutex);
        return m_entries.size();
    }

private:
    struct Entry
    {
        Value value;
        qint64 storedAtMs = 0;
        quint64 sequence = 0; // which store put it there (see m_order)
    };

    // Evicts the oldest stores until there is room for one more. m_order
    // also remembers stores whose entry was replaced or invalidated since:
    // those are skipped. (Erasing "any" entry of a QHash instead, through
    // begin(), costs a scan over the emptied buckets every time.)
    void makeRoom()
    {
        while (m_entries.size() >= m_maxEntries && !m_order.empty()) {
            const auto [key, sequence] = m_order.front();
            m_order.pop_front();
            const auto it = m_entries.find(key);
            if (it != m_entries.end() && it->sequence == sequence)
                m_entries.erase(it);
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

    const qsizetype m_maxEntries;
    const qint64 m_ttlMs;
    QElapsedTimer m_clock;
    mutable QMutex m_mutex;
    QHash<Key, Entry> m_entries;
    std::deque<std::pair<Key, quint64>> m_order; // stores, oldest first
    quint64 m_sequence = 0;
    Ticket m_generation = 0;
};

} // namespace signoff
