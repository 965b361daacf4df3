#include "GroupCommit.h"

#include "StorageLog.h"

namespace signoff {

namespace {

const QString savepoint = QStringLiteral("SAVEPOINT signoff_unit");
const QString release = QStringLiteral("RELEASE signoff_unit");
const QString rollbackToSavepoint = QStringLiteral("ROLLBACK TO signoff_unit");

} // namespace

Result<void> GroupCommit::run(Connection &connection, Unit unit)
{
    Pending self{std::move(unit), false, std::nullopt};
    QMutexLocker locker(&m_mutex);
    m_waiting.push_back(&self);
    while (!self.done) {
        if (m_leading) {
            m_finished.wait(&m_mutex);
            continue;
        }
        // Nobody leads: this caller runs what is waiting (its own unit among
        // it, unless more than a batch is ahead of it), on its connection.
        m_leading = true;
        std::vector<Pending *> batch;
        while (!m_waiting.empty() && int(batch.size()) < maxBatch) {
            batch.push_back(m_waiting.front());
            m_waiting.pop_front();
        }
        locker.unlock();
        runBatch(connection, batch);
        locker.relock();
        ++m_transactions;
        m_units += batch.size();
        for (Pending *pending : batch)
            pending->done = true;
        m_leading = false;
        m_finished.wakeAll();
    }
    if (self.failure)
        return *self.failure;
    return {};
}

void GroupCommit::runBatch(Connection &connection, const std::vector<Pending *> &batch)
{
    const auto failAll = [&](const Error &error) {
        for (Pending *pending : batch)
            pending->failure = error;
    };
    if (auto begun = connection.beginWrite(); !begun) {
        failAll(begun.error());
        return;
    }
    // One unit alone needs no savepoint: its failure rolls back the transaction.
    if (batch.size() == 1) {
        if (!batch.front()->unit(connection)) {
            connection.rollback();
            return;
        }
        if (auto committed = connection.commit(); !committed)
            failAll(committed.error());
        return;
    }
    for (Pending *pending : batch) {
        if (auto opened = connection.execute(savepoint); !opened) {
            connection.rollback();
            failAll(opened.error());
            return;
        }
        const bool succeeded = pending->unit(connection);
        Result<void> closed = succeeded ? connection.execute(release) : connection.execute(rollbackToSavepoint);
        if (closed && !succeeded)
            closed = connection.execute(release);
        if (!closed) {
            connection.rollback();
            failAll(closed.error());
            return;
        }
    }
    if (auto committed = connection.commit(); !committed)
        failAll(committed.error());
}

quint64 GroupCommit::transactions() const
{
    QMutexLocker locker(&m_mutex);
    return m_transactions;
}

int GroupCommit::waiting() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_waiting.size());
}

quint64 GroupCommit::units() const
{
    QMutexLocker locker(&m_mutex);
    return m_units;
}

} // namespace signoff
