// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HandlerSupport.h"
#include "Handlers.h"
#include "RequestBodies.h"
#include "service/Services.h"

namespace signoff::rest::handlers {

// POST /api/v1/webhook: 201 with the endpoint and its signing secret, shown this once.
HttpResponse createWebhook(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    auto input = bodies::newWebhook(body.value());
    if (!input)
        return toResponse(input.error());
    auto endpoint = context.services.webhooks().create(context.user(), input.value());
    if (!endpoint)
        return toResponse(endpoint.error());
    return createdResponse(endpoint.value(), QStringLiteral("/api/v1/webhook/") + idString(endpoint->id));
}

HttpResponse listWebhooks(RequestContext &context)
{
    QueryParameters parameters(context.request.url(), {QStringLiteral("limit"), QStringLiteral("after")});
    const PageRequest page = parameters.page();
    if (!parameters.problems().isEmpty())
        return invalidResponse(parameters.problems());
    return pageResponse(context.services.webhooks().list(context.user(), page));
}

HttpResponse getWebhook(RequestContext &context)
{
    return readResponse(context, context.services.webhooks().get(context.user(), context.id()));
}

HttpResponse updateWebhook(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    auto patch = bodies::webhookPatch(body.value());
    if (!patch)
        return toResponse(patch.error());
    auto version = context.expectedVersion();
    if (!version)
        return toResponse(version.error());
    auto endpoint = context.services.webhooks().update(context.user(), context.id(), patch.value(), version.value());
    if (!endpoint)
        return toResponse(endpoint.error());
    return itemResponse(200, endpoint.value());
}

HttpResponse deleteWebhook(RequestContext &context)
{
    auto version = context.expectedVersion();
    if (!version)
        return toResponse(version.error());
    auto removed = context.services.webhooks().remove(context.user(), context.id(), version.value());
    if (!removed)
        return toResponse(removed.error());
    return HttpResponse::empty(204);
}

// GET /api/v1/webhook/{id}/delivery: the delivery log, newest first.
HttpResponse listWebhookDeliveries(RequestContext &context)
{
    QueryParameters parameters(context.request.url(), {QStringLiteral("limit"), QStringLiteral("after")});
    const PageRequest page = parameters.page();
    if (!parameters.problems().isEmpty())
        return invalidResponse(parameters.problems());
    return pageResponse(context.services.webhooks().deliveries(context.user(), context.id(), page));
}

// POST /api/v1/webhook/{id}/delivery/{delivery_id}/retry: 202, queued to be sent again.
HttpResponse retryWebhookDelivery(RequestContext &context)
{
    auto delivery = context.services.webhooks().redeliver(context.user(), context.id(), context.id(1));
    if (!delivery)
        return toResponse(delivery.error());
    return HttpResponse::withBody(202, mime::json, toJsonBytes(delivery.value()));
}

} // namespace signoff::rest::handlers
