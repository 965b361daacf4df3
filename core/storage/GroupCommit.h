#pragma once

#include "Connection.h"
#include "domain/Result.h"

#include <QMutex>
#include <QWaitCondition>
#include <deque>
#include <functional>

namespace signoff {

// Group commit for SQLite, whose commits are one fsync each at
// synchronous=FULL and one writer at a time: units of work that arrive from
// several threads while a commit is under way wait, and then run together in
// the next transaction, so one fsync acknowledges all of them.
//
// The first caller to find no batch running leads: it takes every waiting
// unit (its own among them), runs them one after the other on its own
// connection inside one BEGIN IMMEDIATE ... COMMIT, each in a SAVEPOINT of its
// own, and wakes the others when the COMMIT is done. A unit that fails is
// rolled back to its savepoint alone; the others stand. Nobody returns before
// the COMMIT that holds their unit finished: if it fails, every unit of the
// batch gets its error and none of them was written.
class GroupCommit
{
public:
    // Runs the unit and says whether it succeeded (true: keep its writes).
    using Unit = std::function<bool(Connection &)>;

    // Maximum units in one transaction: bounds the wait of the last one.
    static constexpr int maxBatch = 64;

    // Runs `unit` in a shared write transaction; `connection` is the calling
    // thread's own (used when this caller leads). An error means the batch's
    // transaction could not begin or commit: nothing of `unit` was written.
    // Success means the transaction committed; the unit's own success or
    // failure is what it returned.
    Result<void> run(Connection &connection, Unit unit);

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

    // Runs the batch on `connection`; fills each one's failure on error.
    static void runBatch(Connection &connection, const std::vector<Pending *> &batch);

    mutable QMutex m_mutex;
    QWaitCondition m_finished;
    std::deque<Pending *> m_waiting;
    bool m_leading = false;
    quint64 m_transactions = 0;
    quint64 m_units = 0;
};

} // namespace signoff
