// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "WebhookDispatcher.h"

#include "domain/WebhookRules.h"
#include "service/Services.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSysInfo>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QUuid>

namespace signoff {

namespace {

Q_LOGGING_CATEGORY(lcWebhook, "signoff.webhook")

constexpr auto pruneInterval = std::chrono::hours(1);

QString newOwner()
{
    return QSysInfo::machineHostName().left(64) + u':' + QString::number(QCoreApplication::applicationPid()) + u':'
        + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// One attempt under way.
struct InFlight
{
    DeliveryJob job;
    QList<webhook::IpAddress> addresses; // checked; tried in turn while none answers
    int addressIndex = 0;
    QElapsedTimer elapsed;
    QByteArray head;         // the start of the answer's body
    bool haveEnough = false; // 1 KiB read: the rest is not wanted
    bool timedOut = false;
};

// Of the addresses a host resolves to, how many one attempt tries.
constexpr int maxAddressesTried = 4;

} // namespace

class WebhookDispatcher::Worker : public QObject
{
public:
    Worker(Services &services, QString owner)
        : m_services(services)
        , m_options(services.options().webhooks)
        , m_owner(std::move(owner))
        , m_poll(this)
        , m_prune(this)
    {
        m_poll.setInterval(m_options.pollInterval);
        connect(&m_poll, &QTimer::timeout, this, &Worker::look);
        m_prune.setInterval(pruneInterval);
        connect(&m_prune, &QTimer::timeout, this, &Worker::prune);
    }

    void begin()
    {
        m_network = new QNetworkAccessManager(this);
        // Straight to the address that was checked: no proxy in between.
        m_network->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        m_resolvers.setMaxThreadCount(qMax(1, m_options.maxInFlight));
        prune();
        m_poll.start();
        m_prune.start();
        look();
    }

    void finish()
    {
        m_finishing = true;
        m_poll.stop();
        m_prune.stop();
        const QList<QNetworkReply *> replies = m_inFlight.keys();
        for (QNetworkReply *reply : replies) {
            InFlight state = m_inFlight.take(reply);
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
            SendResult sent;
            sent.durationMs = state.elapsed.elapsed();
            sent.error = QStringLiteral("interrupted: the server stopped");
            record(state.job, sent);
        }
        m_resolvers.waitForDone();
        m_services.releaseThreadConnection();
    }

    // Something may have become due (the feed grew): look soon.
    void poke()
    {
        if (m_lookQueued || m_finishing)
            return;
        m_lookQueued = true;
        QMetaObject::invokeMethod(this, [this] { look(); }, Qt::QueuedConnection);
    }

private:
    void look()
    {
        m_lookQueued = false;
        if (m_finishing)
            return;
        const int free = m_options.maxInFlight - m_busy;
        if (free <= 0)
            return;
        auto jobs = m_services.webhooks().claimDue(m_owner, free);
        // No idle connection between looks: one kept open would keep SQLite's
        // view of the file as it was opened (read-only, say) for every later
        // connection of the process (as ServeCommand notes for its own).
        m_services.releaseThreadConnection();
        if (!jobs) {
            qCWarning(lcWebhook).noquote() << "could not claim webhook deliveries:" << jobs.error().englishSummary();
            return;
        }
        for (const DeliveryJob &job : std::as_const(jobs.value())) {
            ++m_busy;
            check(job);
        }
    }

    // The target's addresses, judged again now (DNS may answer otherwise
    // than at registration): off this thread, as DNS may take its time.
    void check(const DeliveryJob &job)
    {
        QPointer<Worker> self(this);
        WebhookService *webhooks = &m_services.webhooks();
        m_resolvers.start([self, webhooks, job] {
            auto target = webhooks->checkTarget(job.url);
            if (self)
                QMetaObject::invokeMethod(self, [self, job, target] {
                    if (self)
                        self->send(job, target);
                }, Qt::QueuedConnection);
        });
    }

    void send(const DeliveryJob &job, const Result<QList<webhook::IpAddress>> &target)
    {
        if (m_finishing)
            return; // its lease runs out; whoever comes next sends it
        if (!target) {
            SendResult refused;
            refused.refused = true;
            refused.error = QStringLiteral("not sent: ") + target.error().englishSummary();
            record(job, refused);
            return;
        }
        InFlight state;
        state.job = job;
        // IPv4 first: a receiver on "localhost" often listens on 127.0.0.1 only.
        for (const webhook::IpAddress &address : target.value()) {
            if (address.size() == 4)
                state.addresses.append(address);
        }
        for (const webhook::IpAddress &address : target.value()) {
            if (address.size() != 4)
                state.addresses.append(address);
        }
        state.addresses = state.addresses.mid(0, maxAddressesTried);
        state.elapsed.start();
        post(std::move(state));
    }

