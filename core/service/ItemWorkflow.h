// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ServiceContext.h"
#include "domain/LogText.h"
#include "ServiceLog.h"
#include "domain/Clock.h"
#include "domain/Validation.h"
#include "storage/ApprovalRepository.h"
#include "storage/AuditRepository.h"
#include "storage/PolicyRepository.h"

#include <QJsonArray>

namespace signoff {

// What features and orders share: loading, the workflow transitions with
// their approvals, the edit/delete preconditions, the history and the
// comments. `Traits` names the item type, its repository, its entity type,
// its not-found message, the number of approvals the policy asks of it, and
// any extra transition rule of its own (an order needs lines to be
// submitted).
//
// Checks run in the order of product.md: the input (400), existence (404),
// the actor's right (403), the caller's version (412), the item's status (409).
template<typename Traits>
class ItemWorkflow
{
public:
    using Item = typename Traits::Item;
    using Repository = typename Traits::Repository;

    static Result<Item> find(Connection &connection, const QUuid &id)
    {
        auto found = Repository(connection).findById(id);
        if (!found)
            return found.error();
        if (!found.value())
            return Error::notFound(Traits::notFound());
        return std::move(*found.value());
    }

    // The item, if `actor` may edit it now at `expectedVersion`.
    static Result<Item> findForEdit(Connection &connection, const Actor &actor, const QUuid &id,
                                    const std::optional<int> &expectedVersion)
    {
        auto item = find(connection, id);
        if (!item)
            return item;
        const WorkflowActor who = workflowActor(actor, item->ownerId);
        if (!Workflow::mayEdit(who))
            return *Workflow::checkEdit(item->status, who);
        if (!versionMatches(expectedVersion, item->version))
            return Error::preconditionFailed();
        if (auto problem = Workflow::checkEdit(item->status, who))
            return *problem;
        return item;
    }

    // Writes `updated` (its version already incremented) over the version
    // that was read, and the audit row; false version race → 412.
    static Result<void> store(Connection &connection, const Item &updated, int readVersion, const AuditEvent &event)
    {
        auto written = Repository(connection).update(updated, readVersion);
        if (!written)
            return written.error();
        if (!written.value())
            return Error::preconditionFailed();
        return AuditRepository(connection).append(event);
    }

    // The caller's version check of a transition. A decision on a
    // submission (approve, reject, withdraw) may name any version since the
    // item was submitted: approvals by others make a new version of the
    // item, not of what was submitted. Everything else needs the current one.
    static bool acceptsVersion(WorkflowAction action, const Item &item, const std::optional<int> &expected)
    {
        if (versionMatches(expected, item.version))
            return true;
        return Workflow::decidesSubmission(action) && item.submittedVersion && *expected >= *item.submittedVersion
            && *expected <= item.version;
    }

    static WorkflowActor workflowActorFor(const Actor &actor, const Item &item)
    {
        WorkflowActor who = workflowActor(actor, item.ownerId);
        who.hasApproved = hasApprovalBy(item.approvals, actor.id);
        return who;
    }

