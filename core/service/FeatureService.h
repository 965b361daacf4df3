// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ChangeSubscription.h"
#include "ReadCache.h"
#include "WorkItemService.h"
#include "domain/Feature.h"
#include "domain/Page.h"
#include "domain/Queries.h"
#include "domain/Result.h"

namespace signoff {

struct FeatureKind; // FeatureService.cpp
extern template class WorkItemService<Feature, FeatureKind>;

// Features: create, read, edit drafts, delete drafts, move through the
// workflow. Any signed-in user may read and create; edits and deletion are
// for the owner or an administrator; transitions follow core/domain/Workflow.
// get() answers from a read cache (ServiceOptions::readCacheTtl) that every
// announced change of the feature invalidates before its author returns;
// list() reads ids and versions and takes from the cache what it holds at
// those versions.
class FeatureService : public WorkItemService<Feature, FeatureKind>
{
public:
    explicit FeatureService(ServiceContext &context);

    Result<Feature> create(const Actor &actor, const NewFeature &input);
    Result<Feature> get(const Actor &actor, const QUuid &id);
    Result<Page<Feature>> list(const Actor &actor, const ItemQuery &query);
    Result<Feature> update(const Actor &actor, const QUuid &id, const FeaturePatch &patch,
                           ExpectedVersion expectedVersion = {});

private:
    ReadCache<QUuid, Feature> m_cache;
    ChangeSubscription m_changes;
};

} // namespace signoff
