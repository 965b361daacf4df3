// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// The definitions of WorkItemService, for the .cpp file of a service that
// instantiates it (after its Kind).

#include "ItemWorkflow.h"
#include "WorkItemService.h"

namespace signoff {

template<typename Item, typename Kind>
WorkItemService<Item, Kind>::WorkItemService(ServiceContext &context, EntityType type)
    : m_context(context)
    , m_metrics(context.metrics, type)
{
}

template<typename Item, typename Kind>
Result<void> WorkItemService<Item, Kind>::remove(const Actor &actor, const QUuid &id, ExpectedVersion expectedVersion)
{
    const auto timing = m_metrics.time(EntityMetrics::Operation::Delete);
    return WritePath<Kind>::remove(m_context, actor, id, expectedVersion);
}

template<typename Item, typename Kind>
Result<Item> WorkItemService<Item, Kind>::transition(const Actor &actor, const QUuid &id, WorkflowAction action,
                                                     ExpectedVersion expectedVersion, const QString &comment)
{
    const auto timing = m_metrics.time(EntityMetrics::Operation::Transition);
    return ItemWorkflow<Kind>::transition(m_context, actor, id, action, expectedVersion, comment);
}

template<typename Item, typename Kind>
Result<QList<Comment>> WorkItemService<Item, Kind>::comments(const Actor &, const QUuid &id)
{
    return ItemWorkflow<Kind>::comments(m_context, id);
}

template<typename Item, typename Kind>
Result<Comment> WorkItemService<Item, Kind>::addComment(const Actor &actor, const QUuid &id, const QString &body)
{
    return ItemWorkflow<Kind>::addComment(m_context, actor, id, body);
}

template<typename Item, typename Kind>
Result<QList<AuditEvent>> WorkItemService<Item, Kind>::history(const Actor &, const QUuid &id)
{
    const auto timing = m_metrics.time(EntityMetrics::Operation::History);
    return ItemWorkflow<Kind>::history(m_context, id);
}

} // namespace signoff
