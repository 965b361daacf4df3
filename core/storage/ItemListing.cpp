// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ItemListing.h"

#include "SqlValues.h"

namespace signoff {

QString sortColumn(const ItemColumns &columns, SortKey key)
{
    switch (key) {
    case SortKey::CreatedAt: return columns.createdAt;
    case SortKey::UpdatedAt: return columns.updatedAt;
    case SortKey::Name: return columns.name;
    case SortKey::Status: return columns.status;
    case SortKey::Owner: return columns.ownerUsername;
    }
    return columns.createdAt;
}

Result<void> applyItemQuery(KeysetQuery &keyset, const ItemQuery &query, const ItemColumns &columns,
                            const QUuid &actorId)
{
    if (query.status)
        keyset.where(columns.status + QStringLiteral(" = ?"), {toString(*query.status)});
    if (!query.ownerUsername.isEmpty())
        keyset.where(columns.ownerUsername + QStringLiteral(" = ?"), {query.ownerUsername});
    if (query.excludeOwnedByActor)
        keyset.where(columns.ownerId + QStringLiteral(" <> ?"), {sql::fromUuid(actorId)});
    if (query.excludeApprovedByActor)
        keyset.where(columns.notApprovedBy, {sql::fromUuid(actorId)});
    if (!query.search.isEmpty())
        keyset.where(QStringLiteral("lower(%1) LIKE ? ESCAPE '\\'").arg(columns.search), {containsPattern(query.search)});
    keyset.orderBy(sortColumn(columns, query.order.key), query.order.descending, sortValueOf(query.order.key));
    return keyset.startAfter(query.page.after);
}

} // namespace signoff
