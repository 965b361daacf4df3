// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ChangeNotifier.h"

#include <QMutex>
#include <QObject>
#include <atomic>
#include <chrono>
#include <memory>

class QThread;

namespace signoff {

class Database;
class DatabaseNotifications;

// The ordered feed of committed changes in this process (docs/design.md,
// "The ordered feed"): a thread of its own seals committed audit events
// (AuditSealer) soon after each in-process change (ChangeNotifier) and on a
// short poll for other processes' changes, and says how far the feed goes.
// Readers (the event stream, the change watcher, webhooks) read by position
// up to there.
//
// On PostgreSQL it also listens (DatabaseNotifications) for what other processes
// commit and seal: their changes are announced here the moment they commit
// (caches, revoked tokens, disabled users), and their seals wake the feed.
class AuditFeed : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        // The look for other processes' changes (and what they sealed).
        std::chrono::milliseconds pollInterval{250};
        // After an in-process change: at least this long between two seals,
        // so that a busy server seals in batches.
        std::chrono::milliseconds sealSpacing{100};
        // PostgreSQL: hear other instances' changes and seals at once
        // (LISTEN/NOTIFY) rather than at the next poll.
        bool listen = true;
    };

    AuditFeed(Database &database, ChangeNotifier &notifier);
    ~AuditFeed() override; // stop()s

    // Starts the feed's thread (idempotent, any thread).
    void start(Options options);
    void start() { start(Options{}); }
    void stop();
    bool isRunning() const;

    // The last position sealed that this feed has seen (0 before the first look).
    qint64 latestPosition() const { return m_latest.load(std::memory_order_acquire); }

signals:
    // The feed grew up to `position` (emitted from the feed's thread).
    void advanced(qint64 position);

private:
    class Worker;
    friend class Worker;

    void publish(qint64 position);

    Database &m_database;
    ChangeNotifier &m_notifier;
    std::atomic<qint64> m_latest{0};
    mutable QMutex m_mutex;
    std::unique_ptr<QThread> m_thread;
    Worker *m_worker = nullptr; // lives in m_thread
    std::unique_ptr<DatabaseNotifications> m_listener;
};

} // namespace signoff
