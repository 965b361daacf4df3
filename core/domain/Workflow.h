// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Error.h"
#include "Role.h"

#include <QList>
#include <QString>
#include <optional>

namespace signoff {

// The review workflow (docs/design.md, "State machine"), shared by features
// and orders.
enum class ItemStatus { Draft, Pending, Approved, Rejected };
enum class WorkflowAction { Submit, Approve, Reject, Revise, Withdraw };

QString toString(ItemStatus status);
std::optional<ItemStatus> itemStatusFromString(const QString &text);
QString toString(WorkflowAction action);
std::optional<WorkflowAction> workflowActionFromString(const QString &text);

// Who is asking, relative to the item: the workflow needs the role, whether
// the actor owns the item and whether they approved its current submission.
struct WorkflowActor
{
    Role role = Role::Requester;
    bool isOwner = false;
    bool hasApproved = false;
};

// The single transition table. Everything that needs to know whether a
// transition exists, who may make it, or which buttons to show asks here.
class Workflow
{
public:
    static constexpr ItemStatus initialStatus = ItemStatus::Draft;

    // The status `action` leads to from `from`, if the table has that edge.
    static std::optional<ItemStatus> target(ItemStatus from, WorkflowAction action);

    // Whether the actor may make `action` at all (role and ownership),
    // independent of the item's current status.
    static bool mayPerform(WorkflowAction action, const WorkflowActor &actor);

    // The full check in the contract's order: Forbidden first (the actor may
    // never do this to this item), then Conflict (not from this status).
    static std::optional<Error> check(ItemStatus from, WorkflowAction action, const WorkflowActor &actor);

    // The actions this actor may make on an item in `status` right now (not
    // a second approval of the same submission).
    static QList<WorkflowAction> available(ItemStatus status, const WorkflowActor &actor);

    // Approvals are counted against the number fixed at submit: the one
    // that reaches it approves, the others leave the item pending.
    static ItemStatus afterApproval(int approvals, int requiredApprovals);
    // A second approval of the same submission by the same person.
    static Error alreadyApproved();

    // Whether an action that decides a submission (approve, reject,
    // withdraw) may name any version since the item was submitted:
    // approvals by others change the version, not what was submitted.
    static bool decidesSubmission(WorkflowAction action);

    // Content edits (PATCH) and deletion: owner or admin, only in draft.
    static bool mayEdit(const WorkflowActor &actor);
    static bool isEditable(ItemStatus status);
    static std::optional<Error> checkEdit(ItemStatus status, const WorkflowActor &actor);
    static std::optional<Error> checkDelete(ItemStatus status, const WorkflowActor &actor);

    // A reason is required for these actions (reject).
    static bool requiresReason(WorkflowAction action);
    // Decisions (approve, reject) are always about a version the actor saw:
    // without one they are refused (428 over REST; docs/design.md, "State
    // machine").
    static bool requiresVersion(WorkflowAction action);
};

} // namespace signoff
