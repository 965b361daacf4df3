// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "KeysetQuery.h"
#include "domain/Queries.h"

#include <QUuid>

namespace signoff {

// The columns of a workflow item's list (features, orders): what each sort
// key and filter of ItemQuery means for that table.
struct ItemColumns
{
    QString status;
    QString ownerId;
    QString ownerUsername;
    QString createdAt;
    QString updatedAt;
    QString name;   // what SortKey::Name sorts by
    QString search; // what ItemQuery::search matches
    // "Not approved by ?": a condition on the item's current submission.
    QString notApprovedBy;
};

// An item as a list names it: which one, at which version. A version is
// bumped by every change, so (id, version) always means the same content.
struct ItemVersion
{
    QUuid id;
    int version = 0;
};

// Applies filters, sort and cursor of `query` to `keyset`.
Result<void> applyItemQuery(KeysetQuery &keyset, const ItemQuery &query, const ItemColumns &columns,
                            const QUuid &actorId);

// The sort column for a key, so a page's cursor can be made from its last row.
QString sortColumn(const ItemColumns &columns, SortKey key);

} // namespace signoff
