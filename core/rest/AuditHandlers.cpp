// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HandlerSupport.h"
#include "Handlers.h"
#include "service/Services.h"

namespace signoff::rest::handlers {

HttpResponse listAudit(RequestContext &context)
{
    QueryParameters parameters(context.request.url(),
                               {QStringLiteral("entity_type"), QStringLiteral("entity_id"), QStringLiteral("actor"),
                                QStringLiteral("limit"), QStringLiteral("after")});
    AuditQuery query;
    query.entityType = parameters.text(QStringLiteral("entity_type"));
    query.entityId = parameters.text(QStringLiteral("entity_id"));
    query.actorUsername = parameters.text(QStringLiteral("actor"));
    query.page = parameters.page();
    if (!parameters.problems().isEmpty())
        return invalidResponse(parameters.problems());
    return pageResponse(context.services.audit().list(context.user(), query));
}

} // namespace signoff::rest::handlers
