// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "EntityMetrics.h"
#include "ServiceContext.h"
#include "domain/AuditEvent.h"
#include "domain/Comment.h"
#include "domain/Result.h"

namespace signoff {

// What the services of features and orders share: deletion, the workflow,
// the history and the discussion of one type of work item, each the same
// for both types. `Kind` is the type as the write path sees it (WritePath.h),
// defined in the service's own .cpp file, which includes
// WorkItemServiceImpl.h and instantiates this template; so this header
// needs neither storage nor the write path.
template<typename Item, typename Kind>
class WorkItemService
{
public:
    Result<void> remove(const Actor &actor, const QUuid &id, ExpectedVersion expectedVersion = {});
    Result<Item> transition(const Actor &actor, const QUuid &id, WorkflowAction action,
                            ExpectedVersion expectedVersion = {}, const QString &comment = {});
    Result<QList<AuditEvent>> history(const Actor &actor, const QUuid &id);
    // The discussion: any user, any status; comments are never changed.
    Result<QList<Comment>> comments(const Actor &actor, const QUuid &id);
    Result<Comment> addComment(const Actor &actor, const QUuid &id, const QString &body);

protected:
    WorkItemService(ServiceContext &context, EntityType type);
    ~WorkItemService() = default;
    WorkItemService(const WorkItemService &) = delete;
    WorkItemService &operator=(const WorkItemService &) = delete;

    ServiceContext &m_context;
    EntityMetrics m_metrics;
};

} // namespace signoff
