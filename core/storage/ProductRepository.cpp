// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ProductRepository.h"

#include "KeysetQuery.h"
#include "SqlValues.h"
#include "domain/TextRules.h"

namespace signoff {

namespace {

const QStringList productColumnList{
    QStringLiteral("p.id"),     QStringLiteral("p.sku"),     QStringLiteral("p.name"),       QStringLiteral("p.price_cents"),
    QStringLiteral("p.active"), QStringLiteral("p.version"), QStringLiteral("p.created_at"), QStringLiteral("p.updated_at"),
};
const QString selectProducts =
    QStringLiteral("SELECT ") + productColumnList.join(QStringLiteral(", ")) + QStringLiteral(" FROM product p");

Product readProduct(const Rows &rows)
{
    Product product;
    product.id = sql::toUuid(rows.value(0));
    product.sku = rows.value(1).toString();
    product.name = rows.value(2).toString();
    product.priceCents = rows.value(3).toLongLong();
    product.active = rows.value(4).toBool();
    product.version = rows.value(5).toInt();
    product.createdAt = sql::toTime(rows.value(6));
    product.updatedAt = sql::toTime(rows.value(7));
    return product;
}

QString productSortColumn(SortKey key)
{
    switch (key) {
    case SortKey::UpdatedAt: return QStringLiteral("p.updated_at");
    case SortKey::Name: return QStringLiteral("p.name");
    case SortKey::CreatedAt:
    case SortKey::Status:
    case SortKey::Owner: break;
    }
    return QStringLiteral("p.created_at");
}

} // namespace

Result<void> ProductRepository::insert(const Product &product)
{
    return m_connection.execute(
        QStringLiteral("INSERT INTO product (id, sku, sku_key, name, price_cents, active, version, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {sql::fromUuid(product.id), product.sku, text::uniquenessKey(product.sku), product.name, product.priceCents,
         product.active, product.version,
         sql::fromTime(product.createdAt), sql::fromTime(product.updatedAt)});
}

Result<std::optional<Product>> ProductRepository::findById(const QUuid &id)
{
    auto rows = m_connection.query(selectProducts + QStringLiteral(" WHERE p.id = ?"), {sql::fromUuid(id)});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return std::optional<Product>();
    return std::optional<Product>(readProduct(*rows));
}

Result<bool> ProductRepository::update(const Product &product, int expectedVersion)
{
    auto rows = m_connection.query(
        QStringLiteral("UPDATE product SET sku = ?, sku_key = ?, name = ?, price_cents = ?, active = ?, version = ?, "
                       "updated_at = ? WHERE id = ? AND version = ?"),
        {product.sku, text::uniquenessKey(product.sku), product.name, product.priceCents, product.active, product.version,
         sql::fromTime(product.updatedAt), sql::fromUuid(product.id), expectedVersion});
    if (!rows)
        return rows.error();
    return rows->rowsAffected() == 1;
}

Result<bool> ProductRepository::isUsed(const QUuid &id)
{
    auto rows = m_connection.query(QStringLiteral("SELECT 1 FROM line_item WHERE product_id = ? LIMIT 1"),
                                   {sql::fromUuid(id)});
    if (!rows)
        return rows.error();
    return rows->next();
}

Result<bool> ProductRepository::remove(const QUuid &id, int expectedVersion)
{
    auto rows = m_connection.query(QStringLiteral("DELETE FROM product WHERE id = ? AND version = ?"),
                                   {sql::fromUuid(id), expectedVersion});
    if (!rows)
        return rows.error();
    return rows->rowsAffected() == 1;
}

Result<Page<Product>> ProductRepository::list(const ProductQuery &query)
{
    auto limit = checkedLimit(query.page);
    if (!limit)
        return limit.error();
    KeysetQuery keyset(productColumnList, QStringLiteral("product p"), insertionOrder(m_connection.dialect(), QStringLiteral("p")));
    if (query.active)
        keyset.where(QStringLiteral("p.active = ?"), {*query.active});
    if (!query.search.isEmpty())
        keyset.where(QStringLiteral("(lower(p.sku) LIKE ? ESCAPE '\\' OR lower(p.name) LIKE ? ESCAPE '\\')"),
                     {containsPattern(query.search), containsPattern(query.search)});
    // Keys without a column of their own sort (and page) by creation.
    const SortKey key = productSortColumn(query.order.key) == QStringLiteral("p.created_at") ? SortKey::CreatedAt : query.order.key;
    keyset.orderBy(productSortColumn(key), query.order.descending, sortValueOf(key));
    if (auto started = keyset.startAfter(query.page.after); !started)
        return started.error();
    auto rows = m_connection.query(keyset.sql(), keyset.values(*limit));
    if (!rows)
        return rows.error();
    return collectPage<Product>(*rows, *limit, keyset, readProduct);
}

} // namespace signoff
