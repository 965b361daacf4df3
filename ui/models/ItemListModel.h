// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "PagedTableModel.h"
#include "domain/EntityType.h"
#include "domain/Feature.h"
#include "domain/Order.h"

#include <QDateTime>
#include <QUuid>

namespace signoff {

class Session;

// One feature or order as a list shows it.
struct ItemRow
{
    EntityType type = EntityType::Feature;
    QUuid id;
    QString name; // the feature's name, the order's note: what SortKey::Name sorts by
    ItemStatus status = ItemStatus::Draft;
    QUuid ownerId;
    QString ownerUsername;
    int version = 1;
    QDateTime createdAt;
    QDateTime updatedAt;
    int lineCount = 0;
    qint64 totalCents = 0;

    static ItemRow from(const Feature &feature);
    static ItemRow from(const Order &order);
    QString key() const;
    // What a person calls the item: the feature's name, the order's note or number.
    QString title() const;
};

// Features, orders, or both merged into one list (My items, Review queue),
// filtered and sorted by the database, fetched lazily. Both streams are
// paged by their own cursors and merged by the sort key as they arrive.
class ItemListModel : public PagedTableModel<ItemRow>
{
    Q_OBJECT
public:
    enum class Kinds { Features, Orders, Both };
    enum class Field { Type, Title, Lines, Total, Status, Owner, Version, Updated, Created };

    ItemListModel(Session &session, Kinds kinds, QList<Field> fields, ItemQuery baseQuery, QObject *parent = nullptr);

    Kinds kinds() const { return m_kinds; }
    void setSearch(const QString &text);
    void setStatusFilter(std::optional<ItemStatus> status);
    std::optional<ItemStatus> statusFilter() const { return m_query.status; }
    QString search() const { return m_query.search; }

protected:
    void restartSource() override;
    void fetchFromSource(int limit, QObject *epoch, Done done) override;
    bool sourceExhausted() const override;
    QString keyOf(const ItemRow &row) const override { return row.key(); }
    QVariant cell(const ItemRow &row, int column, int role) const override;

private:
    struct Stream
    {
        EntityType type;
        QString next;
        bool started = false;
        bool exhausted = false;
        QList<ItemRow> buffer;
    };

    // Fetches the next page of each stream whose buffer ran dry, then merges;
    // again until `limit` rows are merged or the streams end.
    void merge(int limit, QObject *epoch, std::shared_ptr<QList<ItemRow>> rows, Done done);
    void fill(qsizetype stream, int limit, QObject *epoch, std::function<void(Result<void>)> filled);
    bool comesFirst(const ItemRow &a, const ItemRow &b) const;

    Session &m_session;
    Kinds m_kinds;
    QList<Field> m_fields;
    ItemQuery m_query;
    QList<Stream> m_streams;
};

} // namespace signoff
