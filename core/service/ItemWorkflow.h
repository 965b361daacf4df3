// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "WritePath.h"
#include "domain/Validation.h"
#include "storage/ApprovalRepository.h"
#include "storage/PolicyRepository.h"

#include <QJsonArray>

namespace signoff {

// The parts of a WritePath kind that the review workflow decides, for
// features and orders. Checks run in the order of the contract: existence
// (404, the path's), the actor's right (403), the caller's version (412),
// the item's status (409).
struct DecidedByWorkflow
{
    template<typename Item>
    static QString status(const Item &item) { return toString(item.status); }

    template<typename Item>
    static std::optional<Error> refuseEdit(const Actor &actor, const Item &item, const ExpectedVersion &expectedVersion)
    {
        const WorkflowActor who = workflowActor(actor, item.ownerId);
        if (!Workflow::mayEdit(who))
            return Workflow::checkEdit(item.status, who);
        if (!versionMatches(expectedVersion, item.version))
            return Error::preconditionFailed();
        return Workflow::checkEdit(item.status, who);
    }

    template<typename Item>
    static std::optional<Error> refuseDelete(const Actor &actor, const Item &item, const ExpectedVersion &expectedVersion)
    {
        const WorkflowActor who = workflowActor(actor, item.ownerId);
        if (!Workflow::mayEdit(who))
            return Workflow::checkDelete(item.status, who);
        if (!versionMatches(expectedVersion, item.version))
            return Error::preconditionFailed();
        return Workflow::checkDelete(item.status, who);
    }
};

// What features and orders share beyond the write path (WritePath.h, which
// creates, edits and deletes them): the workflow transitions with their
// approvals, the history and the comments. `Kind` is the item's WritePath
// kind, which also names its repository, the number of approvals the policy
// asks of it, and any extra transition rule of its own (an order needs lines
// to be submitted).
//
// Checks run in the order of the contract: the input (400), existence (404),
// the actor's right (403), the caller's version (412), the item's status (409).
template<typename Kind>
class ItemWorkflow
{
public:
    using Item = typename Kind::Item;
    using Repository = typename Kind::Repository;
    using Path = WritePath<Kind>;

    // The caller's version check of a transition. A decision on a
    // submission (approve, reject, withdraw) may name any version since the
    // item was submitted: approvals by others make a new version of the
    // item, not of what was submitted. Everything else needs the current one.
    static bool acceptsVersion(WorkflowAction action, const Item &item, const ExpectedVersion &expected)
    {
        if (versionMatches(expected, item.version))
            return true;
        return Workflow::decidesSubmission(action) && item.submittedVersion
            && expected.namesOneIn(*item.submittedVersion, item.version);
    }

    static WorkflowActor workflowActorFor(const Actor &actor, const Item &item)
    {
        WorkflowActor who = workflowActor(actor, item.ownerId);
        who.hasApproved = hasApprovalBy(item.approvals, actor.id);
        return who;
    }

    static Result<Item> transition(ServiceContext &context, const Actor &actor, const QUuid &id,
                                   WorkflowAction action, const ExpectedVersion &expectedVersion,
                                   const QString &comment)
    {
        const QString text = normalizedText(comment);
        if (Workflow::requiresReason(action)) {
            if (auto problem = validate::reason(comment))
                return Error::invalidField(QStringLiteral("reason"), *problem);
        } else if (auto problem = validate::comment(comment)) {
            return Error::invalidField(QStringLiteral("comment"), *problem);
        }

        auto result = context.database.write([&](Connection &connection) -> Result<Item> {
            // Decisions on one item are made one after the other: each reads
            // the approvals the one before it wrote.
            if (auto locked = Repository(connection).lock(id); !locked)
                return locked.error();
            auto item = Path::find(connection, id);
            if (!item)
                return item;
            const WorkflowActor who = workflowActorFor(actor, *item);
            if (!Workflow::mayPerform(action, who))
                return *Workflow::check(item->status, action, who);
            if (!expectedVersion && Workflow::requiresVersion(action))
                return Error::preconditionRequired();
            if (!acceptsVersion(action, *item, expectedVersion))
                return Error::preconditionFailed();
            if (auto problem = Workflow::check(item->status, action, who))
                return *problem;
            if (action == WorkflowAction::Approve && who.hasApproved)
                return Workflow::alreadyApproved();
            if (auto problem = Kind::checkTransition(*item, action))
                return *problem;

            Item updated = *item;
            updated.status = *Workflow::target(item->status, action);
            updated.version = item->version + 1;
            updated.updatedAt = utcNow();
            AuditEvent event = auditEvent(actor, toString(action), Kind::entityType, idText(id), updated.updatedAt);
            event.comment = text;
            if (auto applied = applyTransition(connection, actor, action, *item, updated, event); !applied)
                return applied.error();
            event.fromStatus = toString(item->status);
            event.toStatus = toString(updated.status);
            event.version = updated.version;
            if (auto stored = Path::store(connection, updated, item->version, event); !stored)
                return stored.error();
            return updated;
        });
        if (result)
            Path::announce(context, actor, toString(action) + QStringLiteral(" -> ") + toString(result->status), *result);
        return result;
    }

