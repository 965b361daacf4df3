// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RequestRecorder.h"

#include "RestLog.h"
#include "Router.h"
#include "domain/LogText.h"
#include "service/Metrics.h"

namespace signoff::rest {

RequestRecorder::RequestRecorder(const Router &router, MetricsRegistry &metrics)
    : m_router(router)
    , m_metrics(metrics)
{
}

namespace {

const QByteArrayList knownMethods{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
// Their labels in the metrics, and "other" for the rest, made once.
const QStringList methodLabels = [] {
    QStringList labels;
    for (const QByteArray &method : knownMethods)
        labels.append(QString::fromLatin1(method));
    labels.append(QStringLiteral("other"));
    return labels;
}();

} // namespace

int RequestRecorder::methodIndex(const QByteArray &method)
{
    const qsizetype index = knownMethods.indexOf(method);
    return int(index < 0 ? knownMethods.size() : index);
}

const QString &RequestRecorder::methodLabel(int index)
{
    return methodLabels.at(index);
}

void RequestRecorder::record(const QByteArray &method, const QString &route, int status, qint64 nanoseconds,
                             const QString &actor)
{
    const int methodAt = methodIndex(method);
    Series &series = m_series[SeriesKey{route, methodAt, status}];
    if (!series.requests) {
        const QString &methodName = methodLabel(methodAt);
        series.requests = &m_metrics.counter(
            QStringLiteral("http_requests_total"), QStringLiteral("HTTP requests answered, by method, route template and status code."),
            {{QStringLiteral("method"), methodName}, {QStringLiteral("route"), route},
             {QStringLiteral("code"), QString::number(status)}});
        series.duration = &m_metrics.histogram(
            QStringLiteral("http_request_duration_seconds"),
            QStringLiteral("Time from a complete request to its response, by method and route template."),
            {{QStringLiteral("method"), methodName}, {QStringLiteral("route"), route}});
    }
    series.requests->increment();
    const double seconds = double(nanoseconds) / 1e9;
    series.duration->observe(seconds);

    // The line put together here and handed to Qt's handler: through QDebug
    // it cost a text stream per request.
    if (!lcRest().isInfoEnabled())
        return;
    const QString &methodName = methodLabel(methodAt);
    QString line;
    line.reserve(methodName.size() + route.size() + actor.size() + 32);
    line.append(methodName).append(u' ').append(route).append(u' ').append(QString::number(status)).append(u' ');
    const qint64 tenthsOfMs = (nanoseconds + 50'000) / 100'000;
    line.append(QString::number(tenthsOfMs / 10)).append(u'.').append(QChar(u'0' + int(tenthsOfMs % 10)));
    line.append(QLatin1StringView(" ms "));
    line.append(actor.isEmpty() ? QStringLiteral("-") : logText(actor));
    const QMessageLogContext context(nullptr, 0, nullptr, lcRest().categoryName());
    qt_message_output(QtInfoMsg, context, line);
}

void RequestRecorder::recordGuardAnswer(const RequestHead &head, int status)
{
    if (status >= 500) {
        recordRefusal(status);
        return;
    }
    const QString route = head.method.isEmpty() ? unmatchedRoute : m_router.routeLabel(head.method, head.target);
    record(head.method, route, status, 0, QString());
}

void RequestRecorder::recordRefusal(int status)
{
    // Junk a client sends (an unknown method: 501, HTTP/2 or /3 spoken as
    // HTTP/1: 505) and connections beyond the limit (503) are answered by
    // the guard before any server work: counted here, not as server errors
    // in http_requests_total, so that the error-rate alert means the server.
    Counter *&counter = m_refusals[status];
    if (!counter)
        counter = &m_metrics.counter(
            QStringLiteral("http_refused_requests_total"),
            QStringLiteral("Requests and connections the guard refused before the server saw them, by status code "
                           "(unknown methods, HTTP versions, connections beyond the limit)."),
            {{QStringLiteral("code"), QString::number(status)}});
    counter->increment();
}

void RequestRecorder::logFailure(const QByteArray &method, const QString &route, const QString &actor,
                                 const QString &item, const QString &failure)
{
    qCCritical(lcRest).noquote().nospace() << "request failed: route=" << methodLabel(methodIndex(method)) << ' ' << route
                                           << " actor=" << (actor.isEmpty() ? QStringLiteral("-") : logText(actor))
                                           << " item=" << (item.isEmpty() ? QStringLiteral("-") : logText(item))
                                           << " error=" << logText(failure, 1024);
}

} // namespace signoff::rest
