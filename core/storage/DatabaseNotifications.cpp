// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DatabaseNotifications.h"

#include "SqlConnection.h"
#include "StorageLog.h"

#include <QAtomicInteger>
#include <QSqlDriver>
#include <QThread>
#include <QTimer>

namespace signoff {

namespace {
const QString changeChannel = QStringLiteral("signoff_change");
const QString sealedChannel = QStringLiteral("signoff_sealed");

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("signoff-listener-%1").arg(++counter);
}
} // namespace

// Lives in the listener's thread: owns the connection, hears its
// notifications, and checks on it.
class DatabaseNotifications::Worker : public QObject
{
public:
    Worker(DatabaseNotifications &listener, const DatabaseUrl &url, std::chrono::milliseconds checkInterval)
        : m_listener(listener)
        , m_url(url)
        , m_checkInterval(checkInterval)
        , m_check(this) // a child: moves to the thread with the worker
    {
        m_check.setInterval(checkInterval);
        connect(&m_check, &QTimer::timeout, this, &Worker::check);
    }

    void begin()
    {
        connectAndListen();
        m_check.start();
    }

    void finish()
    {
        m_check.stop();
        m_connection.reset();
    }

    void check()
    {
        // A trivial statement is the only way to learn that the server went:
        // the driver does not say so by itself.
        if (m_connection && m_connection->answers())
            return;
        if (m_connection)
            qCWarning(lcStorage) << "lost the connection that listens for changes; reconnecting";
        connectAndListen();
    }

private:
    void connectAndListen()
    {
        m_connection.reset();
        auto connection = std::make_unique<Connection>(m_url, nextConnectionName());
        if (!connection->open()) {
            // The next check tries again, a little later each time while the
            // database stays away (up to 16 intervals apart).
            m_check.setInterval(qMin(m_check.intervalAsDuration() * 2, m_checkInterval * 16));
            return;
        }
        m_check.setInterval(m_checkInterval);
        QSqlDriver *driver = connection->sql().handle.driver();
        if (!driver->subscribeToNotification(changeChannel) || !driver->subscribeToNotification(sealedChannel)) {
            qCWarning(lcStorage) << "cannot LISTEN for changes:" << driver->lastError().text().simplified();
            return;
        }
        connect(driver, &QSqlDriver::notification, this,
                [this](const QString &channel, QSqlDriver::NotificationSource, const QVariant &payload) {
                    heard(channel, payload.toString());
                });
        m_connection = std::move(connection);
        qCDebug(lcStorage) << "listening for other processes' changes";
        emit m_listener.listening();
    }

    void heard(const QString &channel, const QString &payload)
    {
        if (channel == sealedChannel) {
            emit m_listener.feedSealed();
            return;
        }
        if (channel != changeChannel)
            return;
        // "PROCESS TYPE ID"; ids and types hold no spaces.
        const QStringList parts = payload.split(u' ');
        if (parts.size() != 3 || parts.at(0) == m_listener.m_ownInstance)
            return; // malformed, or our own Database's change (announced already)
        emit m_listener.changeCommitted(parts.at(1), parts.at(2));
    }

    DatabaseNotifications &m_listener;
    const DatabaseUrl m_url;
    const std::chrono::milliseconds m_checkInterval;
    QTimer m_check;
    std::unique_ptr<Connection> m_connection;
};

namespace {
// Operators see the listening connection by name in pg_stat_activity.
DatabaseUrl listenerUrl(DatabaseUrl url)
{
    if (!url.options.contains(QStringLiteral("application_name")))
        url.options.insert(QStringLiteral("application_name"), QStringLiteral("signoff-listener"));
    return url;
}
} // namespace

DatabaseNotifications::DatabaseNotifications(DatabaseUrl url, QString ownInstance, std::chrono::milliseconds checkInterval)
    : m_url(listenerUrl(std::move(url)))
    , m_ownInstance(std::move(ownInstance))
    , m_checkInterval(checkInterval)
{
}

DatabaseNotifications::~DatabaseNotifications()
{
    stop();
}

void DatabaseNotifications::start()
{
    if (m_thread || m_url.dialect != SqlDialect::Postgresql)
        return;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("change-listener"));
    m_worker = new Worker(*this, m_url, m_checkInterval);
    m_worker->moveToThread(m_thread.get());
    Worker *worker = m_worker;
    connect(m_thread.get(), &QThread::started, worker, [worker] { worker->begin(); });
    m_thread->start();
}

void DatabaseNotifications::checkNow()
{
    if (!m_worker)
        return;
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { worker->check(); }, Qt::BlockingQueuedConnection);
}

void DatabaseNotifications::stop()
{
    if (!m_thread)
        return;
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { worker->finish(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    m_worker = nullptr;
    m_thread.reset();
}

} // namespace signoff
