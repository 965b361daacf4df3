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
    const auto mode = size > m_options.truncateAboveBytes ? Connection::Checkpoint::Truncate : Connection::Checkpoint::Passive;
    if (auto done = connection.value()->checkpoint(mode); !done) {
        qCDebug(lcStorage) << "checkpointer: checkpoint failed";
        return;
    }
    const QFileInfo after(m_walPath);
    m_seenSize = after.exists() ? after.size() : -1;
    m_seenModified = after.exists() ? after.lastModified().toMSecsSinceEpoch() : -1;
    QMutexLocker locker(&m_mutex);
    ++m_checkpoints;
}

} // namespace signoff
