// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Connection.h"
#include "ItemListing.h"
#include "domain/Feature.h"
#include "domain/Page.h"
#include "domain/Queries.h"
#include "domain/Result.h"

#include <optional>

namespace signoff {

// Rows of the seed's feature_data table.
class FeatureRepository
{
public:
    explicit FeatureRepository(Connection &connection) : m_connection(connection) {}

    Result<void> insert(const Feature &feature);
    // The feature with the approvals of its current submission.
    Result<std::optional<Feature>> findById(const QUuid &id);
    // Locks the feature's row until the transaction ends (PostgreSQL: FOR
    // UPDATE), so decisions on it are made one after the other.
    Result<void> lock(const QUuid &id);
    // Writes name, options, status, version, updated_at, required approvals
    // and submitted version (not the approvals) if the row is
    // still at `expectedVersion`; false when someone changed it first.
    Result<bool> update(const Feature &feature, int expectedVersion);
    Result<bool> remove(const QUuid &id, int expectedVersion);
    Result<Page<Feature>> list(const ItemQuery &query, const QUuid &actorId);
    // The same page as list(), as ids and versions only (a narrow read):
    // for a caller that has most rows at hand already.
    Result<Page<ItemVersion>> listVersions(const ItemQuery &query, const QUuid &actorId);
    // The features with these ids, in no particular order; ids that do not
    // exist are left out.
    Result<QList<Feature>> findByIds(const QList<QUuid> &ids);

private:
    Connection &m_connection;
};

} // namespace signoff
