// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Connection.h"
#include "domain/Approval.h"
#include "domain/EntityType.h"
#include "domain/Result.h"

#include <QHash>
#include <QList>
#include <QUuid>

namespace signoff {

// The approvals of features (feature_approval) or orders (order_approval).
// The table's unique key (item, submission, approver) is what allows one
// approval per person per submission; rows go when their item goes back to
// draft (removeAll) or is deleted (ON DELETE CASCADE).
class ApprovalRepository
{
public:
    // `type` is Feature or Order.
    ApprovalRepository(Connection &connection, EntityType type);

    Result<void> insert(const QUuid &itemId, int submission, const Approval &approval);
    Result<void> removeAll(const QUuid &itemId);
    // The approvals of one submission of an item, oldest first.
    Result<QList<Approval>> of(const QUuid &itemId, int submission);
    // The approvals of many items' submissions (id → submission), oldest
    // first per item; items without approvals are left out.
    Result<QHash<QUuid, QList<Approval>>> ofItems(const QHash<QUuid, int> &submissions);

private:
    Connection &m_connection;
    QString m_select; // the columns below, from this type's table
    QString m_table;
    QString m_itemColumn;
};

// Fills `approvals` of each item that was submitted (drafts have none), in
// one statement per 512 items.
template<typename Item>
Result<void> attachApprovals(Connection &connection, EntityType type, QList<Item> &items)
{
    QHash<QUuid, int> submissions;
    for (const Item &item : items) {
        if (item.submittedVersion)
            submissions.insert(item.id, *item.submittedVersion);
    }
    if (submissions.isEmpty())
        return {};
    auto found = ApprovalRepository(connection, type).ofItems(submissions);
    if (!found)
        return found.error();
    for (Item &item : items)
        item.approvals = found->value(item.id);
    return {};
}

} // namespace signoff
