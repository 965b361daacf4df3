// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ApprovalPolicy.h"

#include <QJsonArray>

namespace signoff {

namespace {

const QString requiredKey = QStringLiteral("required_approvals");
const QString thresholdsKey = QStringLiteral("thresholds");
const QString totalKey = QStringLiteral("total_cents_at_least");

std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number != double(qint64(number)))
        return std::nullopt;
    return qint64(number);
}

std::optional<int> smallNumber(const QJsonValue &value)
{
    const auto number = wholeNumber(value);
    if (!number || *number < -1000000 || *number > 1000000)
        return std::nullopt;
    return int(*number);
}

} // namespace

int ApprovalPolicy::requiredForOrder(qint64 totalCents) const
{
    int required = orderApprovals;
    for (const ApprovalThreshold &threshold : orderThresholds) {
        if (totalCents >= threshold.totalCentsAtLeast)
            required = threshold.requiredApprovals;
    }
    return required;
}

QJsonObject ApprovalPolicy::toJson() const
{
    QJsonArray thresholds;
    for (const ApprovalThreshold &threshold : orderThresholds)
        thresholds.append(QJsonObject{{totalKey, threshold.totalCentsAtLeast}, {requiredKey, threshold.requiredApprovals}});
    return {
        {QStringLiteral("feature"), QJsonObject{{requiredKey, featureApprovals}}},
        {QStringLiteral("order"), QJsonObject{{requiredKey, orderApprovals}, {thresholdsKey, thresholds}}},
    };
}

std::optional<ApprovalPolicy> ApprovalPolicy::fromJson(const QJsonObject &document)
{
    const QJsonObject feature = document.value(QStringLiteral("feature")).toObject();
    const QJsonObject order = document.value(QStringLiteral("order")).toObject();
    ApprovalPolicy policy;
    const auto featureApprovals = smallNumber(feature.value(requiredKey));
    const auto orderApprovals = smallNumber(order.value(requiredKey));
    if (!featureApprovals || !orderApprovals)
        return std::nullopt;
    policy.featureApprovals = *featureApprovals;
    policy.orderApprovals = *orderApprovals;
    const QJsonValue thresholds = order.value(thresholdsKey);
    if (!thresholds.isUndefined() && !thresholds.isArray())
        return std::nullopt;
    for (const QJsonValue &entry : thresholds.toArray()) {
        const auto total = wholeNumber(entry.toObject().value(totalKey));
        const auto required = smallNumber(entry.toObject().value(requiredKey));
        if (!total || !required)
            return std::nullopt;
        policy.orderThresholds.append(ApprovalThreshold{*total, *required});
    }
    return policy;
}

bool ApprovalPolicy::sameRules(const ApprovalPolicy &other) const
{
    return featureApprovals == other.featureApprovals && orderApprovals == other.orderApprovals
        && orderThresholds == other.orderThresholds;
}

} // namespace signoff
