// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Connection.h"
#include "domain/Result.h"

#include <QMutex>
#include <QWaitCondition>
#include <atomic>
#include <deque>
#include <functional>
#include <memory>

class QThread;

namespace signoff {

// Group commit for SQLite, whose commits are one fsync each at
// synchronous=FULL and one writer at a time: units of work that arrive from
// several threads while a commit is under way wait, and then run together in
// the next transaction, so one fsync acknowledges all of them.
//
// One writer thread, started on the first unit, runs every batch on its own
// connection: waiting units (up to maxBatch) run one after the other inside
// one BEGIN IMMEDIATE ... COMMIT, each in a SAVEPOINT of its own, and their
// callers wake when the COMMIT is done. A unit that fails is rolled back to
// its savepoint alone; the others stand. Nobody returns before the COMMIT
// that holds their unit finished: if it fails, every unit of the batch gets
// its error and none of them was written. One connection for all writes
// keeps its page cache: another connection's commit would make it drop the
// cache and read the B-trees' pages again from the file.
class GroupCommit
{
public:
    // Runs the unit and says whether it succeeded (true: keep its writes).
    using Unit = std::function<bool(Connection &)>;

    // How the writer thread gets its connection (called on that thread) and
    // gives it back (on that thread, when it stops or found it broken).
    struct WriterConnection
    {
        std::function<Result<Connection *>()> open;
        std::function<void()> close;
    };

    // Maximum units in one transaction: bounds the wait of the last one.
    static constexpr int maxBatch = 64;

    explicit GroupCommit(WriterConnection writerConnection);
    ~GroupCommit(); // runs what is still waiting, then stops the writer thread
    GroupCommit(const GroupCommit &) = delete;
    GroupCommit &operator=(const GroupCommit &) = delete;

    // Runs `unit` on the writer thread in a shared write transaction and
    // waits for its commit. An error means the batch's transaction could not
    // begin or commit (or the writer had no connection): nothing of `unit`
    // was written. Success means the transaction committed; the unit's own
    // success or failure is what it returned.
    Result<void> run(Unit unit);

    // Runs `task` while no batch runs in this process, holding new ones back
    // until it returns: the checkpointer finishes the log's tail this way, so
    // that the next batch starts the log over instead of growing it.
    void runBetweenBatches(const std::function<void()> &task);

    // Whether the writer's last batch found the storage failing (no
    // connection, or one that broke: a read-only file, a full disk).
    bool writerBroken() const { return m_writerBroken.load(std::memory_order_acquire); }

    // How many transactions and units have been run, and how many units wait
    // for the batch under way to finish (for tests and diagnostics).
    quint64 transactions() const;
    quint64 units() const;
    int waiting() const;

private:
    struct Pending
    {
        Unit unit;
        bool done = false;
        std::optional<Error> failure;
    };

    void writerLoop();
    // Runs the batch on `connection`; fills each one's failure on error.
    static void runBatch(Connection &connection, const std::vector<Pending *> &batch);

    const WriterConnection m_writerConnection;
    mutable QMutex m_mutex;
    QWaitCondition m_changed; // a unit arrived, a batch or task finished, or stopping
    std::deque<Pending *> m_waiting;
    std::unique_ptr<QThread> m_writer;
    bool m_busy = false;            // a batch or a runBetweenBatches() task runs
    int m_betweenBatchesWaiting = 0; // runBetweenBatches() calls waiting their turn
    bool m_stopping = false;
    std::atomic<bool> m_writerBroken{false};
    quint64 m_transactions = 0;
    quint64 m_units = 0;
};

} // namespace signoff
