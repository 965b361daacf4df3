// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Router.h"

#include <QUrl>

#include <algorithm>

namespace signoff::rest {

namespace {

QStringList splitTemplate(const QString &path)
{
    QStringList segments = path.split(u'/');
    segments.removeFirst(); // before the leading slash
    for (QString &segment : segments) {
        if (segment.startsWith(u'{') && segment.endsWith(u'}'))
            segment.clear();
    }
    return segments;
}

} // namespace

Router::Router(QList<Route> routes)
    : m_routes(std::move(routes))
{
    for (const Route &route : m_routes) {
        auto it = std::find_if(m_templates.begin(), m_templates.end(),
                               [&](const Template &existing) { return existing.path == route.path; });
        if (it == m_templates.end()) {
            m_templates.append(Template{route.path, splitTemplate(route.path), {}});
            it = std::prev(m_templates.end());
        }
        it->routes.append(&route);
    }
    // Literal segments first, position by position.
    std::stable_sort(m_templates.begin(), m_templates.end(), [](const Template &a, const Template &b) {
        for (qsizetype i = 0; i < qMin(a.segments.size(), b.segments.size()); ++i) {
            const bool aLiteral = !a.segments.at(i).isEmpty();
            const bool bLiteral = !b.segments.at(i).isEmpty();
            if (aLiteral != bLiteral)
                return aLiteral;
        }
        return false;
    });
}

RouteMatch Router::match(const QByteArray &method, const QString &encodedPath) const
{
    RouteMatch result;
    if (!encodedPath.startsWith(u'/'))
        return result;
    const QStringList segments = encodedPath.mid(1).split(u'/');
    const QByteArray wanted = method == "HEAD" ? QByteArray("GET") : method;
    for (const Template &candidate : m_templates) {
        if (candidate.segments.size() != segments.size())
            continue;
        QStringList parameters;
        bool matches = true;
        for (qsizetype i = 0; matches && i < segments.size(); ++i) {
            const QString &expected = candidate.segments.at(i);
            if (expected.isEmpty()) {
                matches = !segments.at(i).isEmpty();
                parameters.append(QUrl::fromPercentEncoding(segments.at(i).toUtf8()));
            } else {
                matches = segments.at(i) == expected;
            }
        }
        if (!matches)
            continue;
        // The most specific template owns the path: "/feature/batch" is
        // never the feature with the id "batch", whatever the method, so
        // its other methods are 405 with its own Allow, not a lookup.
        result.pathTemplate = candidate.path;
        for (const Route *route : candidate.routes) {
            if (!result.route && route->method == wanted) {
                result.route = route;
                result.parameters = parameters;
            }
            result.allowed.append(route->method);
            if (route->method == "GET")
                result.allowed.append("HEAD");
        }
        break;
    }
    return result;
}

QString Router::routeLabel(const QByteArray &method, const QByteArray &target) const
{
    if (!target.startsWith('/'))
        return unmatchedRoute;
    const qsizetype query = target.indexOf('?');
    const RouteMatch found = match(method, QString::fromUtf8(query < 0 ? target : target.left(query)));
    return found.pathTemplate.isEmpty() ? unmatchedRoute : found.pathTemplate;
}

} // namespace signoff::rest
