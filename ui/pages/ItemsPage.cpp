// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ItemsPage.h"

#include "FormManager.h"
#include "Session.h"
#include "dialogs/ReviewFlow.h"
#include "Backend.h"
#include "support/Format.h"

#include <QComboBox>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>

namespace signoff {

namespace {

constexpr std::array filterStatuses{ItemStatus::Draft, ItemStatus::Pending, ItemStatus::Approved, ItemStatus::Rejected};

} // namespace

ItemListModel *ItemsPage::createModel(Session &session, Kind kind)
{
    using Field = ItemListModel::Field;
    ItemQuery query;
    switch (kind) {
    case Kind::MyItems:
        query.ownerUsername = session.user().username;
        return new ItemListModel(session, ItemListModel::Kinds::Both,
                                 {Field::Type, Field::Title, Field::Status, Field::Total, Field::Updated, Field::Created},
                                 query);
    case Kind::ReviewQueue:
        query.status = ItemStatus::Pending;
        query.excludeOwnedByActor = true;
        query.excludeApprovedByActor = true; // what awaits this reviewer, not what they approved
        return new ItemListModel(session, ItemListModel::Kinds::Both,
                                 {Field::Type, Field::Title, Field::Owner, Field::Total, Field::Updated, Field::Created},
                                 query);
    case Kind::Features:
        return new ItemListModel(session, ItemListModel::Kinds::Features,
                                 {Field::Title, Field::Status, Field::Owner, Field::Version, Field::Updated, Field::Created},
                                 query);
    case Kind::Orders:
        return new ItemListModel(session, ItemListModel::Kinds::Orders,
                                 {Field::Title, Field::Lines, Field::Total, Field::Status, Field::Owner, Field::Updated,
                                  Field::Created},
                                 query);
    }
    return nullptr;
}

ItemsPage::ItemsPage(Session &session, FormManager &forms, Kind kind, QWidget *parent)
    : ListPage(session, forms, createModel(session, kind),
               kind == Kind::Features ? QSet<EntityType>{EntityType::Feature}
               : kind == Kind::Orders ? QSet<EntityType>{EntityType::Order}
                                      : QSet<EntityType>{EntityType::Feature, EntityType::Order},
               parent)
    , m_kind(kind)
    , m_items(static_cast<ItemListModel *>(model()))
{
    switch (kind) {
    case Kind::MyItems:
        setObjectName(QStringLiteral("myItemsPage"));
        setSearchPlaceholder(tr("Search names and notes (Ctrl+F)"));
        setStretchColumn(1);
        break;
    case Kind::ReviewQueue:
        setObjectName(QStringLiteral("reviewQueuePage"));
        setSearchPlaceholder(tr("Search names and notes (Ctrl+F)"));
        setStretchColumn(1);
        break;
    case Kind::Features:
        setObjectName(QStringLiteral("featuresPage"));
        setSearchPlaceholder(tr("Search feature names (Ctrl+F)"));
        setStretchColumn(0);
        break;
    case Kind::Orders:
        setObjectName(QStringLiteral("ordersPage"));
        setSearchPlaceholder(tr("Search order notes (Ctrl+F)"));
        setStretchColumn(0);
        break;
    }
    if (kind != Kind::ReviewQueue) {
        QStringList statuses{tr("All statuses")};
        for (ItemStatus status : filterStatuses)
            statuses.append(Format::status(status));
        setFilterItems(tr("Status filter"), statuses);
    }
}

QString ItemsPage::title() const
{
    switch (m_kind) {
    case Kind::MyItems: return tr("My items");
    case Kind::ReviewQueue: return tr("Review queue");
    case Kind::Features: return tr("Features");
    case Kind::Orders: return tr("Orders");
    }
    return {};
}

QString ItemsPage::emptyText() const
{
    if (!m_items->search().isEmpty() || m_items->statusFilter())
        return tr("Nothing matches the search or filter.");
    switch (m_kind) {
    case Kind::MyItems: return tr("You have no features or orders yet.\nCreate one with Ctrl+N.");
    case Kind::ReviewQueue: return tr("Nothing is waiting for your review.");
    case Kind::Features: return tr("There are no features yet.\nCreate one with Ctrl+N.");
    case Kind::Orders: return tr("There are no orders yet.\nCreate one with Ctrl+N.");
    }
    return {};
}

void ItemsPage::applySearch(const QString &text)
{
    m_items->setSearch(text);
}

void ItemsPage::applyFilter(int index)
{
    m_items->setStatusFilter(index <= 0 ? std::nullopt : std::optional<ItemStatus>(filterStatuses.at(index - 1)));
}

void ItemsPage::createItem()
{
    if (m_kind == Kind::Orders)
        forms().openOrder(QUuid());
    else
        forms().openFeature(QUuid());
}

void ItemsPage::openRow(int row)
{
    if (row < 0 || row >= m_items->rowCount())
        return;
    const ItemRow &item = m_items->rowAt(row);
    if (item.type == EntityType::Feature)
        forms().openFeature(item.id);
    else
        forms().openOrder(item.id);
}

QList<ItemRow> ItemsPage::selectedItems() const
{
    QList<ItemRow> items;
    for (int row : selectedRows())
        items.append(m_items->rowAt(row));
    return items;
}

bool ItemsPage::canDelete() const
{
    if (isWorking())
        return false;
    const QList<ItemRow> items = selectedItems();
    return std::any_of(items.cbegin(), items.cend(), [this](const ItemRow &item) {
        return !Workflow::checkDelete(item.status, session().relationTo(item.ownerUsername)).has_value();
    });
}

bool ItemsPage::canReview(WorkflowAction action) const
{
    if (isWorking())
        return false;
    const QList<ItemRow> items = selectedItems();
    return std::any_of(items.cbegin(), items.cend(), [this, action](const ItemRow &item) {
        return Workflow::available(item.status, session().relationTo(item.ownerUsername)).contains(action);
    });
}

void ItemsPage::deleteSelected()
{
    if (isWorking())
        return;
    QList<ItemRow> drafts;
    for (const ItemRow &item : selectedItems()) {
        if (!Workflow::checkDelete(item.status, session().relationTo(item.ownerUsername)))
            drafts.append(item);
    }
    if (drafts.isEmpty())
        return;
    const QString question = drafts.size() == 1
                                 ? tr("Delete the draft ‘%1’? This cannot be undone.").arg(drafts.first().title())
                                 : tr("Delete %n drafts? This cannot be undone.", nullptr, int(drafts.size()));
    QMessageBox box(QMessageBox::Question, tr("Delete"), question, QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("confirmDeleteBox"));
    QPushButton *confirm = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != confirm)
        return;

