// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "EventStream.h"
#include "HandlerSupport.h"
#include "Handlers.h"
#include "service/AuditExport.h"
#include "service/Services.h"

#include <QObject>

namespace signoff::rest::handlers {

namespace {

// The whole audit log (as filtered) as CSV, newest first, a page at a time
// while the client keeps up: memory does not grow with the log.
class AuditCsvStream final : public ResponseStream
{
public:
    AuditCsvStream(Services &services, const Actor &actor, AuditQuery query)
        : m_services(services)
        , m_actor(actor)
        , m_query(std::move(query))
    {
        m_query.page.limit = maxPageSize;
    }

    void start(StreamSink &sink) override
    {
        m_sink = &sink;
        m_sink->writeBody(audit_export::csvHeader());
        writable();
    }

    void writable() override
    {
        while (m_sink && !m_done && m_sink->unsentBytes() < EventStream::streamHighWater) {
            auto page = m_services.audit().list(m_actor, m_query);
            if (!page) {
                // The head is out: all that is left is to end short. The last
                // line is whole, so the file is valid CSV, just not all of it.
                m_done = true;
                m_sink->endBody();
                return;
            }
            QByteArray rows;
            for (const AuditEvent &event : page->items)
                rows += audit_export::csvRow(event);
            m_sink->writeBody(rows);
            if (page->next.isEmpty()) {
                m_done = true;
                m_sink->endBody();
                return;
            }
            m_query.page.after = page->next;
        }
    }

private:
    Services &m_services;
    Actor m_actor;
    AuditQuery m_query;
    StreamSink *m_sink = nullptr;
    bool m_done = false;
};

// The q-value Accept gives `type` (RFC 9110 section 12.5.1): that of the most
// specific range that names it; 0 when none does.
double acceptQuality(const QByteArray &accept, const QByteArray &type)
{
    const QByteArray anySubtype = type.left(type.indexOf('/') + 1) + '*';
    int bestSpecificity = -1;
    double quality = 0;
    for (const QByteArray &element : accept.split(',')) {
        const QList<QByteArray> parts = element.split(';');
        const QByteArray range = parts.first().trimmed().toLower();
        const int specificity = range == type ? 2 : range == anySubtype ? 1 : range == "*/*" ? 0 : -1;
        if (specificity <= bestSpecificity)
            continue;
        double q = 1;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts.at(i).trimmed().toLower();
            if (parameter.startsWith("q=")) {
                bool ok = false;
                q = parameter.mid(2).toDouble(&ok);
                if (!ok || q < 0 || q > 1)
                    q = 0; // a malformed weight is no acceptance
            }
        }
        bestSpecificity = specificity;
        quality = q;
    }
    return quality;
}

// CSV only when the client prefers it to JSON: the higher q wins, a tie is
// JSON, q=0 is "not acceptable".
bool wantsCsv(const HttpRequest &request)
{
    const QByteArray accept = request.value("Accept");
    const double csv = acceptQuality(accept, "text/csv");
    return csv > 0 && csv > acceptQuality(accept, "application/json");
}

} // namespace

HttpResponse listAudit(RequestContext &context)
{
    QueryParameters parameters(context.request.url(),
                               {QStringLiteral("entity_type"), QStringLiteral("entity_id"), QStringLiteral("actor"),
                                QStringLiteral("limit"), QStringLiteral("after")});
    AuditQuery query;
    query.entityType = parameters.text(QStringLiteral("entity_type"));
    query.entityId = parameters.text(QStringLiteral("entity_id"));
    query.actorUsername = parameters.text(QStringLiteral("actor"));
    const bool paged = !parameters.text(QStringLiteral("limit")).isEmpty() || !parameters.text(QStringLiteral("after")).isEmpty();
    query.page = parameters.page();
    if (!parameters.problems().isEmpty())
        return invalidResponse(parameters.problems());
    if (!wantsCsv(context.request))
        return pageResponse(context.services.audit().list(context.user(), query));

    // CSV: one page when the client asks for one (limit, after), else every
    // matching event, streamed. Checked first, so errors are problems, not CSV.
    auto first = context.services.audit().list(context.user(), query);
    if (!first)
        return toResponse(first.error());
    HttpResponse response;
    response.status = 200;
    response.contentType = mime::csv;
    response.setHeader("Content-Disposition", "attachment; filename=\"signoff-audit.csv\"");
    if (paged) {
        response.body = audit_export::csvHeader();
        for (const AuditEvent &event : first->items)
            response.body += audit_export::csvRow(event);
        if (!first->next.isEmpty())
            response.setHeader("Link", "<?after=" + QUrl::toPercentEncoding(first->next) + ">; rel=\"next\"");
        return response;
    }
    response.stream = std::make_shared<AuditCsvStream>(context.services, context.user(), query);
    return response;
}

