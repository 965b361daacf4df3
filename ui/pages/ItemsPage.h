// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ListPage.h"
#include "models/ItemListModel.h"

#include <memory>

namespace signoff {

struct ReviewTarget;

// Features, orders, or both: My items, Review queue, Features, Orders.
class ItemsPage : public ListPage
{
    Q_OBJECT
public:
    enum class Kind { MyItems, ReviewQueue, Features, Orders };

    ItemsPage(Session &session, FormManager &forms, Kind kind, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    ItemListModel *items() const { return m_items; }
    QString title() const override;

    bool canCreate() const override { return true; }
    void createItem() override;
    void openRow(int row) override;
    bool canDelete() const override;
    void deleteSelected() override;
    bool canReview(WorkflowAction action) const override;
    void reviewSelected(WorkflowAction action) override;

protected:
    void applySearch(const QString &text) override;
    void applyFilter(int index) override;
    QString emptyText() const override;

private:
    struct DeleteOutcome
    {
        int deleted = 0;
        QStringList failures;
    };

    static ItemListModel *createModel(Session &session, Kind kind);
    void deleteNext(std::shared_ptr<QList<ItemRow>> remaining, std::shared_ptr<DeleteOutcome> outcome);
    QList<ItemRow> selectedItems() const;

    Kind m_kind;
    ItemListModel *m_items;
};

} // namespace signoff
