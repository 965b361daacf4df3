// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RestEngine.h"

#include "ConnectionGuard.h"
#include "RestLog.h"
#include "Routes.h"
#include "service/Services.h"

#include <QHttpServerRouterRule>
#include <QRegularExpressionMatch>

namespace signoff::rest {

namespace {

// The one rule QHttpServer gets: it takes every request.
class EveryRequest final : public QHttpServerRouterRule
{
public:
    using QHttpServerRouterRule::QHttpServerRouterRule;

protected:
    bool matches(const QHttpServerRequest &, QRegularExpressionMatch *) const override { return true; }
};

QString hostText(const QHostAddress &address)
{
    return address == QHostAddress(QHostAddress::LocalHost) ? QStringLiteral("127.0.0.1") : address.toString();
}

} // namespace

RestEngine::RestEngine(Services &services, const RestConfig &config, ServerLimits &limits, QThreadPool *workers)
    : m_config(config)
    , m_limits(limits)
    , m_router(routeTable())
    , m_recorder(m_router, services.metrics())
    , m_dispatcher(services, m_router, m_recorder, limits.limiter, workers, this, &limits.streams, &limits.signIns,
                   &limits.readiness, &limits.workers)
{
    m_http.route<EveryRequest>(QString(), [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        m_requestsServed.fetch_add(1, std::memory_order_relaxed);
        m_dispatcher.handle(request, responder);
    });
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcRest) << "closing connections whose requests did not finish in time";
        if (m_guard)
            m_guard->abortAll();
        finishShutdown();
    });
}

RestEngine::~RestEngine() = default;

Result<QUrl> RestEngine::listen(std::optional<qintptr> descriptor)
{
    ConnectionPolicy policy;
    policy.idleTimeout = m_config.idleTimeout;
    policy.requestDeadline = m_config.requestDeadline;
    policy.tls = m_config.tls;
    auto *guard = new ConnectionGuard(m_limits, std::move(policy), m_recorder);
    if (descriptor ? !guard->setSocketDescriptor(*descriptor) : !guard->listen(m_config.address, m_config.port)) {
        const QString host = hostText(m_config.address);
        const QString port = QString::number(m_config.port);
        const bool busy = guard->serverError() == QAbstractSocket::AddressInUseError;
        const QString reason = guard->errorString();
        delete guard;
        if (busy)
            return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "Port %1 on %2 is busy: another program is listening there."),
                                              {port, host}));
        return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "Cannot listen on %1 port %2: %3"), {host, port, reason}));
    }
    m_http.bind(guard); // QHttpServer takes ownership
    m_guard = guard;

    QUrl url;
    url.setScheme(m_config.tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(hostText(guard->serverAddress()));
    url.setPort(guard->serverPort());
    return url;
}

void RestEngine::shutDown(std::function<void()> done)
{
    m_done = std::move(done);
    if (!m_guard) {
        finishShutdown();
        return;
    }
    connect(m_guard, &ConnectionGuard::drained, this, &RestEngine::finishShutdown);
    m_graceTimer.start(m_config.shutdownGrace);
    m_guard->drain();
}

void RestEngine::finishShutdown()
{
    m_graceTimer.stop();
    if (auto done = std::exchange(m_done, nullptr))
        done();
}

} // namespace signoff::rest
