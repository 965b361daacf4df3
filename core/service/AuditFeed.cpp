// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AuditFeed.h"

#include "AuditSealer.h"
#include "ServiceLog.h"
#include "storage/AuditSealRepository.h"
#include "storage/Database.h"
#include "storage/DatabaseNotifications.h"

#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

namespace signoff {

// Lives in the feed's thread: seals and looks, on its timer or soon after a nudge.
class AuditFeed::Worker : public QObject
{
public:
    Worker(AuditFeed &feed, Options options)
        : m_feed(feed)
        , m_options(options)
        , m_poll(this) // children: they move to the feed's thread with the worker
        , m_soon(this)
    {
        m_poll.setInterval(options.pollInterval);
        connect(&m_poll, &QTimer::timeout, this, &Worker::look);
        m_soon.setSingleShot(true);
        connect(&m_soon, &QTimer::timeout, this, &Worker::look);
    }

    void begin()
    {
        m_sinceLook.start();
        look();
        m_poll.start();
    }

    void finish()
    {
        m_poll.stop();
        m_soon.stop();
        m_feed.m_database.closeThreadConnection();
    }

    // A change committed in this process: seal it soon, spaced from the last seal.
    void nudge()
    {
        if (m_soon.isActive())
            return;
        const qint64 spacing = m_options.sealSpacing.count();
        m_soon.start(int(qBound<qint64>(1, spacing - m_sinceLook.elapsed(), spacing)));
    }

private:
    void look()
    {
        m_soon.stop();
        m_sinceLook.restart();
        auto sealed = AuditSealer::sealPending(m_feed.m_database);
        if (!sealed) {
            qCDebug(lcService) << "the audit sealer could not seal:" << sealed.error().englishSummary();
            return;
        }
        auto latest = m_feed.m_database.run([](Connection &connection) { return AuditSealRepository(connection).latestPosition(); });
        if (!latest)
            return;
        m_feed.publish(latest.value());
    }

    AuditFeed &m_feed;
    const Options m_options;
    QTimer m_poll;
    QTimer m_soon;
    QElapsedTimer m_sinceLook;
};

AuditFeed::AuditFeed(Database &database, ChangeNotifier &notifier)
    : m_database(database)
    , m_notifier(notifier)
{
}

AuditFeed::~AuditFeed()
{
    stop();
}

void AuditFeed::start(Options options)
{
    QMutexLocker lock(&m_mutex);
    if (m_thread)
        return;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("audit-feed"));
    m_worker = new Worker(*this, options);
    m_worker->moveToThread(m_thread.get());
    Worker *worker = m_worker;
    connect(m_thread.get(), &QThread::started, worker, [worker] { worker->begin(); });
    connect(&m_notifier, &ChangeNotifier::changed, worker, [worker] { worker->nudge(); });
    m_thread->start();
    if (!options.listen)
        return;

    m_listener = std::make_unique<DatabaseNotifications>(m_database.url(), m_database.instanceName());
    // Announced from the listener's thread, at once: a token revoked or a
    // user disabled through another instance is refused here from now on.
    ChangeNotifier *notifier = &m_notifier;
    connect(m_listener.get(), &DatabaseNotifications::changeCommitted, notifier,
            [notifier](const QString &typeName, const QString &id) {
                if (const auto type = entityTypeFromString(typeName))
                    notifier->announce(*type, id);
            }, Qt::DirectConnection);
    connect(m_listener.get(), &DatabaseNotifications::feedSealed, worker, [worker] { worker->nudge(); });
    connect(m_listener.get(), &DatabaseNotifications::listening, notifier, [notifier, worker] {
        // What changed while nobody listened: tokens and users are looked up
        // afresh, and the feed is read on (the change watcher catches up
        // from it on everything else).
        notifier->announce(EntityType::User, QString());
        QMetaObject::invokeMethod(worker, [worker] { worker->nudge(); });
    }, Qt::DirectConnection);
    m_listener->start();
}

void AuditFeed::stop()
{
    QMutexLocker lock(&m_mutex);
    if (!m_thread)
        return;
    m_listener.reset(); // stops listening before the worker it wakes goes
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { worker->finish(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    m_worker = nullptr;
    m_thread.reset();
}

bool AuditFeed::isRunning() const
{
    QMutexLocker lock(&m_mutex);
    return m_thread != nullptr;
}

void AuditFeed::publish(qint64 position)
{
    qint64 seen = m_latest.load(std::memory_order_acquire);
    while (position > seen) {
        if (m_latest.compare_exchange_weak(seen, position, std::memory_order_acq_rel)) {
            emit advanced(position);
            return;
        }
    }
}

} // namespace signoff
