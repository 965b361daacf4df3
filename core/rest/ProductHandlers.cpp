// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HandlerSupport.h"
#include "Handlers.h"
#include "RequestBodies.h"
#include "service/Services.h"

namespace signoff::rest::handlers {

HttpResponse createProduct(RequestContext &context)
{
    return createResponse(context, bodies::newProduct,
                          [&](const NewProduct &input) { return context.services.products().create(context.user(), input); },
                          QStringLiteral("/api/v1/product"));
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
    return updateResponse(context, bodies::productPatch, [&](const ProductPatch &patch, ExpectedVersion version) {
        return context.services.products().update(context.user(), context.id(), patch, version);
    });
}

HttpResponse deleteProduct(RequestContext &context)
{
    return removeResponse(context, [&](ExpectedVersion version) {
        return context.services.products().remove(context.user(), context.id(), version);
    });
}

} // namespace signoff::rest::handlers