HttpResponse verifyAudit(RequestContext &context)
{
    auto report = context.services.audit().verify(context.user());
    if (!report)
        return toResponse(report.error());
    QJsonObject body{
        {QStringLiteral("intact"), report->intact()},
        {QStringLiteral("events"), report->events},
        {QStringLiteral("pending"), report->pending},
        {QStringLiteral("last_seal"), report->headSeal.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(report->headSeal)},
    };
    if (report->intact()) {
        body.insert(QStringLiteral("detail"), QStringLiteral("%1 events intact").arg(report->events));
    } else {
        body.insert(QStringLiteral("detail"), report->detail);
        body.insert(QStringLiteral("first_broken"),
                    QJsonObject{{QStringLiteral("position"), report->position ? QJsonValue(report->position) : QJsonValue(QJsonValue::Null)},
                                {QStringLiteral("event_id"), report->eventId ? QJsonValue(report->eventId) : QJsonValue(QJsonValue::Null)},
                                {QStringLiteral("problem"), toString(report->problem)}});
    }
    return HttpResponse::json(200, body);
}

HttpResponse eventStream(RequestContext &context)
{
    if (!context.streams)
        return toResponse(httpProblem(503, QStringLiteral("unavailable"), QStringLiteral("This server does not stream events.")));
    Services &services = context.services;
    services.feed().start(); // idempotent: the feed runs where something reads it
    auto head = services.audit().feedHead();
    if (!head)
        return toResponse(head.error());

    // Last-Event-ID: go on after it. One we never gave (not a number, beyond
    // the feed's end: another database, a restored backup) cannot be resumed:
    // the stream says "reset" and goes on from the end. Every position stays
    // resumable: the audit log is kept whole.
    qint64 after = head.value();
    std::optional<QString> reset;
    const QByteArray lastEventId = context.request.value("Last-Event-ID").trimmed();
    if (!lastEventId.isEmpty()) {
        bool ok = false;
        const qint64 position = lastEventId.toLongLong(&ok);
        if (!ok || position < 0 || lastEventId.startsWith('+') || lastEventId.size() > 19)
            reset = QStringLiteral("Last-Event-ID is not an event id of this server; reload and go on from here.");
        else if (position > head.value())
            reset = QStringLiteral("Last-Event-ID is beyond the last event; reload and go on from here.");
        else
            after = position;
    }

    StreamLimits::Refusal refusal = StreamLimits::Refusal::None;
    auto slot = context.streams->take(context.user().id, &refusal);
    if (refusal == StreamLimits::Refusal::UserFull) {
        Problem problem = httpProblem(429, QStringLiteral("too-many-streams"),
                                      QStringLiteral("You have 8 event streams open already; close one first."));
        problem.retryAfterSeconds = 5;
        return toResponse(problem);
    }
    if (refusal == StreamLimits::Refusal::ServerFull) {
        Problem problem = httpProblem(503, QStringLiteral("too-many-streams"),
                                      QStringLiteral("This server has as many event streams open as it serves; try again later."));
        problem.retryAfterSeconds = 5;
        HttpResponse refused = toResponse(problem);
        refused.failure = QStringLiteral("the server's event streams are all taken");
        return refused;
    }

    HttpResponse response;
    response.status = 200;
    response.contentType = mime::eventStream;
    response.setHeader("Cache-Control", "no-cache, no-store");
    response.setHeader("X-Accel-Buffering", "no"); // proxies pass events on as they come
    response.stream = std::make_shared<EventStream>(services, context.user(), context.token, after, reset,
                                                    context.streams->keepAlive(), std::move(slot));
    return response;
}

} // namespace signoff::rest::handlers