    // What a transition does beyond the status: submit fixes the number of
    // approvals from the policy; an approval is recorded and decides the
    // status by the count; going back to draft drops the approvals.
    static Result<void> applyTransition(Connection &connection, const Actor &actor, WorkflowAction action,
                                        const Item &item, Item &updated, AuditEvent &event)
    {
        ApprovalRepository approvals(connection, Kind::entityType);
        switch (action) {
        case WorkflowAction::Submit: {
            auto policy = PolicyRepository(connection).load();
            if (!policy)
                return policy.error();
            updated.requiredApprovals = Kind::requiredApprovals(policy.value(), item);
            updated.submittedVersion = updated.version;
            updated.approvals.clear();
            event.detail = {{QStringLiteral("required_approvals"), updated.requiredApprovals}};
            return {};
        }
        case WorkflowAction::Approve: {
            const int submission = item.submittedVersion.value_or(item.version);
            const Approval approval{actor.id, actor.username, updated.updatedAt, event.comment};
            if (auto inserted = approvals.insert(item.id, submission, approval); !inserted) {
                // The unique key refused it: this person's approval of this
                // submission is there already.
                if (inserted.error().kind == ErrorKind::Conflict)
                    return Workflow::alreadyApproved();
                return inserted.error();
            }
            updated.submittedVersion = submission;
            updated.approvals.append(approval);
            updated.status = Workflow::afterApproval(int(updated.approvals.size()), updated.requiredApprovals);
            event.detail = {{QStringLiteral("approvals"), int(updated.approvals.size())},
                            {QStringLiteral("required_approvals"), updated.requiredApprovals}};
            return {};
        }
        case WorkflowAction::Reject:
            event.detail = {{QStringLiteral("approvals"), int(item.approvals.size())},
                            {QStringLiteral("required_approvals"), item.requiredApprovals}};
            return {};
        case WorkflowAction::Revise:
        case WorkflowAction::Withdraw: {
            if (!item.approvals.isEmpty()) {
                QJsonArray dropped;
                for (const Approval &approval : item.approvals)
                    dropped.append(approval.by);
                event.detail = {{QStringLiteral("dropped_approvals"), dropped}};
            }
            if (auto removed = approvals.removeAll(item.id); !removed)
                return removed.error();
            updated.approvals.clear();
            updated.submittedVersion.reset();
            return {};
        }
        }
        return {};
    }

    static Result<QList<Comment>> comments(ServiceContext &context, const QUuid &id)
    {
        return context.database.read([&](Connection &connection) -> Result<QList<Comment>> {
            auto item = Path::find(connection, id);
            if (!item)
                return item.error();
            return AuditRepository(connection).comments(toString(Kind::entityType), idText(id));
        });
    }

    // Anyone may comment on any item in any status; a comment is an audit
    // event (action "comment"), so it is append-only and in the history. It
    // changes nothing of the item, not its version either.
    static Result<Comment> addComment(ServiceContext &context, const Actor &actor, const QUuid &id, const QString &body)
    {
        if (auto problem = validate::commentBody(body))
            return Error::invalidField(QStringLiteral("body"), *problem);
        Comment comment{0, actor.username, utcNow(), normalizedComment(body)};
        auto result = context.database.write([&](Connection &connection) -> Result<Comment> {
            // The count below is read, then written past: one at a time.
            if (auto locked = Repository(connection).lock(id); !locked)
                return locked.error();
            auto item = Path::find(connection, id);
            if (!item)
                return item.error();
            AuditRepository audit(connection);
            auto count = audit.commentCount(toString(Kind::entityType), idText(id));
            if (!count)
                return count.error();
            if (count.value() >= limits::commentsPerItemMax)
                return Error::conflict(QStringLiteral("too-many-comments"),
                                       Message(QT_TRANSLATE_NOOP("Core", "This item has %1 comments, as many as it can have."),
                                               {QString::number(limits::commentsPerItemMax)}));
            AuditEvent event = auditEvent(actor, QStringLiteral("comment"), Kind::entityType, idText(id), comment.at);
            event.comment = comment.body;
            auto appended = audit.appendReturningId(event);
            if (!appended)
                return appended.error();
            comment.id = appended.value();
            return comment;
        });
        if (result) {
            qCInfo(lcService).noquote() << toString(Kind::entityType) << idText(id) << "commented on by" << logText(actor.username);
            context.notifier.announce(Kind::entityType, idText(id));
        }
        return result;
    }

    static Result<QList<AuditEvent>> history(ServiceContext &context, const QUuid &id)
    {
        return context.database.read([&](Connection &connection) -> Result<QList<AuditEvent>> {
            auto item = Path::find(connection, id);
            if (!item)
                return item.error();
            return AuditRepository(connection).history(toString(Kind::entityType), idText(id));
        });
    }
};

} // namespace signoff
