// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "HttpResponse.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace signoff::rest {

struct RequestContext;
using Handler = HttpResponse (*)(RequestContext &context);

enum class Access {
    Public,        // anyone: health, metrics, the OpenAPI document, signing in
    Probe,         // anyone, never rate limited: /healthz and /readyz, which load balancers poll
    Authenticated, // needs Authorization: Bearer TOKEN
};

// One row of the route table: the single source of truth for routing, the
// Allow header, the metrics' route label and the OpenAPI document's paths.
struct Route
{
    QByteArray method;
    QString path; // template, e.g. /api/v1/feature/{id}
    Access access = Access::Authenticated;
    Handler handler = nullptr;
};

struct RouteMatch
{
    const Route *route = nullptr; // null: no route for this method
    QString pathTemplate;         // the template the path matched, if any
    QStringList parameters;       // values of the {placeholders}, in order, percent-decoded
    QByteArrayList allowed;       // the path exists with these methods (for 405)
};

// Matches request paths against the route table. A literal segment beats a
// placeholder ("/user/me" before "/user/{username}") for every method: the
// path is the literal one's, and its other methods are 405. HEAD is served
// by the GET route. Built once; matching allocates only the parameters.
class Router
{
public:
    explicit Router(QList<Route> routes);
    Q_DISABLE_COPY_MOVE(Router) // the templates point into m_routes

    RouteMatch match(const QByteArray &method, const QString &encodedPath) const;
    // The template that would serve this target, or "unmatched" (metrics).
    QString routeLabel(const QByteArray &method, const QByteArray &target) const;

    const QList<Route> &routes() const { return m_routes; }

private:
    struct Template
    {
        QString path;
        QStringList segments; // empty string: a placeholder
        QList<const Route *> routes;
    };

    QList<Route> m_routes;
    QList<Template> m_templates; // most specific first
};

inline const QString unmatchedRoute = QStringLiteral("unmatched");

} // namespace signoff::rest
