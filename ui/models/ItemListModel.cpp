// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ItemListModel.h"

#include "Session.h"
#include "Backend.h"
#include "support/Format.h"

#include <QColor>
#include <QFont>

namespace signoff {

ItemRow ItemRow::from(const Feature &feature)
{
    ItemRow row;
    row.type = EntityType::Feature;
    row.id = feature.id;
    row.name = feature.name;
    row.status = feature.status;
    row.ownerId = feature.ownerId;
    row.ownerUsername = feature.ownerUsername;
    row.version = feature.version;
    row.createdAt = feature.createdAt;
    row.updatedAt = feature.updatedAt;
    return row;
}

ItemRow ItemRow::from(const Order &order)
{
    ItemRow row;
    row.type = EntityType::Order;
    row.id = order.id;
    row.name = order.note;
    row.status = order.status;
    row.ownerId = order.ownerId;
    row.ownerUsername = order.ownerUsername;
    row.version = order.version;
    row.createdAt = order.createdAt;
    row.updatedAt = order.updatedAt;
    row.lineCount = int(order.lines.size());
    row.totalCents = order.totalCents();
    return row;
}

QString ItemRow::key() const
{
    return toString(type) + u':' + id.toString(QUuid::WithoutBraces);
}

QString ItemRow::title() const
{
    if (type == EntityType::Feature)
        return name;
    const QString firstLine = name.section(u'\n', 0, 0).trimmed();
    if (!firstLine.isEmpty())
        return firstLine;
    return ItemListModel::tr("Order %1").arg(Format::shortId(id));
}

ItemListModel::ItemListModel(Session &session, Kinds kinds, QList<Field> fields, ItemQuery baseQuery, QObject *parent)
    : PagedTableModel<ItemRow>(parent)
    , m_session(session)
    , m_kinds(kinds)
    , m_fields(std::move(fields))
    , m_query(std::move(baseQuery))
{
    QList<Column> columns;
    int createdColumn = 0;
    for (Field field : std::as_const(m_fields)) {
        switch (field) {
        case Field::Type: columns.append({tr("Type"), std::nullopt, false}); break;
        case Field::Title:
            columns.append({kinds == Kinds::Features ? tr("Name") : kinds == Kinds::Orders ? tr("Note") : tr("Title"),
                            SortKey::Name, false});
            break;
        case Field::Lines: columns.append({tr("Lines"), std::nullopt, true}); break;
        case Field::Total: columns.append({tr("Total"), std::nullopt, true}); break;
        case Field::Status: columns.append({tr("Status"), SortKey::Status, false}); break;
        case Field::Owner: columns.append({tr("Owner"), SortKey::Owner, false}); break;
        case Field::Version: columns.append({tr("Version"), std::nullopt, true}); break;
        case Field::Updated: columns.append({tr("Updated"), SortKey::UpdatedAt, false}); break;
        case Field::Created:
            createdColumn = int(columns.size());
            columns.append({tr("Created"), SortKey::CreatedAt, false});
            break;
        }
    }
    setColumns(columns, createdColumn, Qt::DescendingOrder);
    if (kinds != Kinds::Orders)
        m_streams.append(Stream{EntityType::Feature, {}, false, false, {}});
    if (kinds != Kinds::Features)
        m_streams.append(Stream{EntityType::Order, {}, false, false, {}});
}

void ItemListModel::setSearch(const QString &text)
{
    setFilter(m_query.search, text);
}

void ItemListModel::setStatusFilter(std::optional<ItemStatus> status)
{
    setFilter(m_query.status, status);
}

void ItemListModel::restartSource()
{
    for (Stream &stream : m_streams) {
        stream.next.clear();
        stream.started = false;
        stream.exhausted = false;
        stream.buffer.clear();
    }
}

bool ItemListModel::sourceExhausted() const
{
    return std::all_of(m_streams.cbegin(), m_streams.cend(),
                       [](const Stream &stream) { return stream.exhausted && stream.buffer.isEmpty(); });
}

void ItemListModel::fill(qsizetype index, int limit, QObject *epoch, std::function<void(Result<void>)> filled)
{
    ItemQuery query = m_query;
    query.order = listOrder();
    query.page.limit = limit;
    query.page.after = m_streams.at(index).next;
    const auto take = [this, index, filled](const QString &next, QList<ItemRow> rows) {
        Stream &stream = m_streams[index];
        stream.buffer.append(std::move(rows));
        stream.next = next;
        stream.started = true;
        stream.exhausted = next.isEmpty();
        filled({});
    };
    if (m_streams.at(index).type == EntityType::Feature) {
        m_session.backend().listFeatures(query).then(epoch, [take, filled](Result<Page<Feature>> page) {
            if (!page)
                return filled(page.error());
            QList<ItemRow> rows;
            for (const Feature &feature : page->items)
                rows.append(ItemRow::from(feature));
            take(page->next, std::move(rows));
        });
    } else {
        m_session.backend().listOrders(query).then(epoch, [take, filled](Result<Page<Order>> page) {
            if (!page)
                return filled(page.error());
            QList<ItemRow> rows;
            for (const Order &order : page->items)
                rows.append(ItemRow::from(order));
            take(page->next, std::move(rows));
        });
    }
}

void ItemListModel::fetchFromSource(int limit, QObject *epoch, Done done)
{
    merge(limit, epoch, std::make_shared<QList<ItemRow>>(), std::move(done));
}

void ItemListModel::merge(int limit, QObject *epoch, std::shared_ptr<QList<ItemRow>> rows, Done done)
{
    // A stream whose buffer is empty may hold the next row: fill it first
    // (all such streams at once), then merge on.
    QList<qsizetype> dry;
    for (qsizetype i = 0; i < m_streams.size(); ++i) {
        if (m_streams.at(i).buffer.isEmpty() && !m_streams.at(i).exhausted)
            dry.append(i);
    }
    if (!dry.isEmpty()) {
        struct Filling
        {
            qsizetype remaining;
            std::optional<Error> failure;
        };
        auto filling = std::make_shared<Filling>(Filling{dry.size(), std::nullopt});
        for (qsizetype index : std::as_const(dry)) {
            fill(index, limit, epoch, [this, limit, epoch, rows, done, filling](Result<void> filled) {
                if (!filled && !filling->failure)
                    filling->failure = filled.error();
                if (--filling->remaining > 0)
                    return;
                if (filling->failure)
                    done(*filling->failure);
                else
                    merge(limit, epoch, rows, done);
            });
        }
        return;
    }
    while (rows->size() < limit) {
        Stream *best = nullptr;
        bool needsFill = false;
        for (Stream &stream : m_streams) {
            if (stream.buffer.isEmpty()) {
                needsFill = needsFill || !stream.exhausted;
                continue;
            }
            if (!best || comesFirst(stream.buffer.first(), best->buffer.first()))
                best = &stream;
        }
        if (needsFill) {
            merge(limit, epoch, rows, std::move(done));
            return;
        }
        if (!best)
            break;
        rows->append(best->buffer.takeFirst());
    }
    done(std::move(*rows));
}

// The order the database uses, so the merged list reads as one sorted list.
bool ItemListModel::comesFirst(const ItemRow &a, const ItemRow &b) const
{
    const ListOrder order = listOrder();
    int compared = 0;
    switch (order.key) {
    case SortKey::CreatedAt: compared = a.createdAt < b.createdAt ? -1 : b.createdAt < a.createdAt ? 1 : 0; break;
    case SortKey::UpdatedAt: compared = a.updatedAt < b.updatedAt ? -1 : b.updatedAt < a.updatedAt ? 1 : 0; break;
    case SortKey::Name: compared = a.name.compare(b.name); break;
    case SortKey::Status: compared = toString(a.status).compare(toString(b.status)); break;
    case SortKey::Owner: compared = a.ownerUsername.compare(b.ownerUsername); break;
    }
    if (compared == 0)
        compared = a.id.toString().compare(b.id.toString());
    return order.descending ? compared > 0 : compared < 0;
}

QVariant ItemListModel::cell(const ItemRow &row, int column, int role) const
{
    const Field field = m_fields.at(column);
    if (role == Qt::DisplayRole) {
        switch (field) {
        case Field::Type: return Format::entityType(row.type);
        case Field::Title: return row.title();
        case Field::Lines: return row.type == EntityType::Order ? QVariant(row.lineCount) : QVariant();
        case Field::Total: return row.type == EntityType::Order ? Format::money(row.totalCents) : QString();
        case Field::Status: return Format::status(row.status);
        case Field::Owner: return row.ownerUsername;
        case Field::Version: return row.version;
        case Field::Updated: return Format::dateTime(row.updatedAt);
        case Field::Created: return Format::dateTime(row.createdAt);
        }
    }
    if (role == Qt::ToolTipRole && field == Field::Title)
        return row.type == EntityType::Order ? row.name : row.title();
    if (role == Qt::ForegroundRole && field == Field::Status) {
        switch (row.status) {
        case ItemStatus::Draft: return QColor(0x55, 0x55, 0x55);
        case ItemStatus::Pending: return QColor(0x8a, 0x5a, 0x00);
        case ItemStatus::Approved: return QColor(0x1b, 0x6e, 0x20);
        case ItemStatus::Rejected: return QColor(0xa3, 0x1d, 0x1d);
        }
    }
    if (role == Qt::FontRole && field == Field::Title && row.type == EntityType::Order && row.name.trimmed().isEmpty()) {
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    return {};
}

} // namespace signoff
