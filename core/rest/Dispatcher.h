// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "HttpRequest.h"
#include "HttpResponse.h"
#include "RateLimiter.h"
#include "Readiness.h"
#include "StreamLimits.h"
#include "WorkerAdmission.h"

#include <atomic>

class QHttpServerRequest;
class QHttpServerResponder;
class QObject;
class QThreadPool;

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
//
// With `workers`, requests that change something (any method but GET and
// HEAD; signing in too) run in a worker thread instead: they wait for a
// commit (an fsync, shared with other writers by group commit) or for a
// password hash, and meanwhile this server thread serves other connections.
// The answer comes back to this thread (`home`, an object living in it) and
// goes out in order: the connection sends nothing else until it has.
// The wait for a worker is bounded (`admission`): a full queue, or a request
// that waited too long, is 503 with Retry-After.
//
// While the server drains (Readiness::Draining) every answer closes its
// connection, so that clients open their next one elsewhere.
class Dispatcher
{
public:
    Dispatcher(Services &services, const Router &router, RequestRecorder &recorder, RateLimiter &limiter,
               QThreadPool *workers = nullptr, QObject *home = nullptr, StreamLimits *streams = nullptr,
               RateLimiter *signIns = nullptr, const std::atomic<Readiness> *readiness = nullptr,
               WorkerAdmission *admission = nullptr);

    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder);

private:
    struct Outcome
    {
        HttpResponse response;
        QString actor;
        QString item;
        QString route;
        bool expected = false; // a 5xx that is an answer, not a failure: /readyz while starting or draining
    };

    // Thread-safe: what a worker runs.
    Outcome run(const HttpRequest &request, const QByteArray &method) const;
    HttpResponse route(const HttpRequest &request, const QByteArray &method, Outcome *outcome) const;
    void finish(GuardedConnection &connection, Outcome &outcome);
    std::optional<HttpResponse> limitRate(const QByteArray &key) const;
    std::optional<HttpResponse> limitSignIns(const HttpRequest &request) const;
    Outcome workersBusy(const HttpRequest &request, const QByteArray &method) const;

    Services &m_services;
    const Router &m_router;
    RequestRecorder &m_recorder;
    RateLimiter &m_limiter; // shared by the server's threads
    QThreadPool *m_workers;
    QObject *m_home;
    StreamLimits *m_streams; // the server's event streams (shared by its threads)
    RateLimiter *m_signIns;  // sign-ins per address (shared by the server's threads)
    const std::atomic<Readiness> *m_readiness; // the server's (shared by its threads); null: always ready
    WorkerAdmission *m_admission;              // the server's (shared by its threads); null: unbounded
};

} // namespace signoff::rest
