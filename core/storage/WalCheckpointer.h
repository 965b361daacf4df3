// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QMutex>
#include <QString>
#include <QWaitCondition>
#include <chrono>
#include <memory>

class QThread;

namespace signoff {

class Database;

// Keeps SQLite's write-ahead log short from a thread of its own, with a
// connection of its own, so that no request pays for a checkpoint. Left to
// itself SQLite checkpoints inside the commit that crosses 1,000 pages of log
// (wal_autocheckpoint), in whichever thread made it: a server thread then
// stalls for the copy and its fsyncs. With the checkpointer running, Database
// raises that threshold to a safety net and this thread copies the log back
// into the database whenever it changed, a few times a second: first the
// bulk (PASSIVE: never waits for, nor blocks, readers and writers), then,
// between two of this process's write transactions (GroupCommit), the few
// frames written meanwhile, so that the next commit starts the log over
// instead of appending to it. Should the log still grow past
// `truncateAboveBytes` (readers, or another process's writes, kept it from
// being reset), a TRUNCATE checkpoint waits for them and cuts it back to
// zero: the log stays bounded.
class WalCheckpointer
{
public:
    struct Options
    {
        std::chrono::milliseconds interval{200};
        qint64 truncateAboveBytes = 64 * 1024 * 1024;
    };

    WalCheckpointer(Database &database, const QString &databasePath, Options options);
    ~WalCheckpointer(); // stops the thread and waits for it
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Checkpoints run so far (for tests).
    quint64 checkpoints() const;

private:
    void run();
    void tick();

    Database &m_database;
    const QString m_walPath;
    const Options m_options;
    std::unique_ptr<QThread> m_thread;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_stopping = false;
    quint64 m_checkpoints = 0;
    qint64 m_seenSize = -1;
    qint64 m_seenModified = -1;
};

} // namespace signoff
