// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CursorTableModel.h"
#include "domain/Product.h"

namespace signoff {

class Session;

// The catalogue, filtered by "on sale" and a search over SKU and name.
class ProductListModel : public CursorTableModel<Product>
{
    Q_OBJECT
public:
    enum Columns { SkuColumn, NameColumn, PriceColumn, ActiveColumn, UpdatedColumn, CreatedColumn };

    explicit ProductListModel(Session &session, QObject *parent = nullptr);

    void setSearch(const QString &text);
    void setActiveFilter(std::optional<bool> active);

protected:
    void fetchFromSource(int limit, QObject *epoch, Done done) override;
    QString keyOf(const Product &product) const override;
    QVariant cell(const Product &product, int column, int role) const override;

private:
    Session &m_session;
    ProductQuery m_query;
};

} // namespace signoff
