// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HandlerSupport.h"
#include "Handlers.h"
#include "RequestBodies.h"
#include "service/Metrics.h"
#include "service/Services.h"

#include <QFile>

namespace signoff::rest::handlers {

namespace {

// resources/openapi.json, compiled into the library; read once.
const QByteArray &openApiDocument()
{
    static const QByteArray document = [] {
        QFile file(QStringLiteral(":/signoff/openapi.json"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    return document;
}

// The driver's error names the database's host, port and name: anyone may
// ask the probes, so the answer says only that the database is gone. The
// error itself stays in `failure`, which the dispatcher logs (escaped).
HttpResponse databaseUnavailable(const Error &error)
{
    Problem problem = problemFor(error);
    problem.status = 503;
    problem.detail = QStringLiteral("The database does not answer.");
    problem.detailMessage = Message();
    problem.fields.clear();
    HttpResponse response = toResponse(problem);
    response.failure = toResponse(error).failure;
    return response;
}

} // namespace

HttpResponse issueToken(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    auto credentials = bodies::credentials(body.value());
    if (!credentials)
        return toResponse(credentials.error());

    auto issued = context.services.auth().issueToken(credentials->username, credentials->password);
    HttpResponse response = issued ? HttpResponse::json(200, toJson(issued.value())) : toResponse(issued.error());
    response.setHeader("Cache-Control", "no-store");
    return response;
}

HttpResponse revokeToken(RequestContext &context)
{
    auto revoked = context.services.auth().revoke(QString::fromLatin1(context.token));
    if (!revoked)
        return toResponse(revoked.error());
    return HttpResponse::empty(204);
}

HttpResponse health(RequestContext &context)
{
    auto answered = context.services.ping();
    HttpResponse response = answered ? HttpResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")}})
                                     : databaseUnavailable(answered.error());
    response.setHeader("Cache-Control", "no-store");
    return response;
}

HttpResponse ready(RequestContext &context)
{
    const Readiness readiness = context.readiness ? context.readiness->load(std::memory_order_relaxed) : Readiness::Ready;
    HttpResponse response;
    if (readiness == Readiness::Starting) {
        Problem problem = httpProblem(503, QStringLiteral("starting"), QStringLiteral("The server is still starting."));
        problem.retryAfterSeconds = 1;
        response = toResponse(problem);
    } else if (readiness == Readiness::Draining) {
        response = toResponse(httpProblem(503, QStringLiteral("draining"),
                                          QStringLiteral("The server is stopping: it finishes what it has, but takes no new work.")));
    } else if (auto answered = context.services.ping(); !answered) {
        response = databaseUnavailable(answered.error());
    } else {
        response = HttpResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ready")}});
    }
    response.setHeader("Cache-Control", "no-store");
    return response;
}

HttpResponse metrics(RequestContext &context)
{
    HttpResponse response = HttpResponse::withBody(200, mime::prometheus, context.services.metrics().exposition());
    response.setHeader("Cache-Control", "no-store");
    return response;
}

HttpResponse openApi(RequestContext &)
{
    const QByteArray &document = openApiDocument();
    if (document.isEmpty())
        return toResponse(httpProblem(500, QStringLiteral("internal"), QStringLiteral("The OpenAPI document is missing from this build.")));
    return HttpResponse::withBody(200, mime::json, document);
}

} // namespace signoff::rest::handlers
