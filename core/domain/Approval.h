// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace signoff {

// One reviewer's approval of one submission of an item (docs/design.md,
// "Approval policies"). An item collects them while pending; the one that
// reaches the item's required number approves it.
struct Approval
{
    QUuid approverId;
    QString by; // the approver's username
    QDateTime at;
    QString comment;
};

// Whether `approvals` hold one by this user.
inline bool hasApprovalBy(const QList<Approval> &approvals, const QUuid &userId)
{
    for (const Approval &approval : approvals) {
        if (!userId.isNull() && approval.approverId == userId)
            return true;
    }
    return false;
}

} // namespace signoff
