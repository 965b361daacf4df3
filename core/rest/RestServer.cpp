#include "RestServer.h"

#include "RestEngine.h"
#include "RestLog.h"
#include "service/Services.h"

#include <QThread>
#include <QTimer>
#include <atomic>

namespace signoff {

struct RestServer::Private
{
    explicit Private(Services &services) : services(services) {}

    Services &services;
    std::unique_ptr<QThread> thread;
    QObject *threadContext = nullptr; // lives in `thread`: where work is sent
    rest::RestEngine *engine = nullptr; // lives in `thread`
    QUrl url;
    std::atomic_bool listening{false};
};

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

    auto thread = std::make_unique<QThread>();
    thread->setObjectName(QStringLiteral("signoff-rest"));
    thread->start();
    auto *context = new QObject;
    context->moveToThread(thread.get());

    Result<QUrl> result = Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "The REST server did not start.")));
    rest::RestEngine *engine = nullptr;
    // The engine is made in its thread, so its sockets and timers belong there.
    QMetaObject::invokeMethod(
        context,
        [&] {
            auto created = std::make_unique<rest::RestEngine>(d->services, config);
            result = created->listen();
            if (result)
                engine = created.release();
        },
        Qt::BlockingQueuedConnection);

    if (!result) {
        context->deleteLater(); // deleted as the thread finishes
        thread->quit();
        thread->wait();
        emit failed(result.error().translatedSummary());
        return result;
    }

    d->thread = std::move(thread);
    d->threadContext = context;
    d->engine = engine;
    d->url = result.value();
    d->listening = true;
    qCInfo(lcRest).noquote() << "REST server started at" << d->url.toString();
    emit listening(d->url);
    return result;
}

void RestServer::stop()
{
    if (!d->thread)
        return;
    if (QThread::currentThread() == d->thread.get()) {
        qCCritical(lcRest) << "RestServer::stop() called from the server's own thread; ignored";
        return;
    }
    d->listening = false;
    rest::RestEngine *engine = d->engine;
    QObject *context = d->threadContext;
    Database &database = d->services.database();
    QMetaObject::invokeMethod(
        context,
        [engine, context, &database] {
            engine->shutDown([engine, context, &database] {
                // Not from inside the engine's own call chain: next turn of the loop.
                QTimer::singleShot(0, context, [engine, context, &database] {
                    delete engine;
                    database.closeThreadConnection();
                    context->deleteLater();
                    QThread::currentThread()->quit();
                });
            });
        },
        Qt::QueuedConnection);
    d->thread->wait();
    d->thread.reset();
    d->engine = nullptr;
    d->threadContext = nullptr;
    d->url.clear();
    qCInfo(lcRest) << "REST server stopped";
    emit stopped();
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