    setWorking(true, tr("Deleting…"));
    deleteNext(std::make_shared<QList<ItemRow>>(drafts), std::make_shared<DeleteOutcome>());
}

void ItemsPage::deleteNext(std::shared_ptr<QList<ItemRow>> remaining, std::shared_ptr<DeleteOutcome> outcome)
{
    if (remaining->isEmpty()) {
        setWorking(false);
        refresh();
        if (!outcome->failures.isEmpty()) {
            QMessageBox failed(QMessageBox::Warning, tr("Delete"),
                               tr("Some drafts could not be deleted:") + u'\n' + outcome->failures.join(u'\n'),
                               QMessageBox::Ok, this);
            failed.setObjectName(QStringLiteral("deleteFailedBox"));
            failed.exec();
        }
        emit statusMessage(tr("Deleted %n draft(s).", nullptr, outcome->deleted));
        return;
    }
    const ItemRow item = remaining->takeFirst();
    session().backend().removeItem(item.type, item.id, item.version).then(this, [this, remaining, outcome, item](Result<void> removed) {
        if (removed)
            ++outcome->deleted;
        else
            outcome->failures.append(tr("%1: %2").arg(item.title(), removed.error().translatedSummary()));
        deleteNext(remaining, outcome);
    });
}

void ItemsPage::reviewSelected(WorkflowAction action)
{
    if (isWorking())
        return;
    QList<ReviewTarget> targets;
    for (const ItemRow &item : selectedItems())
        targets.append(ReviewTarget{item.type, item.id, item.version, item.title()});
    // Where the next item will be once the decided ones have left the list:
    // selected then, ready for the next decision.
    const QModelIndexList selectedRows = table()->selectionModel()->selectedRows();
    const int firstRow = selectedRows.isEmpty()
        ? -1
        : std::min_element(selectedRows.cbegin(), selectedRows.cend(), [](const QModelIndex &a, const QModelIndex &b) {
              return a.row() < b.row();
          })->row();
    const bool started = reviewFromList(this, session(), targets, action, [this, action, firstRow](QList<ReviewOutcome> outcomes) {
        setWorking(false);
        if (firstRow >= 0) {
            auto *once = new QObject(this);
            connect(m_items, &TableModel::loaded, once, [this, once, firstRow] {
                once->deleteLater();
                if (m_items->rowCount() == 0)
                    return;
                table()->selectionModel()->setCurrentIndex(m_items->index(std::min(firstRow, m_items->rowCount() - 1), 0),
                                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            });
        }
        refresh();
        const auto done = std::count_if(outcomes.cbegin(), outcomes.cend(),
                                        [](const ReviewOutcome &outcome) { return !outcome.error; });
        emit statusMessage(action == WorkflowAction::Reject ? tr("Rejected %n item(s).", nullptr, int(done))
                                                            : tr("Approved %n item(s).", nullptr, int(done)));
    });
    if (started)
        setWorking(true, action == WorkflowAction::Reject ? tr("Rejecting…") : tr("Approving…"));
}

} // namespace signoff
