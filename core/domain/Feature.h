// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Approval.h"
#include "Workflow.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>
#include <optional>

namespace signoff {

// A row of the seed's feature_data table with the contract's columns.
struct Feature
{
    QUuid id;
    QString name;
    QJsonObject options;
    ItemStatus status = ItemStatus::Draft;
    QUuid ownerId;
    QString ownerUsername;
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
};

struct NewFeature
{
    QString name;
    QJsonObject options;
};

struct FeaturePatch
{
    std::optional<QString> name;
    std::optional<QJsonObject> options;
};

} // namespace signoff
