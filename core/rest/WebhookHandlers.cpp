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
    return createResponse(context, bodies::newWebhook,
                          [&](const NewWebhook &input) { return context.services.webhooks().create(context.user(), input); },
                          QStringLiteral("/api/v1/webhook"));
}

HttpResponse listWebhooks(RequestContext &context)
{
    const auto page = pageOnly(context);
    if (!page)
        return toResponse(page.error());
    return pageResponse(context.services.webhooks().list(context.user(), page.value()));
}

HttpResponse getWebhook(RequestContext &context)
{
    return readResponse(context, context.services.webhooks().get(context.user(), context.id()));
}

HttpResponse updateWebhook(RequestContext &context)
{
    return updateResponse(context, bodies::webhookPatch, [&](const WebhookPatch &patch, ExpectedVersion version) {
        return context.services.webhooks().update(context.user(), context.id(), patch, version);
    });
}

HttpResponse deleteWebhook(RequestContext &context)
{
    return removeResponse(context, [&](ExpectedVersion version) {
        return context.services.webhooks().remove(context.user(), context.id(), version);
    });
}

// GET /api/v1/webhook/{id}/delivery: the delivery log, newest first.
HttpResponse listWebhookDeliveries(RequestContext &context)
{
    const auto page = pageOnly(context);
    if (!page)
        return toResponse(page.error());
    return pageResponse(context.services.webhooks().deliveries(context.user(), context.id(), page.value()));
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
