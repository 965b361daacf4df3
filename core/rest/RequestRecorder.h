#pragma once

#include "RequestFramer.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace signoff {
class Counter;
class Histogram;
}

namespace signoff::rest {

class Router;

// After every response: http_requests_total{method,route,code} and
// http_request_duration_seconds{method,route} (route = the template, never
// the raw path), and one INFO line: method, route, status, duration, actor.
// 5xx also get an ERROR line with the context. Tokens, passwords and bodies
// never reach it. Used by the server thread only.
class RequestRecorder
{
public:
    explicit RequestRecorder(const Router &router);

    void record(const QByteArray &method, const QString &route, int status, qint64 nanoseconds, const QString &actor);
    // A request the guard answered itself (413, 431, ...): its route is
    // worked out from the target, as far as the head was read.
    void recordGuardAnswer(const RequestHead &head, int status);
    void logFailure(const QByteArray &method, const QString &route, const QString &actor, const QString &item,
                    const QString &failure);

private:
    static QString methodLabel(const QByteArray &method);

    const Router &m_router;
    QHash<QString, Counter *> m_requests;     // by method, route and code
    QHash<QString, Histogram *> m_durations;  // by method and route
};

} // namespace signoff::rest
