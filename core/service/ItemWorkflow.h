// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ServiceContext.h"
#include "ServiceLog.h"
#include "domain/Clock.h"
#include "domain/Validation.h"
#include "storage/AuditRepository.h"

namespace signoff {

// What features and orders share: loading, the workflow transitions, the
// edit/delete preconditions and the history. `Traits` names the item type,
// its repository, its entity type, its not-found message, and any extra
// transition rule of its own (an order needs lines to be submitted).
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
            auto item = find(connection, id);
            if (!item)
                return item;
            const WorkflowActor who = workflowActor(actor, item->ownerId);
            if (!Workflow::mayPerform(action, who))
                return *Workflow::check(item->status, action, who);
            if (!versionMatches(expectedVersion, item->version))
                return Error::preconditionFailed();
            if (auto problem = Workflow::check(item->status, action, who))
                return *problem;
            if (auto problem = Traits::checkTransition(*item, action))
                return *problem;

            Item updated = *item;
            updated.status = *Workflow::target(item->status, action);
            updated.version = item->version + 1;
            updated.updatedAt = utcNow();
            AuditEvent event = auditEvent(actor, toString(action), Traits::entityType, idText(id), updated.updatedAt);
            event.fromStatus = toString(item->status);
            event.toStatus = toString(updated.status);
            event.version = updated.version;
            event.comment = text;
            if (auto stored = store(connection, updated, item->version, event); !stored)
                return stored.error();
            return updated;
        });
        if (result) {
            qCInfo(lcService).noquote() << toString(Traits::entityType) << idText(id) << toString(action) << "by"
                                        << actor.username << "->" << toString(result->status);
            context.notifier.announce(Traits::entityType, idText(id));
        }
        return result;
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
            qCInfo(lcService).noquote() << toString(Traits::entityType) << idText(id) << "deleted by" << actor.username;
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
