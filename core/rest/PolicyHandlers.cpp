// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HandlerSupport.h"
#include "Handlers.h"
#include "RequestBodies.h"
#include "service/Services.h"

namespace signoff::rest::handlers {

// GET /api/v1/policy: the document, with the policy's version as ETag.
HttpResponse getPolicy(RequestContext &context)
{
    return readResponse(context, context.services.policy().get(context.user()));
}

// PUT /api/v1/policy: the whole document; If-Match optional. Permission is
// decided before the body is read: a non-admin learns nothing about it.
HttpResponse updatePolicy(RequestContext &context)
{
    if (auto allowed = context.services.policy().mayUpdate(context.user()); !allowed)
        return toResponse(allowed.error());
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    auto policy = bodies::policy(body.value());
    if (!policy)
        return toResponse(policy.error());
    auto version = context.expectedVersion();
    if (!version)
        return toResponse(version.error());
    auto updated = context.services.policy().update(context.user(), policy.value(), version.value());
    if (!updated)
        return toResponse(updated.error());
    return itemResponse(200, updated.value());
}

} // namespace signoff::rest::handlers