    // One try of an attempt, at the state's current address.
    void post(InFlight state)
    {
        const DeliveryJob &job = state.job;
        const QUrl url(job.url);
        QUrl connectTo = url;
        connectTo.setHost(webhook::addressText(state.addresses.at(state.addressIndex)));
        QNetworkRequest request(connectTo);
        // The name as the receiver knows it: Host, and TLS's server name and certificate check.
        request.setRawHeader("Host", url.authority(QUrl::FullyEncoded).toLatin1());
        if (url.scheme().toLower() == QStringLiteral("https"))
            request.setPeerVerifyName(url.host());
        const QByteArray messageId = job.deliveryId.toString(QUuid::WithoutBraces).toLatin1();
        const qint64 timestamp = QDateTime::currentSecsSinceEpoch();
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Signoff-Webhooks/1"));
        request.setRawHeader("webhook-id", messageId);
        request.setRawHeader("webhook-timestamp", QByteArray::number(timestamp));
        request.setRawHeader("webhook-signature",
                             webhook::signature(job.secret, QString::fromLatin1(messageId), timestamp, job.body));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        request.setTransferTimeout(int(m_options.timeout.count()));

        QNetworkReply *reply = m_network->post(request, job.body);
        reply->setReadBufferSize(webhook::limits::responseExcerptBytes * 4);
        // The whole try, however slowly the answer trickles in.
        auto *deadline = new QTimer(reply);
        deadline->setSingleShot(true);
        connect(deadline, &QTimer::timeout, this, [this, reply] {
            if (auto it = m_inFlight.find(reply); it != m_inFlight.end()) {
                it->timedOut = true;
                reply->abort();
            }
        });
        deadline->start(m_options.timeout);
        m_inFlight.insert(reply, std::move(state));
        connect(reply, &QNetworkReply::readyRead, this, [this, reply] { readSome(reply); });
        connect(reply, &QNetworkReply::finished, this, [this, reply] { finished(reply); });
    }

    void readSome(QNetworkReply *reply)
    {
        auto it = m_inFlight.find(reply);
        if (it == m_inFlight.end() || it->haveEnough)
            return;
        it->head += reply->read(webhook::limits::responseExcerptBytes - it->head.size());
        if (it->head.size() >= webhook::limits::responseExcerptBytes) {
            it->haveEnough = true;
            reply->abort(); // the status is known; the rest of the body is not wanted
        }
    }

    void finished(QNetworkReply *reply)
    {
        auto it = m_inFlight.find(reply);
        if (it == m_inFlight.end())
            return;
        InFlight state = std::move(*it);
        m_inFlight.erase(it);
        reply->deleteLater();
        SendResult sent;
        sent.durationMs = state.elapsed.elapsed();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid() && status.toInt() > 0) {
            sent.responseCode = status.toInt();
            if (!state.haveEnough)
                state.head += reply->read(webhook::limits::responseExcerptBytes - state.head.size());
            sent.responseHead = state.head;
            if (state.timedOut)
                sent.error = QStringLiteral("the answer did not finish within %1 ms").arg(m_options.timeout.count());
        } else if (state.timedOut) {
            sent.error = QStringLiteral("no answer within %1 ms").arg(m_options.timeout.count());
        } else if (state.addressIndex + 1 < state.addresses.size()) {
            // No connection to this address: the next one, in the same attempt.
            ++state.addressIndex;
            post(std::move(state));
            return;
        } else {
            sent.error = reply->errorString();
        }
        record(state.job, sent);
        --m_busy;
        poke(); // the endpoint's next delivery may be due now
    }

    void record(const DeliveryJob &job, const SendResult &sent)
    {
        auto outcome = m_services.webhooks().recordAttempt(m_owner, job, sent);
        const QString code = sent.responseCode ? QString::number(*sent.responseCode) : QStringLiteral("none");
        if (!outcome) {
            qCWarning(lcWebhook).noquote() << "could not record a webhook attempt: delivery" << job.deliveryId.toString(QUuid::WithoutBraces)
                                           << "error" << outcome.error().englishSummary();
        } else if (*outcome == AttemptOutcome::Delivered) {
            qCInfo(lcWebhook).noquote() << "webhook delivered:" << job.eventType << "delivery" << job.deliveryId.toString(QUuid::WithoutBraces)
                                        << "endpoint" << job.endpointId.toString(QUuid::WithoutBraces) << "status" << code
                                        << "in" << sent.durationMs << "ms";
        } else {
            qCWarning(lcWebhook).noquote() << "webhook not delivered:" << job.eventType << "delivery"
                                           << job.deliveryId.toString(QUuid::WithoutBraces) << "endpoint"
                                           << job.endpointId.toString(QUuid::WithoutBraces) << "status" << code
                                           << (*outcome == AttemptOutcome::Retry ? "(will retry)" : "(final)")
                                           << (sent.error.isEmpty() ? QString() : QStringLiteral("error: ") + sent.error.left(200));
        }
    }

    void prune()
    {
        if (auto pruned = m_services.webhooks().pruneLog(); !pruned)
            qCWarning(lcWebhook).noquote() << "could not prune the webhook delivery log:" << pruned.error().englishSummary();
    }

    Services &m_services;
    const WebhookOptions m_options;
    const QString m_owner;
    QTimer m_poll;
    QTimer m_prune;
    QNetworkAccessManager *m_network = nullptr;
    QHash<QNetworkReply *, InFlight> m_inFlight;
    int m_busy = 0; // claimed and not yet recorded: checking, sending
    bool m_lookQueued = false;
    bool m_finishing = false;
    QThreadPool m_resolvers; // last: waited for before the rest goes
};

WebhookDispatcher::WebhookDispatcher(Services &services)
    : m_services(services)
    , m_owner(newOwner())
{
}

WebhookDispatcher::~WebhookDispatcher()
{
    stop();
}

void WebhookDispatcher::start()
{
    if (m_thread)
        return;
    m_services.feed().start(); // positions order the deliveries
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("webhooks"));
    m_worker = new Worker(m_services, m_owner);
    m_worker->moveToThread(m_thread.get());
    Worker *worker = m_worker;
    QObject::connect(m_thread.get(), &QThread::started, worker, [worker] { worker->begin(); });
    QObject::connect(&m_services.feed(), &AuditFeed::advanced, worker, [worker] { worker->poke(); });
    m_thread->start();
}

void WebhookDispatcher::stop()
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

bool WebhookDispatcher::isRunning() const
{
    return m_thread != nullptr;
}

} // namespace signoff
