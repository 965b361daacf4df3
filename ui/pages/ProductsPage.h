// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ListPage.h"
#include "models/ProductListModel.h"

namespace signoff {

// The catalogue: everyone reads it, administrators change it.
class ProductsPage : public ListPage
{
    Q_OBJECT
public:
    ProductsPage(Session &session, FormManager &forms, QWidget *parent = nullptr);

    ProductListModel *products() const { return m_products; }
    QString title() const override { return tr("Products"); }
    bool canCreate() const override;
    void createItem() override;
    void openRow(int row) override;
    bool canDelete() const override;
    void deleteSelected() override;

protected:
    void applySearch(const QString &text) override { m_products->setSearch(text); }
    void applyFilter(int index) override;
    QString emptyText() const override;

private:
    ProductListModel *m_products;
};

} // namespace signoff
