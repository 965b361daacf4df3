// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HandlerSupport.h"
#include "Handlers.h"
#include "service/Services.h"

namespace signoff::rest::handlers {

// GET /api/v1/stats?days=: the dashboard's figures over the last `days` days.
HttpResponse getStats(RequestContext &context)
{
    QueryParameters parameters(context.request.url(), {QStringLiteral("days")});
    int days = StatsService::defaultDays;
    if (parameters.has(QStringLiteral("days"))) {
        bool ok = false;
        days = parameters.text(QStringLiteral("days")).toInt(&ok);
        if (!ok) // not a whole number: refused by the service's range, with its message
            days = 0;
    }
    if (!parameters.problems().isEmpty())
        return invalidResponse(parameters.problems());
    auto stats = context.services.stats().compute(context.user(), days);
    if (!stats)
        return toResponse(stats.error());
    HttpResponse response = HttpResponse::withBody(200, mime::json, toJsonBytes(stats.value()));
    response.setHeader("Cache-Control", "no-store");
    return response;
}

} // namespace signoff::rest::handlers
