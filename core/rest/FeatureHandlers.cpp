// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Handlers.h"
#include "HandlerSupport.h"
#include "RequestBodies.h"
#include "service/Services.h"

namespace signoff::rest::handlers {

HttpResponse createFeature(RequestContext &context)
{
    return createResponse(context, bodies::newFeature, [&](const auto &input) { return context.services.features().create(context.user(), input); },
                          QStringLiteral("/api/v1/feature"));
}

HttpResponse updateFeature(RequestContext &context)
{
    return updateResponse(context, bodies::featurePatch, [&](const auto &patch, ExpectedVersion version) {
        return context.services.features().update(context.user(), context.id(), patch, version);
    });
}

} // namespace signoff::rest::handlers
