// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "HttpRequest.h"
#include "JsonFields.h"
#include "Readiness.h"
#include "Router.h"
#include "StreamLimits.h"
#include "domain/Actor.h"
#include "domain/ExpectedVersion.h"
#include "domain/ListSorting.h"
#include "domain/Page.h"
#include "domain/Result.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrlQuery>
#include <QUuid>
#include <atomic>
#include <optional>

namespace signoff {
class Services;
}

namespace signoff::rest {

// What a handler gets: the services, the request, the route's parameters
// and, on authenticated routes, the actor. Helpers here turn HTTP details
// (body, If-Match, If-None-Match, query) into core's inputs; they decide
// nothing that core decides.
struct RequestContext
{
    Services &services;
    const HttpRequest &request;
    const Route &route;
    QStringList parameters;
    std::optional<Actor> actor; // set on Access::Authenticated routes
    QByteArray token;           // the bearer token in use, if any
    StreamLimits *streams = nullptr; // the server's event streams, for GET /api/v1/events
    const std::atomic<Readiness> *readiness = nullptr; // the server's, for GET /readyz; null: ready

    const Actor &user() const { return *actor; }
    QString parameter(qsizetype index = 0) const { return parameters.value(index); }
    // The {id} parameter. A malformed id becomes the null id, which core
    // answers as it answers any id it does not know: NotFound (404).
    QUuid id(qsizetype index = 0) const;

    // The body as a JSON object; an empty body is {}. Invalid (400) when it
    // is not JSON or not an object.
    Result<QJsonObject> jsonObject() const;

    // If-Match: no check when absent or "*", else the versions its strong
    // entity tags name ("3"; not "03", not W/"3"), of which the current one
    // must be one: none when they name none, so nothing matches (412).
    // Invalid (400, field "If-Match") when it is not a list of entity tags.
    Result<ExpectedVersion> expectedVersion() const;
    // Whether If-None-Match names this version (GET answers 304 then).
    bool notModified(int version) const;
};

// A list's query string: only the names a route documents; `limit` and
// `after` become a PageRequest (core checks the range and the cursor).
class QueryParameters
{
public:
    QueryParameters(const QUrl &url, const QStringList &names);

    // The decoded value ('+' is a space), empty when absent.
    QString text(const QString &name) const;
    bool has(const QString &name) const { return m_query.hasQueryItem(name); }
    PageRequest page();
    // ?sort=FIELD or ?sort=-FIELD (descending) among what a list of `type`
    // sorts by; newest first when absent or empty.
    ListOrder order(EntityType type);
    void addProblem(const QString &name, Message message);
    QList<FieldError> problems() const { return m_problems; }

private:
    QUrlQuery m_query;
    QList<FieldError> m_problems;
};

QByteArray entityTag(int version);
// The token of "Authorization: Bearer TOKEN", empty when there is none.
QByteArray bearerToken(const HttpRequest &request);
// Whether a Content-Type names JSON (application/json, parameters allowed).
bool isJsonContentType(const QByteArray &contentType);

} // namespace signoff::rest
