#pragma once

#include "Dispatcher.h"
#include "RequestRecorder.h"
#include "RestServer.h"
#include "Router.h"

#include <QHttpServer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

namespace signoff::rest {

class ConnectionGuard;

// The server as it lives in its thread: QHttpServer bound to the
// ConnectionGuard, with one catch-all rule that hands every parsed request
// to the Dispatcher (routing is ours: Qt 6.4 cannot tell 404 from 405).
// Created, used and destroyed in the server thread.
class RestEngine final : public QObject
{
    Q_OBJECT
public:
    RestEngine(Services &services, const RestConfig &config);
    ~RestEngine() override;

    Result<QUrl> listen();
    // Stops accepting, lets requests in progress finish (at most the
    // configured grace), closes every connection, then calls `done`.
    void shutDown(std::function<void()> done);

private:
    void finishShutdown();

    RestConfig m_config;
    Router m_router;
    RequestRecorder m_recorder;
    Dispatcher m_dispatcher;
    QHttpServer m_http;
    QPointer<ConnectionGuard> m_guard;
    QTimer m_graceTimer;
    std::function<void()> m_done;
};

} // namespace signoff::rest
