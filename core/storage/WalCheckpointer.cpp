// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "WalCheckpointer.h"

#include "Database.h"
#include "StorageLog.h"

#include <QDateTime>
#include <QFileInfo>
#include <QThread>

namespace signoff {

WalCheckpointer::WalCheckpointer(Database &database, const QString &databasePath, Options options)
    : m_database(database)
    , m_walPath(databasePath + QStringLiteral("-wal"))
    , m_options(options)
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("signoff-checkpoint"));
    m_thread->start(QThread::LowPriority);
}

WalCheckpointer::~WalCheckpointer()
{
    {
        QMutexLocker locker(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    m_thread->wait();
}

quint64 WalCheckpointer::checkpoints() const
{
    QMutexLocker locker(&m_mutex);
    return m_checkpoints;
}

void WalCheckpointer::run()
{
    QMutexLocker locker(&m_mutex);
    while (!m_stopping) {
        m_wake.wait(&m_mutex, QDeadlineTimer(m_options.interval));
        if (m_stopping)
            break;
        locker.unlock();
        tick();
        locker.relock();
    }
    locker.unlock();
    m_database.closeThreadConnection();
}

void WalCheckpointer::tick()
{
    const QFileInfo wal(m_walPath);
    if (!wal.exists())
        return;
    const qint64 size = wal.size();
    const qint64 modified = wal.lastModified().toMSecsSinceEpoch();
    // Nothing was written since the last checkpoint: nothing to copy.
    if (size == m_seenSize && modified == m_seenModified)
        return;
    auto connection = m_database.connection();
    if (!connection) {
        qCDebug(lcStorage) << "checkpointer: no connection";
        return;
    }
    Connection &checkpointer = *connection.value();
    if (size > m_options.truncateAboveBytes) {
        if (!checkpointer.checkpoint(Connection::Checkpoint::Truncate)) {
            qCDebug(lcStorage) << "checkpointer: truncating checkpoint failed";
            return;
        }
    } else if (!checkpointer.checkpoint(Connection::Checkpoint::Passive)) {
        qCDebug(lcStorage) << "checkpointer: checkpoint failed";
        return;
    } else {
        // Writes went on while the bulk was copied. SQLite starts the log
        // over only once every frame is in the database, which never happens
        // under steady writes: the log would grow without end, each commit
        // appending to a longer file, until the TRUNCATE above stalled every
        // writer. Copying the short tail while this process's writes wait
        // takes a moment, and the next commit writes the log from its start.
        m_database.runBetweenWrites([&checkpointer] {
            auto tail = checkpointer.checkpoint(Connection::Checkpoint::Passive);
            if (!tail)
                qCDebug(lcStorage) << "checkpointer: checkpoint of the tail failed";
            else if (!tail.value().complete()) // a reader, or another process's writer
                qCDebug(lcStorage) << "checkpointer: log not fully copied:" << tail.value().checkpointedFrames
                                   << "of" << tail.value().logFrames << "frames";
        });
    }
    const QFileInfo after(m_walPath);
    m_seenSize = after.exists() ? after.size() : -1;
    m_seenModified = after.exists() ? after.lastModified().toMSecsSinceEpoch() : -1;
    QMutexLocker locker(&m_mutex);
    ++m_checkpoints;
}

} // namespace signoff
