// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "WorkItemService.h"
#include "domain/Order.h"
#include "domain/Page.h"
#include "domain/Queries.h"
#include "domain/Result.h"

namespace signoff {

struct OrderKind; // OrderService.cpp
extern template class WorkItemService<Order, OrderKind>;

// Orders of products, with the same workflow as features. Line prices are
// copied from the product when a line is written.
class OrderService : public WorkItemService<Order, OrderKind>
{
public:
    explicit OrderService(ServiceContext &context);

    Result<Order> create(const Actor &actor, const NewOrder &input);
    Result<Order> get(const Actor &actor, const QUuid &id);
    Result<Page<Order>> list(const Actor &actor, const ItemQuery &query);
    // `patch.lines`, when given, replaces every line (at today's prices).
    Result<Order> update(const Actor &actor, const QUuid &id, const OrderPatch &patch,
                         ExpectedVersion expectedVersion = {});
};

} // namespace signoff
