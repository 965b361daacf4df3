#include "Dispatcher.h"

#include "GuardedConnection.h"
#include "Problem.h"
#include "ProxySocket.h"
#include "RequestContext.h"
#include "RequestRecorder.h"
#include "Router.h"
#include "service/Services.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>

namespace signoff::rest {

namespace {

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

Dispatcher::Dispatcher(Services &services, const Router &router, RequestRecorder &recorder, RateLimiter &limiter)
    : m_services(services)
    , m_router(router)
    , m_recorder(recorder)
    , m_limiter(limiter)
{
}

void Dispatcher::handle(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    auto *proxy = qobject_cast<ProxySocket *>(responder.socket());
    GuardedConnection *connection = proxy ? proxy->connection() : nullptr;
    if (!connection)
        return; // not a guarded socket, or already closed: nobody to answer

    QString actor;
    QString item;
    QString route = unmatchedRoute;
    HttpResponse response = run(request, *connection, &actor, &item, &route);
    response.setHeader("X-Content-Type-Options", "nosniff");
    connection->respond(response);

    const QByteArray &method = connection->currentRequest().method;
    m_recorder.record(method, route, response.status, connection->nanosecondsSinceRequest(), actor);
    if (response.status >= 500)
        m_recorder.logFailure(method, route, actor, item, response.failure);
}

std::optional<HttpResponse> Dispatcher::limitRate(const QByteArray &key)
{
    const std::optional<int> wait = m_limiter.take(key);
    if (!wait)
        return std::nullopt;
    return toResponse(Error::rateLimited(*wait, Message(QT_TRANSLATE_NOOP("Rest", "Too many requests; try again in %1 seconds."),
                                                        {QString::number(*wait)})));
}

HttpResponse Dispatcher::run(const QHttpServerRequest &request, GuardedConnection &connection, QString *actor,
                             QString *item, QString *route)
{
    const QByteArray &method = connection.currentRequest().method;
    const RouteMatch match = m_router.match(method, request.url().path(QUrl::FullyEncoded));
    if (!match.pathTemplate.isEmpty())
        *route = match.pathTemplate;
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
    *item = match.parameters.join(u'/');

    // Clients are counted by their token once it proved valid, else by
    // address: made-up tokens cannot buy a fresh bucket each.
    // (The address is only spelt out when needed: most requests carry a token.)
    const auto address = [&request]() -> QByteArray { return "address:" + request.remoteAddress().toString().toLatin1(); };
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
        *actor = signedIn->username;
        if (auto limited = limitRate("token:" + token))
            return *limited;
    } else if (auto limited = limitRate(address())) {
        return *limited;
    }

    if (takesBody(method) && !request.body().isEmpty() && !isJsonContentType(request.value("Content-Type")))
        return toResponse(httpProblem(415, QStringLiteral("unsupported-media-type"),
                                      QStringLiteral("Send the body as application/json.")));

    RequestContext context{m_services, request, target, match.parameters, signedIn, token};
    HttpResponse response = target.handler(context);
    if (target.access == Access::Authenticated && response.header("Cache-Control").isEmpty())
        response.setHeader("Cache-Control", "private, no-cache");
    return response;
}

} // namespace signoff::rest
