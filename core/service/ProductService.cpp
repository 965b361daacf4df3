// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ProductService.h"

#include "WritePath.h"
#include "domain/Identifier.h"
#include "domain/ListSorting.h"
#include "domain/Validation.h"
#include "storage/ProductRepository.h"

namespace signoff {

namespace {

// Products as the write path sees them (WritePath.h).
struct ProductKind : StoredInRepository<ProductRepository>, ManagedByAdministrators
{
    using Item = Product;
    static constexpr EntityType entityType = EntityType::Product;

    static Message notFound() { return Message(QT_TRANSLATE_NOOP("Core", "There is no such product.")); }
    static QString logName(const Product &product) { return product.sku; }
    static QJsonObject fields(const Product &product)
    {
        return {{QStringLiteral("sku"), product.sku},
                {QStringLiteral("name"), product.name},
                {QStringLiteral("price_cents"), product.priceCents},
                {QStringLiteral("active"), product.active}};
    }
    static QJsonObject summary(const Product &product) { return fields(product); }
    static Error duplicate(const Product &product)
    {
        return Error::conflict(QStringLiteral("duplicate"),
                               Message(QT_TRANSLATE_NOOP("Core", "A product with SKU ‘%1’ already exists."), {product.sku}));
    }
};

using ProductPath = WritePath<ProductKind>;

Error adminsOnly()
{
    return Error::forbidden(Message(QT_TRANSLATE_NOOP("Core", "Only administrators can change products.")));
}

} // namespace

ProductService::ProductService(ServiceContext &context)
    : m_context(context)
    , m_metrics(context.metrics, EntityType::Product)
{
}

Result<Product> ProductService::create(const Actor &actor, const NewProduct &input)
{
    const auto timing = m_metrics.time(EntityMetrics::Operation::Create);
    if (!actor.isAdmin())
        return adminsOnly();
    if (const QList<FieldError> problems = validate::newProduct(input); !problems.isEmpty())
        return Error::invalid(problems);

    Product product;
    product.id = newIdentifier();
    product.sku = input.sku;
    product.name = normalizedText(input.name);
    product.priceCents = input.priceCents;
    product.active = input.active;
    product.version = 1;
    product.createdAt = utcNow();
    product.updatedAt = product.createdAt;
    auto created = ProductPath::create(m_context, actor, std::move(product));
    if (created)
        m_metrics.created().increment();
    return created;
}

Result<Product> ProductService::get(const Actor &, const QUuid &id)
{
    const auto timing = m_metrics.time(EntityMetrics::Operation::Get);
    return m_context.database.run([&](Connection &connection) { return ProductPath::find(connection, id); });
}

Result<Page<Product>> ProductService::list(const Actor &, const ProductQuery &query)
{
    if (!isSortable(EntityType::Product, query.order.key))
        return Error::invalidField(QStringLiteral("sort"),
                                   Message(QT_TRANSLATE_NOOP("Core", "Products can be sorted by name, creation or last change only.")));
    const auto timing = m_metrics.time(EntityMetrics::Operation::List);
    return m_context.database.run([&](Connection &connection) { return ProductRepository(connection).list(query); });
}

Result<Product> ProductService::update(const Actor &actor, const QUuid &id, const ProductPatch &patch,
                                       ExpectedVersion expectedVersion)
{
    const auto timing = m_metrics.time(EntityMetrics::Operation::Update);
    if (!actor.isAdmin())
        return adminsOnly();
    if (const QList<FieldError> problems = validate::productPatch(patch); !problems.isEmpty())
        return Error::invalid(problems);
    ProductPath::Edit edit;
    edit.apply = [&](Connection &, Product &product) -> Result<void> {
        if (patch.sku)
            product.sku = *patch.sku;
        if (patch.name)
            product.name = normalizedText(*patch.name);
        if (patch.priceCents)
            product.priceCents = *patch.priceCents;
        if (patch.active)
            product.active = *patch.active;
        return {};
    };
    return ProductPath::update(m_context, actor, id, expectedVersion, edit);
}

Result<void> ProductService::remove(const Actor &actor, const QUuid &id, ExpectedVersion expectedVersion)
{
    const auto timing = m_metrics.time(EntityMetrics::Operation::Delete);
    if (!actor.isAdmin())
        return adminsOnly();
    return ProductPath::remove(m_context, actor, id, expectedVersion, [](Connection &connection, const Product &product) -> Result<void> {
        auto used = ProductRepository(connection).isUsed(product.id);
        if (!used)
            return used.error();
        if (used.value())
            return Error::conflict(QStringLiteral("product-in-use"),
                                   Message(QT_TRANSLATE_NOOP("Core", "Orders use the product ‘%1’; deactivate it instead of deleting it."),
                                           {product.sku}));
        return {};
    });
}

} // namespace signoff
