// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "EntityMetrics.h"
#include "ServiceContext.h"
#include "domain/AuditEvent.h"
#include "domain/Comment.h"
#include "domain/Order.h"
#include "domain/Page.h"
#include "domain/Queries.h"
#include "domain/Result.h"

namespace signoff {

// Orders of products, with the same workflow as features. Line prices are
// copied from the product when a line is written.
class OrderService
{
public:
    explicit OrderService(ServiceContext &context);

    Result<Order> create(const Actor &actor, const NewOrder &input);
    Result<Order> get(const Actor &actor, const QUuid &id);
    Result<Page<Order>> list(const Actor &actor, const ItemQuery &query);
    // `patch.lines`, when given, replaces every line (at today's prices).
    Result<Order> update(const Actor &actor, const QUuid &id, const OrderPatch &patch,
                         ExpectedVersion expectedVersion = {});
    Result<void> remove(const Actor &actor, const QUuid &id, ExpectedVersion expectedVersion = {});
    Result<Order> transition(const Actor &actor, const QUuid &id, WorkflowAction action,
                             ExpectedVersion expectedVersion = {}, const QString &comment = {});
    Result<QList<AuditEvent>> history(const Actor &actor, const QUuid &id);
    // The discussion: any user, any status; comments are never changed.
    Result<QList<Comment>> comments(const Actor &actor, const QUuid &id);
    Result<Comment> addComment(const Actor &actor, const QUuid &id, const QString &body);

private:
    ServiceContext &m_context;
    EntityMetrics m_metrics;
};

} // namespace signoff
