// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Connection.h"
#include "DatabaseUrl.h"
#include "GroupCommit.h"
#include "WalCheckpointer.h"
#include "domain/Result.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QObject>
#include <atomic>
#include <memory>
#include <optional>
#include <type_traits>

class QThread;

namespace signoff {

// The database behind every service. It hands each thread its own
// Connection (opened on first use, closed when the thread finishes) and runs
// units of work in transactions.
class Database
{
public:
    explicit Database(DatabaseUrl url);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const DatabaseUrl &url() const { return m_url; }
    // This Database's name among the processes on a PostgreSQL database
    // ("signoff-" and 8 random hex digits): the notifications of the changes
    // it commits carry it, so it can tell its own from others' (DatabaseNotifications).
    const QString &instanceName() const { return m_instanceName; }
    SqlDialect dialect() const { return m_url.dialect; }

    // This thread's connection, opened (and configured) on first use.
    Result<Connection *> connection();
    // Closes this thread's connection; the next connection() reopens it.
    void closeThreadConnection();

    // Whether the database answers a trivial query (for /healthz).
    Result<void> ping();

    // After a bulk load (an import, the benchmark's seed): PostgreSQL gathers
    // planner statistics and marks the new pages all-visible now, which
    // autovacuum would do only within a minute or so; until then index-only
    // scans are costed (and run) as heap visits. Must run outside any
    // transaction. Nothing for SQLite, whose plans need no statistics here.
    Result<void> settleAfterBulkLoad();

    // SQLite: checkpoints the write-ahead log from a thread of its own from
    // now on (WalCheckpointer), instead of inside the commits of whichever
    // thread crosses the threshold. Idempotent; nothing for PostgreSQL.
    void startBackgroundCheckpoints(WalCheckpointer::Options options = {});
    // Checkpoints the background thread has run (0 when there is none).
    quint64 backgroundCheckpoints() const;
    // Write transactions and units of work that went through group commit
    // (SQLite), for tests and diagnostics.
    const GroupCommit &groupCommit() const { return *m_groupCommit; }
    // Runs `task` while no write transaction of this process's group commit
    // runs, holding new ones back meanwhile (for the checkpointer).
    void runBetweenWrites(const std::function<void()> &task) { m_groupCommit->runBetweenBatches(task); }

    // Runs `work(Connection&)` in a write transaction (BEGIN IMMEDIATE on
    // SQLite, so concurrent writers queue instead of failing on lock upgrade)
    // and commits if it returns a value; rolls back on an error. Nested calls
    // join the outer transaction. On SQLite, writes of several threads that
    // arrive together share one transaction and one fsync, each in a
    // savepoint of its own (GroupCommit); `work` then runs on the writer
    // thread's connection, and returns only once its commit is on disk.
    template<typename Work>
    auto write(Work &&work) -> std::invoke_result_t<Work, Connection &>
    {
        using R = std::invoke_result_t<Work, Connection &>;
        auto connectionResult = connection();
        if (!connectionResult)
            return R(connectionResult.error());
        Connection &conn = *connectionResult.value();
        if (conn.inTransaction())
            return work(conn);
        R result = writeTransaction<R>(conn, std::forward<Work>(work));
        closeIfBroken(conn);
        return result;
    }

    // Runs `work` on this thread's connection without a transaction: for
    // reads that are a single statement.
    template<typename Work>
    auto run(Work &&work) -> std::invoke_result_t<Work, Connection &>
    {
        using R = std::invoke_result_t<Work, Connection &>;
        auto connectionResult = connection();
        if (!connectionResult)
            return R(connectionResult.error());
        Connection &conn = *connectionResult.value();
        if (conn.inTransaction())
            return work(conn);
        R result = work(conn);
        closeIfBroken(conn);
        return result;
    }

    // Runs `work` over one consistent snapshot (several statements that must
    // agree, such as an order and its lines).
    template<typename Work>
    auto read(Work &&work) -> std::invoke_result_t<Work, Connection &>
    {
        using R = std::invoke_result_t<Work, Connection &>;
        auto connectionResult = connection();
        if (!connectionResult)
            return R(connectionResult.error());
        Connection &conn = *connectionResult.value();
        if (conn.inTransaction())
            return work(conn);
        if (auto begun = conn.beginSnapshot(); !begun) {
            closeIfBroken(conn);
            return R(begun.error());
        }
        R result = work(conn);
        conn.rollback(); // read-only: nothing to commit, and rollback never fails
        closeIfBroken(conn);
        return result;
    }

private:
    // write()'s transaction on `conn`, shared with other threads' writes
    // through GroupCommit on SQLite.
    template<typename R, typename Work>
    R writeTransaction(Connection &conn, Work &&work)
    {
        if (m_url.dialect == SqlDialect::Sqlite && m_groupCommitEnabled && !m_storageFaulted.load(std::memory_order_acquire)) {
            // SQLite has one writer at a time and one fsync per commit:
            // concurrent writes share a transaction (GroupCommit).
            std::optional<R> result;
            auto committed = m_groupCommit->run([&](Connection &batch) {
                result.emplace(work(batch));
                return static_cast<bool>(*result);
            });
            if (m_groupCommit->writerBroken())
                m_storageFaulted.store(true, std::memory_order_release);
            if (!committed)
                return R(committed.error());
            return std::move(*result);
        }
        if (auto begun = conn.beginWrite(); !begun)
            return R(begun.error());
        R result = work(conn);
        if (!result) {
            conn.rollback();
            return result;
        }
        if (auto committed = conn.commit(); !committed)
            return R(committed.error());
        m_storageFaulted.store(false, std::memory_order_release); // the storage writes again
        return result;
    }

    // Closes this thread's connection at once when the work just done found
    // it broken, instead of on the thread's next use: an idle broken SQLite
    // connection keeps the process's shared view of the file (opened
    // read-only, say) alive for every other connection, and a worker thread
    // may not come back for a long time.
    void closeIfBroken(const Connection &conn);
    void closeConnectionOf(QThread *thread);
    void applyWalAutoCheckpoint(Connection &connection);
    Error fileGone() const;

    DatabaseUrl m_url;
    const QString m_instanceName;
    QMutex m_mutex;
    QHash<QThread *, std::shared_ptr<Connection>> m_connections;
    QSet<QThread *> m_watchedThreads;
    std::atomic<bool> m_hasOpened{false};
    // Declared after the connection table: its writer thread's connection
    // lives there. ~Database stops the writer first.
    std::unique_ptr<GroupCommit> m_groupCommit;
    // SIGNOFF_GROUP_COMMIT=0 turns it off: for measuring what it brings
    // (docs/benchmarks.md), not for production.
    const bool m_groupCommitEnabled;
    // The writer found the storage failing (a read-only file, a full disk):
    // until a write succeeds again, each thread writes on its own connection,
    // as without group commit. A connection opened while the file could not
    // be written keeps SQLite's shared view of it read-only for every
    // connection of the process, so recovery needs each of them closed; a
    // thread's own failed write closes its connection at once (closeIfBroken),
    // the writer's failures would close only the writer's.
    std::atomic<bool> m_storageFaulted{false};
    // The wal_autocheckpoint every connection should have; -1: SQLite's own.
    std::atomic<int> m_walAutoCheckpoint{-1};
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    // Receiver context for QThread::finished: destroyed with the Database, so
    // a thread finishing later does not call into a dead object.
    std::unique_ptr<QObject> m_threadWatcher;
};

} // namespace signoff
