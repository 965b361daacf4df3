// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Handlers.h"
#include "ItemHandlers.h"
#include "RequestBodies.h"

namespace signoff::rest::handlers {

namespace {
constexpr auto orders = &Services::orders;
} // namespace

HttpResponse createOrder(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    auto input = bodies::newOrder(body.value());
    if (!input)
        return toResponse(input.error());

    auto order = context.services.orders().create(context.user(), input.value());
    if (!order)
        return toResponse(order.error());
    return createdResponse(order.value(), QStringLiteral("/api/v1/order/") + idString(order->id));
}

HttpResponse updateOrder(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    auto patch = bodies::orderPatch(body.value());
    if (!patch)
        return toResponse(patch.error());
    auto version = context.expectedVersion();
    if (!version)
        return toResponse(version.error());

    auto order = context.services.orders().update(context.user(), context.id(), patch.value(), version.value());
    if (!order)
        return toResponse(order.error());
    return itemResponse(200, order.value());
}

HttpResponse listOrders(RequestContext &context) { return items::list<orders>(context); }
HttpResponse getOrder(RequestContext &context) { return items::get<orders>(context); }
HttpResponse deleteOrder(RequestContext &context) { return items::remove<orders>(context); }
HttpResponse orderHistory(RequestContext &context) { return items::history<orders>(context); }

HttpResponse submitOrder(RequestContext &context)
{
    return items::transition<orders, WorkflowAction::Submit>(context);
}

HttpResponse approveOrder(RequestContext &context)
{
    return items::transition<orders, WorkflowAction::Approve>(context);
}

HttpResponse rejectOrder(RequestContext &context)
{
    return items::transition<orders, WorkflowAction::Reject>(context);
}

HttpResponse reviseOrder(RequestContext &context)
{
    return items::transition<orders, WorkflowAction::Revise>(context);
}

HttpResponse withdrawOrder(RequestContext &context)
{
    return items::transition<orders, WorkflowAction::Withdraw>(context);
}

HttpResponse orderComments(RequestContext &context) { return items::comments<orders>(context); }
HttpResponse commentOrder(RequestContext &context) { return items::addComment<orders>(context); }
HttpResponse batchOrder(RequestContext &context) { return items::batch<orders>(context); }

} // namespace signoff::rest::handlers
