// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Connection.h"
#include "domain/Order.h"
#include "domain/Page.h"
#include "domain/Queries.h"
#include "domain/Result.h"

#include <optional>

namespace signoff {

// Rows of `orders` with their `line_item` rows.
class OrderRepository
{
public:
    explicit OrderRepository(Connection &connection) : m_connection(connection) {}

    Result<void> insert(const Order &order);
    // The order and its lines; call inside Database::read or write so both agree.
    Result<std::optional<Order>> findById(const QUuid &id);
    // Locks the order's row until the transaction ends (PostgreSQL: FOR
    // UPDATE), so decisions on it are made one after the other.
    Result<void> lock(const QUuid &id);
    // Writes note, status, version, updated_at, required approvals and
    // submitted version (not lines or approvals) if the row is still at
    // `expectedVersion`; false when someone changed it first.
    Result<bool> update(const Order &order, int expectedVersion);
    Result<void> replaceLines(const QUuid &orderId, const QList<LineItem> &lines);
    Result<bool> remove(const QUuid &id, int expectedVersion);
    Result<Page<Order>> list(const ItemQuery &query, const QUuid &actorId);

private:
    Result<void> insertLines(const QUuid &orderId, const QList<LineItem> &lines);
    Result<QList<LineItem>> linesOf(const QUuid &orderId);

    Connection &m_connection;
};

} // namespace signoff
