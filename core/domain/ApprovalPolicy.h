// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QJsonObject>
#include <QList>
#include <optional>

namespace signoff {

// Orders whose total reaches `totalCentsAtLeast` need `requiredApprovals`.
struct ApprovalThreshold
{
    qint64 totalCentsAtLeast = 0;
    int requiredApprovals = 1;

    bool operator==(const ApprovalThreshold &) const = default;
};

// How many distinct approvals an item needs (docs/design.md, "Approval
// policies"). The number is read when an item is submitted and fixed on it
// then, so a change of the policy never alters items already pending.
struct ApprovalPolicy
{
    int featureApprovals = 1;
    int orderApprovals = 1;
    // Ascending by totalCentsAtLeast; the last one an order's total reaches
    // applies, none reached: orderApprovals.
    QList<ApprovalThreshold> orderThresholds;
    // Of the stored policy, for If-Match/ETag; not part of its document.
    int version = 1;

    int requiredForFeature() const { return featureApprovals; }
    int requiredForOrder(qint64 totalCents) const;

    // The document of the contract:
    // {"feature":{"required_approvals":1},"order":{"required_approvals":1,
    //  "thresholds":[{"total_cents_at_least":100000,"required_approvals":2}]}}
    QJsonObject toJson() const;
    // The stored document back; nothing when it is not one (validate::policy
    // judges the values).
    static std::optional<ApprovalPolicy> fromJson(const QJsonObject &document);

    bool sameRules(const ApprovalPolicy &other) const;
};

} // namespace signoff
