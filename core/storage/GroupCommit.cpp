// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GroupCommit.h"

#include "StorageLog.h"

#include <QThread>

namespace signoff {

namespace {

const QString savepoint = QStringLiteral("SAVEPOINT signoff_unit");
const QString release = QStringLiteral("RELEASE signoff_unit");
const QString rollbackToSavepoint = QStringLiteral("ROLLBACK TO signoff_unit");

} // namespace

GroupCommit::GroupCommit(WriterConnection writerConnection) : m_writerConnection(std::move(writerConnection)) {}

GroupCommit::~GroupCommit()
{
    {
        QMutexLocker locker(&m_mutex);
        m_stopping = true;
        m_changed.wakeAll();
    }
    if (m_writer)
        m_writer->wait();
}

Result<void> GroupCommit::run(Unit unit)
{
    Pending self{std::move(unit), false, std::nullopt};
    QMutexLocker locker(&m_mutex);
    if (!m_writer) {
        m_writer.reset(QThread::create([this] { writerLoop(); }));
        m_writer->setObjectName(QStringLiteral("signoff-writer"));
        m_writer->start();
    }
    m_waiting.push_back(&self);
    m_changed.wakeAll();
    while (!self.done)
        m_changed.wait(&m_mutex);
    if (self.failure)
        return *self.failure;
    return {};
}

void GroupCommit::writerLoop()
{
    QMutexLocker locker(&m_mutex);
    for (;;) {
        // A runBetweenBatches() task that waits goes before the next batch:
        // under steady writes there is always one, and the task would wait
        // forever.
        if (m_busy || m_betweenBatchesWaiting > 0 || m_waiting.empty()) {
            if (m_stopping && m_waiting.empty())
                break;
            m_changed.wait(&m_mutex);
            continue;
        }
        m_busy = true;
        std::vector<Pending *> batch;
        while (!m_waiting.empty() && int(batch.size()) < maxBatch) {
            batch.push_back(m_waiting.front());
            m_waiting.pop_front();
        }
        locker.unlock();
        if (auto connection = m_writerConnection.open(); !connection) {
            for (Pending *pending : batch)
                pending->failure = connection.error();
            m_writerBroken = true;
        } else {
            runBatch(*connection.value(), batch);
            // A connection found broken (a file made read-only, a full disk)
            // is reopened for the next batch, not kept.
            const bool broken = connection.value()->isBroken();
            if (broken && !connection.value()->inTransaction())
                m_writerConnection.close();
            m_writerBroken = broken;
        }
        locker.relock();
        ++m_transactions;
        m_units += batch.size();
        for (Pending *pending : batch)
            pending->done = true;
        m_busy = false;
        m_changed.wakeAll();
    }
    locker.unlock();
    m_writerConnection.close();
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

void GroupCommit::runBetweenBatches(const std::function<void()> &task)
{
    QMutexLocker locker(&m_mutex);
    ++m_betweenBatchesWaiting;
    while (m_busy)
        m_changed.wait(&m_mutex);
    --m_betweenBatchesWaiting;
    m_busy = true; // units arriving now wait as if behind a batch
    locker.unlock();
    task();
    locker.relock();
    m_busy = false;
    m_changed.wakeAll();
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
