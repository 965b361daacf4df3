#pragma once

#include "HttpResponse.h"
#include "RateLimiter.h"

class QHttpServerRequest;
class QHttpServerResponder;

namespace signoff {
class Services;
}

namespace signoff::rest {

class GuardedConnection;
class RequestRecorder;
class Router;

// Every request QHttpServer parsed comes here: route it (404, 405 + Allow),
// rate-limit it (429), authenticate it (401), check its content type (415),
// run the handler, add the headers every response carries, answer through
// the request's connection, and record it.
class Dispatcher
{
public:
    Dispatcher(Services &services, const Router &router, RequestRecorder &recorder, RateLimiter &limiter);

    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder);

private:
    HttpResponse run(const QHttpServerRequest &request, GuardedConnection &connection, QString *actor,
                     QString *item, QString *route);
    std::optional<HttpResponse> limitRate(const QByteArray &key);

    Services &m_services;
    const Router &m_router;
    RequestRecorder &m_recorder;
    RateLimiter &m_limiter; // shared by the server's threads
};

} // namespace signoff::rest
