#include "HandlerSupport.h"
#include "Handlers.h"
#include "service/Services.h"

namespace signoff::rest::handlers {

HttpResponse createProduct(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    JsonFields fields(body.value());
    NewProduct input;
    input.sku = fields.text(QStringLiteral("sku"), Presence::Required).value_or(QString());
    input.name = fields.text(QStringLiteral("name"), Presence::Required).value_or(QString());
    input.priceCents = fields.integer(QStringLiteral("price_cents"), Presence::Required).value_or(0);
    input.active = fields.boolean(QStringLiteral("active")).value_or(true);
    if (!fields.problems().isEmpty())
        return invalidResponse(fields.problems());

    auto product = context.services.products().create(context.user(), input);
    if (!product)
        return toResponse(product.error());
    return createdResponse(product.value(), QStringLiteral("/api/v1/product/") + idString(product->id));
}

HttpResponse listProducts(RequestContext &context)
{
    QueryParameters parameters(context.request.url(), {QStringLiteral("active"), QStringLiteral("q"),
                                                       QStringLiteral("limit"), QStringLiteral("after")});
    ProductQuery query;
    if (const QString active = parameters.text(QStringLiteral("active")); !active.isEmpty()) {
        if (active == QStringLiteral("true") || active == QStringLiteral("false"))
            query.active = active == QStringLiteral("true");
        else
            parameters.addProblem(QStringLiteral("active"), Message(QT_TRANSLATE_NOOP("Rest", "Use true or false.")));
    }
    query.search = parameters.text(QStringLiteral("q"));
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
    JsonFields fields(body.value());
    ProductPatch patch;
    patch.sku = fields.text(QStringLiteral("sku"));
    patch.name = fields.text(QStringLiteral("name"));
    patch.priceCents = fields.integer(QStringLiteral("price_cents"));
    patch.active = fields.boolean(QStringLiteral("active"));
    if (!fields.problems().isEmpty())
        return invalidResponse(fields.problems());
    auto version = context.expectedVersion();
    if (!version)
        return toResponse(version.error());

    auto product = context.services.products().update(context.user(), context.id(), patch, version.value());
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
