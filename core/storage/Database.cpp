// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Database.h"

#include "StorageLog.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QThread>

namespace signoff {

Database::Database(DatabaseUrl url)
    : m_url(std::move(url))
    , m_instanceName(QStringLiteral("signoff-%1").arg(QRandomGenerator::system()->generate(), 8, 16, QChar(u'0')))
    , m_groupCommit(std::make_unique<GroupCommit>(GroupCommit::WriterConnection{
          [this] { return connection(); }, [this] { closeThreadConnection(); }}))
    , m_groupCommitEnabled(qEnvironmentVariable("SIGNOFF_GROUP_COMMIT") != QStringLiteral("0"))
    , m_threadWatcher(std::make_unique<QObject>())
{
}

Database::~Database()
{
    m_checkpointer.reset(); // its thread closes its own connection
    m_groupCommit.reset();  // so does the writer thread
    m_threadWatcher.reset();
    QMutexLocker locker(&m_mutex);
    // Connections of other threads should have been closed by their threads;
    // closing them here is the last resort at shutdown.
    m_connections.clear();
}

Result<Connection *> Database::connection()
{
    QThread *thread = QThread::currentThread();
    {
        QMutexLocker locker(&m_mutex);
        auto it = m_connections.constFind(thread);
        if (it != m_connections.cend()) {
            if (!it.value()->isBroken()) {
                Connection *existing = it.value().get();
                locker.unlock();
                applyWalAutoCheckpoint(*existing);
                return existing;
            }
        }
    }
    closeConnectionOf(thread);

    if (m_url.dialect == SqlDialect::Sqlite) {
        const QFileInfo file(m_url.path);
        // Only the first connection may create the file (and its folder): a
        // file that vanished later must not come back empty and unmigrated.
        if (m_hasOpened && !file.exists())
            return fileGone();
        if (!file.exists() && !QDir().mkpath(file.absolutePath()))
            return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "Cannot create the folder ‘%1’."),
                                              {file.absolutePath()}));
    }
    const QString name = QStringLiteral("signoff-%1-%2")
                             .arg(quintptr(this), 0, 16)
                             .arg(quintptr(thread), 0, 16);
    auto connection = std::make_shared<Connection>(m_url, name, m_instanceName);
    if (auto opened = connection->open(); !opened)
        return opened.error();
    m_hasOpened = true;
    applyWalAutoCheckpoint(*connection);

    QMutexLocker locker(&m_mutex);
    m_connections.insert(thread, connection);
    const bool firstForThread = !m_watchedThreads.contains(thread);
    m_watchedThreads.insert(thread);
    locker.unlock();
    if (firstForThread && thread != m_threadWatcher->thread()) {
        QObject::connect(thread, &QThread::finished, m_threadWatcher.get(),
                         [this, thread] { closeConnectionOf(thread); }, Qt::DirectConnection);
    }
    return connection.get();
}

void Database::closeThreadConnection()
{
    closeConnectionOf(QThread::currentThread());
}

void Database::closeIfBroken(const Connection &conn)
{
    // `conn` is this thread's own: no lookup, nothing on the usual path.
    if (conn.isBroken() && !conn.inTransaction())
        closeThreadConnection();
}

void Database::closeConnectionOf(QThread *thread)
{
    std::shared_ptr<Connection> connection;
    {
        QMutexLocker locker(&m_mutex);
        connection = m_connections.take(thread);
    }
    // Destroyed outside the lock, in the thread that used it.
}

Error Database::fileGone() const
{
    return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "The database file ‘%1’ is gone."), {m_url.path}));
}

Result<void> Database::ping()
{
    // An open SQLite connection keeps working on a deleted file; the
    // database the operator means is the one at the path.
    if (m_url.dialect == SqlDialect::Sqlite && m_hasOpened && !QFileInfo::exists(m_url.path))
        return fileGone();
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto conn = connection();
        if (!conn)
            return conn.error();
        auto result = conn.value()->execute(QStringLiteral("SELECT 1"));
        // A PostgreSQL server that restarted leaves a broken connection: the
        // second attempt reconnects.
        if (result || !conn.value()->isBroken())
            return result;
    }
    return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "The database is not available; try again shortly.")));
}

Result<void> Database::settleAfterBulkLoad()
{
    if (m_url.dialect != SqlDialect::Postgresql)
        return {};
    auto conn = connection();
    if (!conn)
        return conn.error();
    // Not preparable: Connection runs VACUUM as plain text (no values to bind).
    return conn.value()->execute(QStringLiteral("VACUUM (ANALYZE)"));
}

void Database::applyWalAutoCheckpoint(Connection &connection)
{
    const int pages = m_walAutoCheckpoint.load(std::memory_order_relaxed);
    if (pages >= 0 && connection.walAutoCheckpoint() != pages && !connection.inTransaction()) {
        if (!connection.setWalAutoCheckpoint(pages))
            qCWarning(lcStorage) << "cannot set wal_autocheckpoint";
    }
}

void Database::startBackgroundCheckpoints(WalCheckpointer::Options options)
{
    if (m_url.dialect != SqlDialect::Sqlite || m_checkpointer)
        return;
    // Commits no longer checkpoint by themselves; this many pages (64 MiB of
    // 4 KiB pages) is the safety net should the checkpointer fall behind.
    m_walAutoCheckpoint = 16384;
    m_checkpointer = std::make_unique<WalCheckpointer>(*this, m_url.path, options);
}

quint64 Database::backgroundCheckpoints() const
{
    return m_checkpointer ? m_checkpointer->checkpoints() : 0;
}

} // namespace signoff