    static Result<Item> transition(ServiceContext &context, const Actor &actor, const QUuid &id,
                                   WorkflowAction action, const std::optional<int> &expectedVersion,
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
            auto item = find(connection, id);
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
            if (auto problem = Traits::checkTransition(*item, action))
                return *problem;

            Item updated = *item;
            updated.status = *Workflow::target(item->status, action);
            updated.version = item->version + 1;
            updated.updatedAt = utcNow();
            AuditEvent event = auditEvent(actor, toString(action), Traits::entityType, idText(id), updated.updatedAt);
            event.comment = text;
            if (auto applied = applyTransition(connection, actor, action, *item, updated, event); !applied)
                return applied.error();
            event.fromStatus = toString(item->status);
            event.toStatus = toString(updated.status);
            event.version = updated.version;
            if (auto stored = store(connection, updated, item->version, event); !stored)
                return stored.error();
            return updated;
        });
        if (result) {
            qCInfo(lcService).noquote() << toString(Traits::entityType) << idText(id) << toString(action) << "by"
                                        << logText(actor.username) << "->" << toString(result->status);
            context.notifier.announce(Traits::entityType, idText(id));
        }
        return result;
    }

    // What a transition does beyond the status: submit fixes the number of
    // approvals from the policy; an approval is recorded and decides the
    // status by the count; going back to draft drops the approvals.
    static Result<void> applyTransition(Connection &connection, const Actor &actor, WorkflowAction action,
                                        const Item &item, Item &updated, AuditEvent &event)
    {
        ApprovalRepository approvals(connection, Traits::entityType);
        switch (action) {
        case WorkflowAction::Submit: {
            auto policy = PolicyRepository(connection).load();
            if (!policy)
                return policy.error();
            updated.requiredApprovals = Traits::requiredApprovals(policy.value(), item);
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

    static Result<void> remove(ServiceContext &context, const Actor &actor, const QUuid &id,
                               const std::optional<int> &expectedVersion)
    {
        auto result = context.database.write([&](Connection &connection) -> Result<void> {
            auto item = find(connection, id);
            if (!item)
                return item.error();
            const WorkflowActor who = workflowActor(actor, item->ownerId);
            if (!Workflow::mayEdit(who))
                return *Workflow::checkDelete(item->status, who);
            if (!versionMatches(expectedVersion, item->version))
                return Error::preconditionFailed();
            if (auto problem = Workflow::checkDelete(item->status, who))
                return *problem;
            auto removed = Repository(connection).remove(id, item->version);
            if (!removed)
                return removed.error();
            if (!removed.value())
                return Error::preconditionFailed();
            AuditEvent event = auditEvent(actor, QStringLiteral("delete"), Traits::entityType, idText(id), utcNow());
            event.fromStatus = toString(item->status);
            event.version = item->version;
            event.detail = Traits::auditSummary(*item);
            return AuditRepository(connection).append(event);
        });
        if (result) {
            qCInfo(lcService).noquote() << toString(Traits::entityType) << idText(id) << "deleted by" << logText(actor.username);
            context.notifier.announce(Traits::entityType, idText(id));
        }
        return result;
    }

    static Result<QList<Comment>> comments(ServiceContext &context, const QUuid &id)
    {
        return context.database.read([&](Connection &connection) -> Result<QList<Comment>> {
            auto item = find(connection, id);
            if (!item)
                return item.error();
            return AuditRepository(connection).comments(toString(Traits::entityType), idText(id));
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
            auto item = find(connection, id);
            if (!item)
                return item.error();
            AuditRepository audit(connection);
            auto count = audit.commentCount(toString(Traits::entityType), idText(id));
            if (!count)
                return count.error();
            if (count.value() >= limits::commentsPerItemMax)
                return Error::conflict(QStringLiteral("too-many-comments"),
                                       Message(QT_TRANSLATE_NOOP("Core", "This item has %1 comments, as many as it can have."),
                                               {QString::number(limits::commentsPerItemMax)}));
            AuditEvent event = auditEvent(actor, QStringLiteral("comment"), Traits::entityType, idText(id), comment.at);
            event.comment = comment.body;
            auto appended = audit.appendReturningId(event);
            if (!appended)
                return appended.error();
            comment.id = appended.value();
            return comment;
        });
        if (result) {
            qCInfo(lcService).noquote() << toString(Traits::entityType) << idText(id) << "commented on by" << actor.username;
            context.notifier.announce(Traits::entityType, idText(id));
        }
        return result;
    }

    static Result<QList<AuditEvent>> history(ServiceContext &context, const QUuid &id)
    {
        return context.database.read([&](Connection &connection) -> Result<QList<AuditEvent>> {
            auto item = find(connection, id);
            if (!item)
                return item.error();
            return AuditRepository(connection).history(toString(Traits::entityType), idText(id));
        });
    }
};

} // namespace signoff
