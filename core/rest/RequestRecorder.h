// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RequestFramer.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace signoff {
class Counter;
class Histogram;
class MetricsRegistry;
}

namespace signoff::rest {

class Router;

// After every response: http_requests_total{method,route,code} and
// http_request_duration_seconds{method,route} (route = the template, never
// the raw path), and one INFO line: method, route, status, duration, actor.
// 5xx also get an ERROR line with the context. Tokens, passwords and bodies
// never reach it. Used by the server thread only. The series go into the
// services' registry, next to theirs.
class RequestRecorder
{
public:
    RequestRecorder(const Router &router, MetricsRegistry &metrics);

    void record(const QByteArray &method, const QString &route, int status, qint64 nanoseconds, const QString &actor);
    // A request the guard answered itself (413, 431, ...): its route is
    // worked out from the target, as far as the head was read. The guard's
    // 5xx (501, 505, 503 for too many connections) are the client's doing:
    // http_refused_requests_total{code}, not http_requests_total.
    void recordGuardAnswer(const RequestHead &head, int status);
    void logFailure(const QByteArray &method, const QString &route, const QString &actor, const QString &item,
                    const QString &failure);

private:
    // A method's label: its index among those metrics name, or the last for "other".
    static int methodIndex(const QByteArray &method);
    static const QString &methodLabel(int index);

    struct SeriesKey
    {
        QString route;
        int method = 0;
        int status = 0;
        friend bool operator==(const SeriesKey &a, const SeriesKey &b)
        {
            return a.method == b.method && a.status == b.status && a.route == b.route;
        }
        friend size_t qHash(const SeriesKey &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.route, key.method, key.status);
        }
    };
    struct Series
    {
        Counter *requests = nullptr;
        Histogram *duration = nullptr;
    };

    void recordRefusal(int status);

    const Router &m_router;
    MetricsRegistry &m_metrics;
    QHash<SeriesKey, Series> m_series; // looked up once per method, route and code
    QHash<int, Counter *> m_refusals;  // http_refused_requests_total by code
};

} // namespace signoff::rest
