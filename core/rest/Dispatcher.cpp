// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Dispatcher.h"

#include "GuardedConnection.h"
#include "Problem.h"
#include "ProxySocket.h"
#include "RequestContext.h"
#include "RequestRecorder.h"
#include "RestLog.h"
#include "Router.h"
#include "service/Services.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QElapsedTimer>
#include <QThreadPool>

#include <memory>

namespace signoff::rest {

namespace {

const QString signInRoute = QStringLiteral("/api/v1/auth/token");

bool takesBody(const QByteArray &method)
{
    return method == "POST" || method == "PATCH" || method == "PUT";
}

Error notSignedIn()
{
    return Error::unauthenticated(
        Message(QT_TRANSLATE_NOOP("Rest", "Sign in first: send Authorization: Bearer TOKEN with a token from POST /api/v1/auth/token.")));
}

} // namespace

Dispatcher::Dispatcher(Services &services, const Router &router, RequestRecorder &recorder, RateLimiter &limiter,
                       QThreadPool *workers, QObject *home, StreamLimits *streams, RateLimiter *signIns,
                       const std::atomic<Readiness> *readiness, WorkerAdmission *admission)
    : m_services(services)
    , m_router(router)
    , m_recorder(recorder)
    , m_limiter(limiter)
    , m_workers(workers)
    , m_home(home)
    , m_streams(streams)
    , m_signIns(signIns)
    , m_readiness(readiness)
    , m_admission(admission)
{
}

void Dispatcher::handle(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    auto *proxy = qobject_cast<ProxySocket *>(responder.socket());
    GuardedConnection *connection = proxy ? proxy->connection() : nullptr;
    if (!connection)
        return; // not a guarded socket, or already closed: nobody to answer

    const QByteArray method = connection->currentRequest().method;
    if (!m_workers || !m_home || method == "GET" || method == "HEAD") {
        Outcome outcome = run(HttpRequest(request), method);
        finish(*connection, outcome);
        return;
    }
    if (m_admission && !m_admission->enter()) {
        Outcome busy = workersBusy(HttpRequest(request), method);
        finish(*connection, busy);
        return;
    }
    connection->deferResponse();
    QPointer<GuardedConnection> guarded(connection);
    QElapsedTimer queued;
    queued.start();
    m_workers->start([this, guarded, method, queued, copy = HttpRequest(request)] {
        const bool admitted = !m_admission || m_admission->start(queued);
        auto outcome = std::make_shared<Outcome>(admitted ? run(copy, method) : workersBusy(copy, method));
        QMetaObject::invokeMethod(
            m_home,
            [this, guarded, outcome] {
                if (guarded) // the client may have gone meanwhile
                    finish(*guarded, *outcome);
            },
            Qt::QueuedConnection);
    });
}

void Dispatcher::finish(GuardedConnection &connection, Outcome &outcome)
{
    if (!outcome.response.stream && !connection.admits(outcome.response.body.size())) {
        // Clients that do not read hold too much of the server's memory already.
        const qint64 refusedBytes = outcome.response.body.size();
        Problem busy = httpProblem(503, QStringLiteral("server-busy"),
                                   QStringLiteral("The server holds too many answers its clients have not read; try again in a moment."));
        busy.retryAfterSeconds = 1;
        outcome.response = toResponse(busy);
        qCWarning(lcRest).noquote() << "answer of" << refusedBytes << "bytes refused: too much unread output";
    }
    outcome.response.setHeader("X-Content-Type-Options", "nosniff");
    const bool draining = m_readiness && m_readiness->load(std::memory_order_relaxed) == Readiness::Draining;
    connection.respond(outcome.response, draining);
    const QByteArray &method = connection.currentRequest().method;
    m_recorder.record(method, outcome.route, outcome.response.status, connection.nanosecondsSinceRequest(), outcome.actor);
    if (outcome.response.status >= 500 && !outcome.expected)
        m_recorder.logFailure(method, outcome.route, outcome.actor, outcome.item, outcome.response.failure);
}

// Every worker, and so every database connection of this server, is taken
// for longer than a client should wait: an answer now, which a client or a
// load balancer retries (elsewhere), instead of a queue without end.
Dispatcher::Outcome Dispatcher::workersBusy(const HttpRequest &request, const QByteArray &method) const
{
    Problem busy = httpProblem(503, QStringLiteral("server-busy"),
                               QStringLiteral("Every database connection of this server is busy; try again in a moment."));
    busy.retryAfterSeconds = 1;
    Outcome outcome;
    outcome.response = toResponse(busy);
    outcome.route = m_router.routeLabel(method, request.url().path(QUrl::FullyEncoded).toUtf8());
    outcome.expected = true; // overload, counted in the metrics; not a failure of the request
    return outcome;
}

std::optional<HttpResponse> Dispatcher::limitRate(const QByteArray &key) const
{
    const std::optional<int> wait = m_limiter.take(key);
    if (!wait)
        return std::nullopt;
    return toResponse(Error::rateLimited(*wait, Message(QT_TRANSLATE_NOOP("Rest", "Too many requests; try again in %1 seconds."),
                                                        {QString::number(*wait)})));
}

std::optional<HttpResponse> Dispatcher::limitSignIns(const HttpRequest &request) const
{
    if (!m_signIns)
        return std::nullopt;
    const std::optional<int> wait = m_signIns->take(request.remoteAddress().toString().toLatin1());
    if (!wait)
        return std::nullopt;
    return toResponse(Error::rateLimited(*wait, Message(QT_TRANSLATE_NOOP("Rest", "Too many sign-ins from this address; try again in %1 seconds."),
                                                        {QString::number(*wait)})));
}

Dispatcher::Outcome Dispatcher::run(const HttpRequest &request, const QByteArray &method) const
{
    Outcome outcome;
    outcome.route = unmatchedRoute;
    outcome.response = route(request, method, &outcome);
    return outcome;
}

HttpResponse Dispatcher::route(const HttpRequest &request, const QByteArray &method, Outcome *outcome) const
{
    const RouteMatch match = m_router.match(method, request.url().path(QUrl::FullyEncoded));
    if (!match.pathTemplate.isEmpty())
        outcome->route = match.pathTemplate;
    if (!match.route) {
        if (match.allowed.isEmpty())
            return toResponse(Error::notFound(Message(QT_TRANSLATE_NOOP("Rest", "There is no such resource."))));
        Problem problem = httpProblem(405, QStringLiteral("method-not-allowed"),
                                      QStringLiteral("%1 is not allowed here; use %2.")
                                          .arg(QString::fromLatin1(method), QString::fromLatin1(match.allowed.join(", "))));
        problem.headers.append({"Allow", match.allowed.join(", ")});
        return toResponse(problem);
    }
    const Route &target = *match.route;
    outcome->item = match.parameters.join(u'/');

    // Clients are counted by their user once a token proved valid (however
    // many tokens a user holds, they share one bucket), else by address:
    // made-up tokens cannot buy a fresh bucket each. (The address is only
    // spelt out when needed: most requests carry a token.)
    const auto address = [&request]() -> QByteArray {
        return "address:" + request.remoteAddress().toString().toLatin1();
    };
    const QByteArray token = bearerToken(request);
    std::optional<Actor> signedIn;
    if (target.access == Access::Authenticated) {
        if (token.isEmpty()) {
            if (auto limited = limitRate(address()))
                return *limited;
            return toResponse(notSignedIn());
        }
        auto authenticated = m_services.auth().authenticate(QString::fromLatin1(token));
        if (!authenticated) {
            if (auto limited = limitRate(address()))
                return *limited;
            return toResponse(authenticated.error());
        }
        signedIn = authenticated.value();
        outcome->actor = signedIn->username;
        if (auto limited = limitRate("user:" + signedIn->id.toRfc4122()))
            return *limited;
    } else if (target.access == Access::Probe) {
        // A load balancer's health checks: never limited, or a busy
        // balancer would take a healthy server out of rotation.
    } else if (auto limited = limitRate(address())) {
        return *limited;
    }
    if (method == "POST" && match.pathTemplate == signInRoute) {
        if (auto limited = limitSignIns(request))
            return *limited;
    }

    if (takesBody(method) && !request.body().isEmpty() && !isJsonContentType(request.value("Content-Type")))
        return toResponse(httpProblem(415, QStringLiteral("unsupported-media-type"),
                                      QStringLiteral("Send the body as application/json.")));

    RequestContext context{m_services, request, target, match.parameters, signedIn, token, m_streams, m_readiness};
    HttpResponse response = target.handler(context);
    outcome->expected = target.access == Access::Probe && response.failure.isEmpty();
    if (target.access == Access::Authenticated && response.header("Cache-Control").isEmpty())
        response.setHeader("Cache-Control", "private, no-cache");
    return response;
}

} // namespace signoff::rest
