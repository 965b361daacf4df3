// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Page.h"
#include "Workflow.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace signoff {

// Columns a list can be sorted by. Paging stays keyset-based for every key:
// the cursor carries the sort value and the id of the last row.
enum class SortKey { CreatedAt, UpdatedAt, Name, Status, Owner };

struct ListOrder
{
    SortKey key = SortKey::CreatedAt;
    bool descending = true;
};

// Filters shared by the feature and order lists.
struct ItemQuery
{
    std::optional<ItemStatus> status;
    QString ownerUsername;   // empty = anyone
    QString search;          // case-insensitive substring of the name (features) or note (orders)
    bool excludeOwnedByActor = false; // the review queue: items the actor does not own
    bool excludeApprovedByActor = false; // ... and has not approved yet (N of M)
    ListOrder order;
    PageRequest page;
};

struct ProductQuery
{
    std::optional<bool> active;
    QString search; // sku or name
    ListOrder order;
    PageRequest page;
};

struct UserQuery
{
    QString search; // username or display name
    ListOrder order; // CreatedAt, UpdatedAt or Name (the username)
    PageRequest page;
};

struct AuditQuery
{
    QString entityType;
    QString entityId;
    QString actorUsername;
    QDateTime since; // valid: only events at or after it (exports)
    bool oldestFirst = false; // the log reads newest first
    PageRequest page;
};

} // namespace signoff
