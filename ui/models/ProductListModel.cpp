// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ProductListModel.h"

#include "Session.h"
#include "Backend.h"
#include "support/Format.h"

namespace signoff {

ProductListModel::ProductListModel(Session &session, QObject *parent)
    : CursorTableModel<Product>(parent)
    , m_session(session)
{
    setColumns({{tr("SKU"), std::nullopt, false},
                {tr("Name"), SortKey::Name, false},
                {tr("Price"), std::nullopt, true},
                {tr("On sale"), std::nullopt, false},
                {tr("Updated"), SortKey::UpdatedAt, false},
                {tr("Created"), SortKey::CreatedAt, false}},
               CreatedColumn, Qt::DescendingOrder);
}

void ProductListModel::setSearch(const QString &text)
{
    setFilter(m_query.search, text);
}

void ProductListModel::setActiveFilter(std::optional<bool> active)
{
    setFilter(m_query.active, active);
}

void ProductListModel::fetchFromSource(int limit, QObject *epoch, Done done)
{
    ProductQuery query = m_query;
    query.order = listOrder();
    query.page = nextPage(limit);
    fetchPage(m_session.backend().listProducts(query), epoch, std::move(done));
}

QString ProductListModel::keyOf(const Product &product) const
{
    return product.id.toString(QUuid::WithoutBraces);
}

QVariant ProductListModel::cell(const Product &product, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        switch (column) {
        case SkuColumn: return product.sku;
        case NameColumn: return product.name;
        case PriceColumn: return Format::money(product.priceCents);
        case ActiveColumn: return product.active ? tr("Yes") : tr("No");
        case UpdatedColumn: return Format::dateTime(product.updatedAt);
        case CreatedColumn: return Format::dateTime(product.createdAt);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && column == NameColumn)
        return product.name;
    return {};
}

} // namespace signoff
