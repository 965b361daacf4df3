// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Format.h"

#include <QLocale>
#include <QUuid>

#include <algorithm>

namespace signoff {

QString Format::status(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Draft: return tr("Draft");
    case ItemStatus::Pending: return tr("Pending");
    case ItemStatus::Approved: return tr("Approved");
    case ItemStatus::Rejected: return tr("Rejected");
    }
    return {};
}

QString Format::action(WorkflowAction action)
{
    switch (action) {
    case WorkflowAction::Submit: return tr("Submit");
    case WorkflowAction::Approve: return tr("Approve");
    case WorkflowAction::Reject: return tr("Reject");
    case WorkflowAction::Revise: return tr("Revise");
    case WorkflowAction::Withdraw: return tr("Withdraw");
    }
    return {};
}

QString Format::actionUnderWay(WorkflowAction action)
{
    switch (action) {
    case WorkflowAction::Submit: return tr("Submitting…");
    case WorkflowAction::Approve: return tr("Approving…");
    case WorkflowAction::Reject: return tr("Rejecting…");
    case WorkflowAction::Revise: return tr("Revising…");
    case WorkflowAction::Withdraw: return tr("Withdrawing…");
    }
    return {};
}

QString Format::auditAction(const QString &action)
{
    if (action == QStringLiteral("create"))
        return tr("created");
    if (action == QStringLiteral("update"))
        return tr("changed");
    if (action == QStringLiteral("delete"))
        return tr("deleted");
    if (action == QStringLiteral("submit"))
        return tr("submitted");
    if (action == QStringLiteral("approve"))
        return tr("approved");
    if (action == QStringLiteral("reject"))
        return tr("rejected");
    if (action == QStringLiteral("revise"))
        return tr("revised");
    if (action == QStringLiteral("withdraw"))
        return tr("withdrew");
    if (action == QStringLiteral("comment"))
        return tr("commented");
    if (action == QStringLiteral("sign_in"))
        return tr("signed in");
    if (action == QStringLiteral("sign_out"))
        return tr("signed out");
    return action;
}

QString Format::role(Role role)
{
    switch (role) {
    case Role::Requester: return tr("Requester");
    case Role::Reviewer: return tr("Reviewer");
    case Role::Admin: return tr("Administrator");
    }
    return {};
}

QString Format::entityType(EntityType type)
{
    switch (type) {
    case EntityType::Feature: return tr("Feature");
    case EntityType::Order: return tr("Order");
    case EntityType::Product: return tr("Product");
    case EntityType::User: return tr("User");
    case EntityType::Policy: return tr("Approval policy");
    }
    return {};
}

QString Format::entityType(const QString &type)
{
    if (const auto known = entityTypeFromString(type))
        return entityType(*known);
    return type;
}

QString Format::money(qint64 cents)
{
    const QLocale locale;
    const qint64 whole = cents / 100;
    const qint64 fraction = qAbs(cents % 100);
    QString text = locale.toString(whole) + locale.decimalPoint() + QStringLiteral("%1").arg(qlonglong(fraction), 2, 10, QLatin1Char('0'));
    if (cents < 0 && whole == 0)
        text.prepend(locale.negativeSign());
    return text;
}

QString Format::dateTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString Format::shortId(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces).left(8);
}

QString Format::shortId(const QString &id)
{
    return id.left(8);
}

QString Format::approvalProgress(int approvals, int required)
{
    return tr("%1 of %2").arg(approvals).arg(required);
}

QString Format::duration(std::optional<double> seconds)
{
    if (!seconds)
        return tr("none");
    const QLocale locale;
    // Whole units, rounded down: "3 h 20 min" never claims more than waited.
    const qint64 total = std::max<qint64>(0, qint64(*seconds));
    const qint64 days = total / 86400;
    const qint64 hours = total % 86400 / 3600;
    const qint64 minutes = total % 3600 / 60;
    if (days >= 10 || (days > 0 && hours == 0))
        return tr("%1 d").arg(locale.toString(days));
    if (days > 0)
        return tr("%1 d %2 h").arg(locale.toString(days), locale.toString(hours));
    if (hours > 0 && minutes == 0)
        return tr("%1 h").arg(locale.toString(hours));
    if (hours > 0)
        return tr("%1 h %2 min").arg(locale.toString(hours), locale.toString(minutes));
    if (minutes > 0)
        return tr("%1 min").arg(locale.toString(minutes));
    return tr("%1 s").arg(locale.toString(total));
}

} // namespace signoff
