// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ProductsPage.h"

#include "FormManager.h"
#include "Session.h"
#include "Backend.h"

#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

namespace signoff {

ProductsPage::ProductsPage(Session &session, FormManager &forms, QWidget *parent)
    : ListPage(session, forms, new ProductListModel(session), {EntityType::Product}, parent)
    , m_products(static_cast<ProductListModel *>(model()))
{
    setObjectName(QStringLiteral("productsPage"));
    setSearchPlaceholder(tr("Search SKU and name (Ctrl+F)"));
    setFilterItems(tr("Availability filter"), {tr("All products"), tr("On sale"), tr("Not on sale")});
    setStretchColumn(ProductListModel::NameColumn);
}

bool ProductsPage::canCreate() const
{
    return session().isAdmin();
}

void ProductsPage::createItem()
{
    if (canCreate())
        forms().openProduct(QUuid());
}

void ProductsPage::openRow(int row)
{
    if (row >= 0 && row < m_products->rowCount())
        forms().openProduct(m_products->rowAt(row).id);
}

bool ProductsPage::canDelete() const
{
    return session().isAdmin() && !isWorking() && !selectedRows().isEmpty();
}

void ProductsPage::deleteSelected()
{
    const QList<int> rows = selectedRows();
    if (!canDelete() || rows.isEmpty())
        return;
    const Product product = m_products->rowAt(rows.first());
    QMessageBox box(QMessageBox::Question, tr("Delete"),
                    tr("Delete the product ‘%1’? A product that orders use cannot be deleted; take it off sale instead.")
                        .arg(product.sku),
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("confirmDeleteBox"));
    QPushButton *confirm = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != confirm)
        return;
    setWorking(true, tr("Deleting…"));
    session().backend().removeProduct(product.id, product.version).then(this, [this, product](Result<void> removed) {
        setWorking(false);
        if (!removed) {
            QMessageBox failed(QMessageBox::Warning, tr("Delete"), removed.error().translatedSummary(), QMessageBox::Ok,
                               this);
            failed.setObjectName(QStringLiteral("deleteFailedBox"));
            failed.exec();
            return;
        }
        refresh();
        emit statusMessage(tr("Deleted the product ‘%1’.").arg(product.sku));
    });
}

void ProductsPage::applyFilter(int index)
{
    m_products->setActiveFilter(index == 1 ? std::optional<bool>(true)
                                : index == 2 ? std::optional<bool>(false)
                                             : std::nullopt);
}

QString ProductsPage::emptyText() const
{
    if (!searchField()->text().trimmed().isEmpty() || filter()->currentIndex() > 0)
        return tr("No product matches the search or filter.");
    return session().isAdmin() ? tr("The catalogue is empty.\nAdd a product with Ctrl+N.")
                               : tr("The catalogue is empty. An administrator adds products.");
}

} // namespace signoff
