// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QMutex>
#include <QUuid>
#include <chrono>
#include <memory>

namespace signoff::rest {

// How many event streams are open, per user and for the whole server (all
// its threads): 8 per user and 256 per instance (docs/design.md, "The event
// stream").
// Also how often an idle stream says it is alive.
class StreamLimits
{
public:
    enum class Refusal { None, UserFull, ServerFull };

    struct Settings
    {
        int perUser = 8;
        int perServer = 256;
        std::chrono::milliseconds keepAlive{15000};
    };

    // An open stream's place; gives it back when destroyed.
    class Slot
    {
    public:
        Slot(StreamLimits &limits, QUuid user) : m_limits(limits), m_user(user) {}
        ~Slot() { m_limits.release(m_user); }
        Slot(const Slot &) = delete;
        Slot &operator=(const Slot &) = delete;

    private:
        StreamLimits &m_limits;
        QUuid m_user;
    };

    explicit StreamLimits(int perUser = 8, int perServer = 256, std::chrono::milliseconds keepAlive = std::chrono::seconds(15))
        : m_perUser(perUser)
        , m_perServer(perServer)
        , m_keepAlive(keepAlive)
    {
    }

    std::chrono::milliseconds keepAlive() const { return m_keepAlive; }

    // A place for one more stream of `user`, or why there is none.
    std::unique_ptr<Slot> take(const QUuid &user, Refusal *refusal)
    {
        QMutexLocker lock(&m_mutex);
        if (m_open >= m_perServer) {
            *refusal = Refusal::ServerFull;
            return nullptr;
        }
        int &mine = m_perUserOpen[user];
        if (mine >= m_perUser) {
            *refusal = Refusal::UserFull;
            return nullptr;
        }
        ++mine;
        ++m_open;
        *refusal = Refusal::None;
        return std::make_unique<Slot>(*this, user);
    }

    int open() const
    {
        QMutexLocker lock(&m_mutex);
        return m_open;
    }

private:
    void release(const QUuid &user)
    {
        QMutexLocker lock(&m_mutex);
        --m_open;
        if (--m_perUserOpen[user] <= 0)
            m_perUserOpen.remove(user);
    }

    const int m_perUser;
    const int m_perServer;
    const std::chrono::milliseconds m_keepAlive;
    mutable QMutex m_mutex;
    QHash<QUuid, int> m_perUserOpen;
    int m_open = 0;
};

} // namespace signoff::rest
