// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HandlerSupport.h"
#include "Handlers.h"
#include "RequestBodies.h"
#include "service/Services.h"

namespace signoff::rest::handlers {

HttpResponse createProduct(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    auto input = bodies::newProduct(body.value());
    if (!input)
        return toResponse(input.error());

    auto product = context.services.products().create(context.user(), input.value());
    if (!product)
        return toResponse(product.error());
    return createdResponse(product.value(), QStringLiteral("/api/v1/product/") + idString(product->id));
}

HttpResponse listProducts(RequestContext &context)
{
    QueryParameters parameters(context.request.url(), {QStringLiteral("active"), QStringLiteral("q"), QStringLiteral("sort"),
                                                       QStringLiteral("limit"), QStringLiteral("after")});
    ProductQuery query;
    if (const QString active = parameters.text(QStringLiteral("active")); !active.isEmpty()) {
        if (active == QStringLiteral("true") || active == QStringLiteral("false"))
            query.active = active == QStringLiteral("true");
        else
            parameters.addProblem(QStringLiteral("active"), Message(QT_TRANSLATE_NOOP("Rest", "Use true or false.")));
    }
    query.search = parameters.text(QStringLiteral("q"));
    query.order = parameters.order(EntityType::Product);
    query.page = parameters.page();
    if (!parameters.problems().isEmpty())
        return invalidResponse(parameters.problems());
    return pageResponse(context.services.products().list(context.user(), query));
}

HttpResponse getProduct(RequestContext &context)
{
    return readResponse(context, context.services.products().get(context.user(), context.id()));
}

HttpResponse updateProduct(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    auto patch = bodies::productPatch(body.value());
    if (!patch)
        return toResponse(patch.error());
    auto version = context.expectedVersion();
    if (!version)
        return toResponse(version.error());

    auto product = context.services.products().update(context.user(), context.id(), patch.value(), version.value());
    if (!product)
        return toResponse(product.error());
    return itemResponse(200, product.value());
}

HttpResponse deleteProduct(RequestContext &context)
{
    auto version = context.expectedVersion();
    if (!version)
        return toResponse(version.error());
    auto removed = context.services.products().remove(context.user(), context.id(), version.value());
    if (!removed)
        return toResponse(removed.error());
    return HttpResponse::empty(204);
}

} // namespace signoff::rest::handlers
