// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Dispatcher.h"
#include "RequestRecorder.h"
#include "RestServer.h"
#include "Router.h"

#include <QHttpServer>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <atomic>
#include <functional>
#include <optional>

namespace signoff::rest {

class ConnectionGuard;
struct ServerLimits;

// The server as it lives in its thread: QHttpServer bound to the
// ConnectionGuard, with one catch-all rule that hands every parsed request
// to the Dispatcher (routing is ours: Qt 6.4 cannot tell 404 from 405).
// Created, used and destroyed in the server thread; a server with several
// threads has one engine in each, sharing `limits`.
class RestEngine final : public QObject
{
    Q_OBJECT
public:
    // `workers` (shared by the server's engines, may be null) run the
    // requests that change something; see Dispatcher.
    RestEngine(Services &services, const RestConfig &config, ServerLimits &limits, QThreadPool *workers);
    ~RestEngine() override;

    // Listens on the configured address, or on `descriptor`, a socket that
    // listens already (one of several with SO_REUSEPORT, ListenSockets).
    Result<QUrl> listen(std::optional<qintptr> descriptor = std::nullopt);
    // Requests this engine has dispatched (any thread may ask).
    quint64 requestsServed() const { return m_requestsServed.load(std::memory_order_relaxed); }
    // Stops accepting, lets requests in progress finish (at most the
    // configured grace), closes every connection, then calls `done`.
    void shutDown(std::function<void()> done);

private:
    void finishShutdown();

    RestConfig m_config;
    ServerLimits &m_limits;
    Router m_router;
    RequestRecorder m_recorder;
    Dispatcher m_dispatcher;
    QHttpServer m_http;
    QPointer<ConnectionGuard> m_guard;
    QTimer m_graceTimer;
    std::function<void()> m_done;
    std::atomic<quint64> m_requestsServed{0};
};

} // namespace signoff::rest
