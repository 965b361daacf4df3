// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ProductService.h"
#include "domain/LogText.h"

#include "ServiceLog.h"
#include "domain/Clock.h"
#include "domain/Identifier.h"
#include "domain/Validation.h"
#include "storage/AuditRepository.h"
#include "storage/ProductRepository.h"

#include <QJsonArray>

namespace signoff {

namespace {

Error notFound()
{
    return Error::notFound(Message(QT_TRANSLATE_NOOP("Core", "There is no such product.")));
}

Error adminsOnly()
{
    return Error::forbidden(Message(QT_TRANSLATE_NOOP("Core", "Only administrators can change products.")));
}

Error duplicateSku(const QString &sku)
{
    return Error::conflict(QStringLiteral("duplicate"),
                           Message(QT_TRANSLATE_NOOP("Core", "A product with SKU ‘%1’ already exists."), {sku}));
}

template<typename T>
Result<T> withSkuConflict(Result<T> result, const QString &sku)
{
    if (!result && result.error().kind == ErrorKind::Conflict && result.error().reason == QStringLiteral("duplicate"))
        return duplicateSku(sku);
    return result;
}

Result<Product> find(Connection &connection, const QUuid &id)
{
    auto found = ProductRepository(connection).findById(id);
    if (!found)
        return found.error();
    if (!found.value())
        return notFound();
    return *found.value();
}

QJsonObject summary(const Product &product)
{
    return {{QStringLiteral("sku"), product.sku},
            {QStringLiteral("name"), product.name},
            {QStringLiteral("price_cents"), product.priceCents},
            {QStringLiteral("active"), product.active}};
}

} // namespace

ProductService::ProductService(ServiceContext &context)
    : m_context(context)
{
}

Result<Product> ProductService::create(const Actor &actor, const NewProduct &input)
{
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

    auto result = m_context.database.write([&](Connection &connection) -> Result<Product> {
        ProductRepository products(connection);
        auto taken = products.skuTaken(product.sku);
        if (!taken)
            return taken.error();
        if (taken.value())
            return duplicateSku(product.sku);
        if (auto inserted = products.insert(product); !inserted)
            return inserted.error();
        AuditEvent event = auditEvent(actor, QStringLiteral("create"), EntityType::Product, idText(product.id),
                                      product.createdAt);
        event.version = product.version;
        event.detail = summary(product);
        if (auto appended = AuditRepository(connection).append(event); !appended)
            return appended.error();
        return product;
    });
    result = withSkuConflict(std::move(result), product.sku);
    if (result) {
        qCInfo(lcService).noquote() << "product created:" << logText(product.sku) << "by" << logText(actor.username);
        m_context.notifier.announce(EntityType::Product, idText(product.id));
    }
    return result;
}

Result<Product> ProductService::get(const Actor &, const QUuid &id)
{
    return m_context.database.run([&](Connection &connection) { return find(connection, id); });
}

Result<Page<Product>> ProductService::list(const Actor &, const ProductQuery &query)
{
    return m_context.database.run([&](Connection &connection) { return ProductRepository(connection).list(query); });
}

Result<Product> ProductService::update(const Actor &actor, const QUuid &id, const ProductPatch &patch,
                                       std::optional<int> expectedVersion)
{
    if (!actor.isAdmin())
        return adminsOnly();
    if (const QList<FieldError> problems = validate::productPatch(patch); !problems.isEmpty())
        return Error::invalid(problems);

    auto result = m_context.database.write([&](Connection &connection) -> Result<Product> {
        auto current = find(connection, id);
        if (!current)
            return current;
        if (!versionMatches(expectedVersion, current->version))
            return Error::preconditionFailed();
        Product updated = current.value();
        QJsonArray changed;
        if (patch.sku && *patch.sku != updated.sku) {
            auto taken = ProductRepository(connection).skuTaken(*patch.sku, id);
            if (!taken)
                return taken.error();
            if (taken.value())
                return duplicateSku(*patch.sku);
            updated.sku = *patch.sku;
            changed.append(QStringLiteral("sku"));
        }
        if (patch.name && normalizedText(*patch.name) != updated.name) {
            updated.name = normalizedText(*patch.name);
            changed.append(QStringLiteral("name"));
        }
        if (patch.priceCents && *patch.priceCents != updated.priceCents) {
            updated.priceCents = *patch.priceCents;
            changed.append(QStringLiteral("price_cents"));
        }
        if (patch.active && *patch.active != updated.active) {
            updated.active = *patch.active;
            changed.append(QStringLiteral("active"));
        }
        if (changed.isEmpty())
            return updated;
        updated.version = current->version + 1;
        updated.updatedAt = utcNow();
        auto written = ProductRepository(connection).update(updated, current->version);
        if (!written)
            return written.error();
        if (!written.value())
            return Error::preconditionFailed();
        AuditEvent event = auditEvent(actor, QStringLiteral("update"), EntityType::Product, idText(id), updated.updatedAt);
        event.version = updated.version;
        event.detail = summary(updated);
        event.detail.insert(QStringLiteral("changed"), changed);
        if (auto appended = AuditRepository(connection).append(event); !appended)
            return appended.error();
        return updated;
    });
    result = withSkuConflict(std::move(result), patch.sku.value_or(QString()));
    if (result) {
        qCInfo(lcService).noquote() << "product updated:" << logText(result->sku) << "by" << logText(actor.username);
        m_context.notifier.announce(EntityType::Product, idText(id));
    }
    return result;
}

Result<void> ProductService::remove(const Actor &actor, const QUuid &id, std::optional<int> expectedVersion)
{
    if (!actor.isAdmin())
        return adminsOnly();
    auto result = m_context.database.write([&](Connection &connection) -> Result<void> {
        auto current = find(connection, id);
        if (!current)
            return current.error();
        if (!versionMatches(expectedVersion, current->version))
            return Error::preconditionFailed();
        ProductRepository products(connection);
        auto used = products.isUsed(id);
        if (!used)
            return used.error();
        if (used.value())
            return Error::conflict(QStringLiteral("product-in-use"),
                                   Message(QT_TRANSLATE_NOOP("Core", "Orders use the product ‘%1’; deactivate it instead of deleting it."),
                                           {current->sku}));
        auto removed = products.remove(id, current->version);
        if (!removed)
            return removed.error();
        if (!removed.value())
            return Error::preconditionFailed();
        AuditEvent event = auditEvent(actor, QStringLiteral("delete"), EntityType::Product, idText(id), utcNow());
        event.version = current->version;
        event.detail = summary(current.value());
        return AuditRepository(connection).append(event);
    });
    if (result) {
        qCInfo(lcService).noquote() << "product deleted:" << idText(id) << "by" << logText(actor.username);
        m_context.notifier.announce(EntityType::Product, idText(id));
    }
    return result;
}

} // namespace signoff
