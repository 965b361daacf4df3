// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RestServer.h"

#include "ListenSockets.h"
#include "RestEngine.h"
#include "RestLog.h"
#include "ServerLimits.h"
#include "service/Services.h"

#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <atomic>
#include <optional>
#include <vector>

namespace signoff {

struct RestServer::Private
{
    explicit Private(Services &services) : services(services) {}

    // One server thread: its QThread, an object living in it (where work is
    // sent) and its engine.
    struct ServerThread
    {
        std::unique_ptr<QThread> thread;
        QObject *context = nullptr;
        rest::RestEngine *engine = nullptr;
    };

    // Stops the engines, all at once, and waits for their threads and the workers.
    void stopThreads();

    Services &services;
    std::unique_ptr<rest::ServerLimits> limits; // shared by the server threads
    std::unique_ptr<QThreadPool> workers;       // run the requests that write
    std::vector<ServerThread> threads;
    QUrl url;
    std::atomic_bool listening{false};
};

void RestServer::Private::stopThreads()
{
    Services &services = this->services;
    QThreadPool *pool = this->workers.get();
    for (ServerThread &worker : threads) {
        rest::RestEngine *engine = worker.engine;
        QObject *context = worker.context;
        QMetaObject::invokeMethod(
            context,
            [engine, context, &services, pool] {
                const auto finish = [engine, context, &services, pool] {
                    // Requests still running in a worker answer to the
                    // engine: let them end before it goes.
                    if (pool)
                        pool->waitForDone();
                    delete engine;
                    services.releaseThreadConnection();
                    context->deleteLater();
                    QThread::currentThread()->quit();
                };
                if (!engine) {
                    finish();
                    return;
                }
                engine->shutDown([context, finish] {
                    // Not from inside the engine's own call chain: next turn of the loop.
                    QTimer::singleShot(0, context, finish);
                });
            },
            Qt::QueuedConnection);
    }
    for (ServerThread &worker : threads)
        worker.thread->wait();
    threads.clear();
    this->workers.reset(); // its threads end, and with them their database connections
}

RestServer::RestServer(Services &services, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(services))
{
}

RestServer::~RestServer()
{
    stop();
}

Result<QUrl> RestServer::start(const RestConfig &config)
{
    stop();

    const int threads = qMax(1, config.threads);
    std::optional<rest::ListenSockets> sockets;
    if (threads > 1) {
        auto opened = rest::openListenSockets(config.address, config.port, threads);
        if (auto *failure = std::get_if<rest::ListenFailure>(&opened)) {
            const QString host = config.address == QHostAddress(QHostAddress::LocalHost) ? QStringLiteral("127.0.0.1")
                                                                                         : config.address.toString();
            Error error = failure->busy
                ? Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "Port %1 on %2 is busy: another program is listening there."),
                                             {QString::number(config.port), host}))
                : Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "Cannot listen on %1 port %2: %3"),
                                             {host, QString::number(config.port), failure->reason}));
            emit failed(error.translatedSummary());
            return error;
        }
        sockets = std::get<rest::ListenSockets>(std::move(opened));
    }

    d->limits = std::make_unique<rest::ServerLimits>(
        config.rateLimitPerSecond, config.maxConnections,
        rest::StreamLimits::Settings{config.maxStreamsPerUser, config.maxStreams, config.streamKeepAlive},
        config.rateLimitPerSecond > 0 ? config.signInsPerSecond : 0, config.signInBurst, config.maxUnsentBytes,
        config.maxWaitingForWorkers, config.maxWorkerWait);
    d->limits->readiness = config.startsReady ? rest::Readiness::Ready : rest::Readiness::Starting;
    if (config.workers > 0) {
        d->workers = std::make_unique<QThreadPool>();
        d->workers->setMaxThreadCount(config.workers);
    }
    Result<QUrl> result = Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "The REST server did not start.")));
    for (int i = 0; i < threads && (i == 0 || result); ++i) {
        Private::ServerThread worker;
        worker.thread = std::make_unique<QThread>();
        worker.thread->setObjectName(threads == 1 ? QStringLiteral("signoff-rest") : QStringLiteral("signoff-rest-%1").arg(i + 1));
        worker.thread->start();
        worker.context = new QObject;
        worker.context->moveToThread(worker.thread.get());
        std::optional<qintptr> descriptor;
        if (sockets)
            descriptor = sockets->descriptors.at(size_t(i));
        // The engine is made in its thread, so its sockets and timers belong there.
        QMetaObject::invokeMethod(
            worker.context,
            [&] {
                auto created = std::make_unique<rest::RestEngine>(d->services, config, *d->limits, d->workers.get());
                result = created->listen(descriptor);
                if (result)
                    worker.engine = created.release();
            },
            Qt::BlockingQueuedConnection);
        if (sockets && result)
            sockets->descriptors.at(size_t(i)) = -1; // the engine's guard owns it now
        d->threads.push_back(std::move(worker));
    }

    if (!result) {
        if (sockets) {
            for (qintptr &descriptor : sockets->descriptors) {
                if (descriptor >= 0)
                    rest::closeListenSockets(rest::ListenSockets{{descriptor}, 0});
            }
        }
        d->stopThreads();
        d->limits.reset();
        emit failed(result.error().translatedSummary());
        return result;
    }

    d->url = result.value();
    d->listening = true;
    qCInfo(lcRest).noquote() << "REST server started at" << d->url.toString()
                             << (threads > 1 ? QStringLiteral("with %1 threads").arg(threads) : QString());
    emit listening(d->url);
    return result;
}

void RestServer::stop()
{
    if (d->threads.empty())
        return;
    for (const Private::ServerThread &worker : d->threads) {
        if (QThread::currentThread() == worker.thread.get()) {
            qCCritical(lcRest) << "RestServer::stop() called from the server's own thread; ignored";
            return;
        }
    }
    d->listening = false;
    d->limits->readiness = rest::Readiness::Draining;
    d->stopThreads();
    d->limits.reset();
    d->url.clear();
    qCInfo(lcRest) << "REST server stopped";
    emit stopped();
}

void RestServer::markReady()
{
    if (!d->limits)
        return;
    rest::Readiness starting = rest::Readiness::Starting;
    d->limits->readiness.compare_exchange_strong(starting, rest::Readiness::Ready);
}

void RestServer::beginDraining()
{
    if (!d->limits || d->limits->readiness.exchange(rest::Readiness::Draining) == rest::Readiness::Draining)
        return;
    qCInfo(lcRest) << "REST server draining: /readyz answers 503, requests are still served";
}

QList<quint64> RestServer::requestsPerThread() const
{
    QList<quint64> counts;
    for (const Private::ServerThread &worker : d->threads)
        counts.append(worker.engine ? worker.engine->requestsServed() : 0);
    return counts;
}

bool RestServer::isListening() const
{
    return d->listening;
}

QUrl RestServer::url() const
{
    return d->url;
}

} // namespace signoff
