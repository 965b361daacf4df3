// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OrderRepository.h"

#include "ApprovalRepository.h"
#include "ItemListing.h"
#include "SqlValues.h"

namespace signoff {

namespace {

const QStringList orderColumnList{
    QStringLiteral("o.id"),   QStringLiteral("o.owner_id"), QStringLiteral("u.username"),   QStringLiteral("o.status"),
    QStringLiteral("o.note"), QStringLiteral("o.version"),  QStringLiteral("o.created_at"), QStringLiteral("o.updated_at"),
    QStringLiteral("o.required_approvals"), QStringLiteral("o.submitted_version"),
};
const QString ordersFrom = QStringLiteral("orders o JOIN users u ON u.id = o.owner_id");
const QString selectOrders =
    QStringLiteral("SELECT ") + orderColumnList.join(QStringLiteral(", ")) + QStringLiteral(" FROM ") + ordersFrom;

const ItemColumns orderColumns{
    QStringLiteral("o.status"),     QStringLiteral("o.owner_id"),   QStringLiteral("u.username"),
    QStringLiteral("o.created_at"), QStringLiteral("o.updated_at"), QStringLiteral("o.note"),
    QStringLiteral("o.note"),
    QStringLiteral("NOT EXISTS (SELECT 1 FROM order_approval a WHERE a.order_id = o.id "
                   "AND a.submission = o.submitted_version AND a.approver_id = ?)"),
};

Order readOrder(const Rows &rows)
{
    Order order;
    order.id = sql::toUuid(rows.value(0));
    order.ownerId = sql::toUuid(rows.value(1));
    order.ownerUsername = rows.value(2).toString();
    order.status = itemStatusFromString(rows.value(3).toString()).value_or(ItemStatus::Draft);
    order.note = rows.value(4).toString();
    order.version = rows.value(5).toInt();
    order.createdAt = sql::toTime(rows.value(6));
    order.updatedAt = sql::toTime(rows.value(7));
    order.requiredApprovals = rows.value(8).toInt();
    if (!rows.value(9).isNull())
        order.submittedVersion = rows.value(9).toInt();
    return order;
}

} // namespace

Result<void> OrderRepository::insert(const Order &order)
{
    auto inserted = m_connection.execute(
        QStringLiteral("INSERT INTO orders (id, owner_id, status, note, version, created_at, updated_at, required_approvals) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {sql::fromUuid(order.id), sql::fromUuid(order.ownerId), toString(order.status), order.note, order.version,
         sql::fromTime(order.createdAt), sql::fromTime(order.updatedAt), order.requiredApprovals});
    if (!inserted)
        return inserted;
    return insertLines(order.id, order.lines);
}

Result<void> OrderRepository::insertLines(const QUuid &orderId, const QList<LineItem> &lines)
{
    for (qsizetype position = 0; position < lines.size(); ++position) {
        const LineItem &line = lines.at(position);
        auto inserted = m_connection.execute(
            QStringLiteral("INSERT INTO line_item (id, order_id, product_id, position, quantity, unit_price_cents) "
                           "VALUES (?, ?, ?, ?, ?, ?)"),
            {sql::fromUuid(line.id), sql::fromUuid(orderId), sql::fromUuid(line.productId), int(position),
             line.quantity, line.unitPriceCents});
        if (!inserted)
            return inserted;
    }
    return {};
}

Result<QList<LineItem>> OrderRepository::linesOf(const QUuid &orderId)
{
    auto rows = m_connection.query(
        QStringLiteral("SELECT l.id, l.product_id, p.sku, p.name, l.quantity, l.unit_price_cents "
                       "FROM line_item l JOIN product p ON p.id = l.product_id "
                       "WHERE l.order_id = ? ORDER BY l.position"),
        {sql::fromUuid(orderId)});
    if (!rows)
        return rows.error();
    QList<LineItem> lines;
    while (rows->next()) {
        LineItem line;
        line.id = sql::toUuid(rows->value(0));
        line.productId = sql::toUuid(rows->value(1));
        line.productSku = rows->value(2).toString();
        line.productName = rows->value(3).toString();
        line.quantity = rows->value(4).toInt();
        line.unitPriceCents = rows->value(5).toLongLong();
        lines.append(line);
    }
    return lines;
}

Result<std::optional<Order>> OrderRepository::findById(const QUuid &id)
{
    std::optional<Order> order;
    {
        auto rows = m_connection.query(selectOrders + QStringLiteral(" WHERE o.id = ?"), {sql::fromUuid(id)});
        if (!rows)
            return rows.error();
        if (!rows->next())
            return order;
        order = readOrder(*rows);
    }
    auto lines = linesOf(id);
    if (!lines)
        return lines.error();
    order->lines = lines.value();
    if (order->submittedVersion) {
        auto approvals = ApprovalRepository(m_connection, EntityType::Order).of(id, *order->submittedVersion);
        if (!approvals)
            return approvals.error();
        order->approvals = approvals.value();
    }
    return order;
}

Result<void> OrderRepository::lock(const QUuid &id)
{
    // SQLite: the write transaction (BEGIN IMMEDIATE) already excludes
    // every other writer.
    if (m_connection.dialect() != SqlDialect::Postgresql)
        return {};
    return m_connection.execute(QStringLiteral("SELECT id FROM orders WHERE id = ? FOR UPDATE"), {sql::fromUuid(id)});
}

Result<bool> OrderRepository::update(const Order &order, int expectedVersion)
{
    auto rows = m_connection.query(
        QStringLiteral("UPDATE orders SET note = ?, status = ?, version = ?, updated_at = ?, required_approvals = ?, "
                       "submitted_version = ? WHERE id = ? AND version = ?"),
        {order.note, toString(order.status), order.version, sql::fromTime(order.updatedAt), order.requiredApprovals,
         order.submittedVersion ? QVariant(*order.submittedVersion) : QVariant(QMetaType::fromType<int>()),
         sql::fromUuid(order.id), expectedVersion});
    if (!rows)
        return rows.error();
    return rows->rowsAffected() == 1;
}

Result<void> OrderRepository::replaceLines(const QUuid &orderId, const QList<LineItem> &lines)
{
    auto removed = m_connection.execute(QStringLiteral("DELETE FROM line_item WHERE order_id = ?"), {sql::fromUuid(orderId)});
    if (!removed)
        return removed;
    return insertLines(orderId, lines);
}

Result<bool> OrderRepository::remove(const QUuid &id, int expectedVersion)
{
    // line_item rows go with the order (ON DELETE CASCADE).
    auto rows = m_connection.query(QStringLiteral("DELETE FROM orders WHERE id = ? AND version = ?"),
                                   {sql::fromUuid(id), expectedVersion});
    if (!rows)
        return rows.error();
    return rows->rowsAffected() == 1;
}

Result<Page<Order>> OrderRepository::list(const ItemQuery &query, const QUuid &actorId)
{
    auto limit = checkedLimit(query.page);
    if (!limit)
        return limit.error();
    KeysetQuery keyset(orderColumnList, ordersFrom, insertionOrder(m_connection.dialect(), QStringLiteral("o")));
    if (auto applied = applyItemQuery(keyset, query, orderColumns, actorId); !applied)
        return applied.error();
    Page<Order> page;
    {
        auto rows = m_connection.query(keyset.sql(), keyset.values(*limit));
        if (!rows)
            return rows.error();
        page = collectPage<Order>(*rows, *limit, keyset, readOrder);
    }
    for (Order &order : page.items) {
        auto lines = linesOf(order.id);
        if (!lines)
            return lines.error();
        order.lines = lines.value();
    }
    if (auto attached = attachApprovals(m_connection, EntityType::Order, page.items); !attached)
        return attached.error();
    return page;
}

} // namespace signoff
