#include "RequestRecorder.h"

#include "RestLog.h"
#include "Router.h"
#include "service/Metrics.h"

namespace signoff::rest {

RequestRecorder::RequestRecorder(const Router &router)
    : m_router(router)
{
}

QString RequestRecorder::methodLabel(const QByteArray &method)
{
    static const QByteArrayList known{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    return known.contains(method) ? QString::fromLatin1(method) : QStringLiteral("other");
}

void RequestRecorder::record(const QByteArray &method, const QString &route, int status, qint64 nanoseconds,
                             const QString &actor)
{
    const QString methodName = methodLabel(method);
    const QString code = QString::number(status);
    const QString durationKey = methodName + u' ' + route;
    const QString requestsKey = durationKey + u' ' + code;

    Counter *&requests = m_requests[requestsKey];
    if (!requests)
        requests = &MetricsRegistry::global().counter(
            QStringLiteral("http_requests_total"), QStringLiteral("HTTP requests answered, by method, route template and status code."),
            {{QStringLiteral("method"), methodName}, {QStringLiteral("route"), route}, {QStringLiteral("code"), code}});
    requests->increment();

    Histogram *&duration = m_durations[durationKey];
    if (!duration)
        duration = &MetricsRegistry::global().histogram(
            QStringLiteral("http_request_duration_seconds"),
            QStringLiteral("Time from a complete request to its response, by method and route template."),
            {{QStringLiteral("method"), methodName}, {QStringLiteral("route"), route}});
    const double seconds = double(nanoseconds) / 1e9;
    duration->observe(seconds);

    qCInfo(lcRest).noquote().nospace() << methodName << ' ' << route << ' ' << status << ' '
                                       << QString::number(seconds * 1000.0, 'f', 1) << " ms "
                                       << (actor.isEmpty() ? QStringLiteral("-") : actor);
}

void RequestRecorder::recordGuardAnswer(const RequestHead &head, int status)
{
    const QString route = head.method.isEmpty() ? unmatchedRoute : m_router.routeLabel(head.method, head.target);
    record(head.method, route, status, 0, QString());
}

void RequestRecorder::logFailure(const QByteArray &method, const QString &route, const QString &actor,
                                 const QString &item, const QString &failure)
{
    qCCritical(lcRest).noquote().nospace() << "request failed: route=" << methodLabel(method) << ' ' << route
                                           << " actor=" << (actor.isEmpty() ? QStringLiteral("-") : actor)
                                           << " item=" << (item.isEmpty() ? QStringLiteral("-") : item)
                                           << " error=" << failure;
}

} // namespace signoff::rest
