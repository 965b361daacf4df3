// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Handlers.h"
#include "HandlerSupport.h"
#include "RequestBodies.h"
#include "service/Services.h"

namespace signoff::rest::handlers {

HttpResponse createOrder(RequestContext &context)
{
    return createResponse(context, bodies::newOrder, [&](const auto &input) { return context.services.orders().create(context.user(), input); },
                          QStringLiteral("/api/v1/order"));
}

HttpResponse updateOrder(RequestContext &context)
{
    return updateResponse(context, bodies::orderPatch, [&](const auto &patch, ExpectedVersion version) {
        return context.services.orders().update(context.user(), context.id(), patch, version);
    });
}

} // namespace signoff::rest::handlers
