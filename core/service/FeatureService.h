// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ChangeSubscription.h"
#include "EntityMetrics.h"
#include "ReadCache.h"
#include "ServiceContext.h"
#include "domain/AuditEvent.h"
#include "domain/Comment.h"
#include "domain/Feature.h"
#include "domain/Page.h"
#include "domain/Queries.h"
#include "domain/Result.h"

namespace signoff {

// Features: create, read, edit drafts, delete drafts, move through the
// workflow. Any signed-in user may read and create; edits and deletion are
// for the owner or an administrator; transitions follow core/domain/Workflow.
// get() answers from a read cache (ServiceOptions::readCacheTtl) that every
// announced change of the feature invalidates before its author returns;
// list() reads ids and versions and takes from the cache what it holds at
// those versions.
class FeatureService
{
public:
    explicit FeatureService(ServiceContext &context);

    Result<Feature> create(const Actor &actor, const NewFeature &input);
    Result<Feature> get(const Actor &actor, const QUuid &id);
    Result<Page<Feature>> list(const Actor &actor, const ItemQuery &query);
    Result<Feature> update(const Actor &actor, const QUuid &id, const FeaturePatch &patch,
                           ExpectedVersion expectedVersion = {});
    Result<void> remove(const Actor &actor, const QUuid &id, ExpectedVersion expectedVersion = {});
    Result<Feature> transition(const Actor &actor, const QUuid &id, WorkflowAction action,
                               ExpectedVersion expectedVersion = {}, const QString &comment = {});
    Result<QList<AuditEvent>> history(const Actor &actor, const QUuid &id);
    // The discussion: any user, any status; comments are never changed.
    Result<QList<Comment>> comments(const Actor &actor, const QUuid &id);
    Result<Comment> addComment(const Actor &actor, const QUuid &id, const QString &body);

private:
    ServiceContext &m_context;
    EntityMetrics m_metrics;
    ReadCache<QUuid, Feature> m_cache;
    ChangeSubscription m_changes;
};

} // namespace signoff
