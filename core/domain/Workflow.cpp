// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Workflow.h"

#include <array>

namespace signoff {

namespace {

struct Transition
{
    ItemStatus from;
    WorkflowAction action;
    ItemStatus to;
};

constexpr std::array transitions{
    Transition{ItemStatus::Draft, WorkflowAction::Submit, ItemStatus::Pending},
    Transition{ItemStatus::Pending, WorkflowAction::Approve, ItemStatus::Approved},
    Transition{ItemStatus::Pending, WorkflowAction::Reject, ItemStatus::Rejected},
    Transition{ItemStatus::Pending, WorkflowAction::Withdraw, ItemStatus::Draft},
    Transition{ItemStatus::Rejected, WorkflowAction::Revise, ItemStatus::Draft},
};

constexpr std::array allActions{WorkflowAction::Submit, WorkflowAction::Approve, WorkflowAction::Reject,
                                WorkflowAction::Revise, WorkflowAction::Withdraw};
constexpr std::array allStatuses{ItemStatus::Draft, ItemStatus::Pending, ItemStatus::Approved,
                                 ItemStatus::Rejected};

bool isReviewerRole(Role role)
{
    return role == Role::Reviewer || role == Role::Admin;
}

} // namespace

QString toString(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Draft: return QStringLiteral("draft");
    case ItemStatus::Pending: return QStringLiteral("pending");
    case ItemStatus::Approved: return QStringLiteral("approved");
    case ItemStatus::Rejected: return QStringLiteral("rejected");
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<ItemStatus> itemStatusFromString(const QString &text)
{
    for (ItemStatus status : allStatuses) {
        if (text == toString(status))
            return status;
    }
    return std::nullopt;
}

QString toString(WorkflowAction action)
{
    switch (action) {
    case WorkflowAction::Submit: return QStringLiteral("submit");
    case WorkflowAction::Approve: return QStringLiteral("approve");
    case WorkflowAction::Reject: return QStringLiteral("reject");
    case WorkflowAction::Revise: return QStringLiteral("revise");
    case WorkflowAction::Withdraw: return QStringLiteral("withdraw");
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<WorkflowAction> workflowActionFromString(const QString &text)
{
    for (WorkflowAction action : allActions) {
        if (text == toString(action))
            return action;
    }
    return std::nullopt;
}

std::optional<ItemStatus> Workflow::target(ItemStatus from, WorkflowAction action)
{
    for (const Transition &transition : transitions) {
        if (transition.from == from && transition.action == action)
            return transition.to;
    }
    return std::nullopt;
}

bool Workflow::mayPerform(WorkflowAction action, const WorkflowActor &actor)
{
    switch (action) {
    case WorkflowAction::Submit:
    case WorkflowAction::Revise:
    case WorkflowAction::Withdraw:
        return actor.isOwner;
    case WorkflowAction::Approve:
    case WorkflowAction::Reject:
        // Separation of duties: nobody reviews their own item, admins included.
        return isReviewerRole(actor.role) && !actor.isOwner;
    }
    return false;
}

std::optional<Error> Workflow::check(ItemStatus from, WorkflowAction action, const WorkflowActor &actor)
{
    if (!mayPerform(action, actor)) {
        switch (action) {
        case WorkflowAction::Submit:
            return Error::forbidden(Message(QT_TRANSLATE_NOOP("Core", "Only the owner can submit this item.")));
        case WorkflowAction::Revise:
            return Error::forbidden(Message(QT_TRANSLATE_NOOP("Core", "Only the owner can revise this item.")));
        case WorkflowAction::Withdraw:
            return Error::forbidden(Message(QT_TRANSLATE_NOOP("Core", "Only the owner can withdraw this item.")));
        case WorkflowAction::Approve:
        case WorkflowAction::Reject:
            if (actor.isOwner)
                return Error::forbidden(
                    Message(QT_TRANSLATE_NOOP("Core", "Nobody may approve or reject an item they own.")));
            return Error::forbidden(
                Message(QT_TRANSLATE_NOOP("Core", "Only reviewers and administrators can approve or reject items.")));
        }
    }
    if (!target(from, action)) {
        return Error::conflict(QStringLiteral("invalid-transition"),
                               Message(QT_TRANSLATE_NOOP("Core", "An item in status ‘%1’ cannot be given ‘%2’."),
                                       {toString(from), toString(action)}));
    }
    return std::nullopt;
}

QList<WorkflowAction> Workflow::available(ItemStatus status, const WorkflowActor &actor)
{
    QList<WorkflowAction> actions;
    for (WorkflowAction action : allActions) {
        if (action == WorkflowAction::Approve && actor.hasApproved)
            continue;
        if (target(status, action) && mayPerform(action, actor))
            actions.append(action);
    }
    return actions;
}

ItemStatus Workflow::afterApproval(int approvals, int requiredApprovals)
{
    return approvals >= requiredApprovals ? ItemStatus::Approved : ItemStatus::Pending;
}

Error Workflow::alreadyApproved()
{
    return Error::conflict(QStringLiteral("already-approved"),
                           Message(QT_TRANSLATE_NOOP("Core", "You have already approved this item.")));
}

bool Workflow::decidesSubmission(WorkflowAction action)
{
    return action == WorkflowAction::Approve || action == WorkflowAction::Reject || action == WorkflowAction::Withdraw;
}

bool Workflow::mayEdit(const WorkflowActor &actor)
{
    return actor.isOwner || actor.role == Role::Admin;
}

bool Workflow::isEditable(ItemStatus status)
{
    return status == ItemStatus::Draft;
}

std::optional<Error> Workflow::checkEdit(ItemStatus status, const WorkflowActor &actor)
{
    if (!mayEdit(actor))
        return Error::forbidden(Message(QT_TRANSLATE_NOOP("Core", "Only the owner or an administrator can change this item.")));
    if (!isEditable(status))
        return Error::conflict(QStringLiteral("not-editable"),
                               Message(QT_TRANSLATE_NOOP("Core", "Only drafts can be changed; this item is ‘%1’."),
                                       {toString(status)}));
    return std::nullopt;
}

std::optional<Error> Workflow::checkDelete(ItemStatus status, const WorkflowActor &actor)
{
    if (!mayEdit(actor))
        return Error::forbidden(Message(QT_TRANSLATE_NOOP("Core", "Only the owner or an administrator can delete this item.")));
    if (!isEditable(status))
        return Error::conflict(QStringLiteral("not-deletable"),
                               Message(QT_TRANSLATE_NOOP("Core", "Only drafts can be deleted; this item is ‘%1’."),
                                       {toString(status)}));
    return std::nullopt;
}

bool Workflow::requiresReason(WorkflowAction action)
{
    return action == WorkflowAction::Reject;
}

bool Workflow::requiresVersion(WorkflowAction action)
{
    return action == WorkflowAction::Approve || action == WorkflowAction::Reject;
}

} // namespace signoff
