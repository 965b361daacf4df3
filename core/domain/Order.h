// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Approval.h"
#include "Workflow.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>
#include <optional>

namespace signoff {

struct LineItem
{
    QUuid id;
    QUuid productId;
    QString productSku;
    QString productName;
    int quantity = 1;
    // Copied from the product when the line was written, so later price
    // changes never alter an order.
    qint64 unitPriceCents = 0;

    qint64 lineTotalCents() const { return unitPriceCents * quantity; }
};

struct Order
{
    QUuid id;
    QUuid ownerId;
    QString ownerUsername;
    ItemStatus status = ItemStatus::Draft;
    QString note;
    QList<LineItem> lines;
    int version = 1;
    QDateTime createdAt;
    QDateTime updatedAt;
    // Fixed from the approval policy when the item is submitted.
    int requiredApprovals = 1;
    // The version the item got when it was last submitted; none for a draft.
    std::optional<int> submittedVersion;
    // The approvals of that submission, oldest first (docs/design.md, "Approval
    // policies").
    QList<Approval> approvals;

    qint64 totalCents() const;
};

struct NewLine
{
    QUuid productId;
    int quantity = 1;
};

struct NewOrder
{
    QList<NewLine> lines;
    QString note;
};

struct OrderPatch
{
    std::optional<QList<NewLine>> lines;
    std::optional<QString> note;
};

} // namespace signoff
