// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AuditService.h"

#include "domain/EventType.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"

namespace signoff {

AuditService::AuditService(ServiceContext &context)
    : m_context(context)
{
}

Result<Page<AuditEvent>> AuditService::list(const Actor &actor, const AuditQuery &query)
{
    if (!actor.isReviewer())
        return Error::forbidden(Message(QT_TRANSLATE_NOOP("Core", "Only reviewers and administrators can read the audit log.")));
    // Webhook endpoints have no EntityType (nothing announces them) but are audited.
    if (!query.entityType.isEmpty() && !entityTypeFromString(query.entityType) && query.entityType != QStringLiteral("webhook"))
        return Error::invalidField(QStringLiteral("entity_type"),
                                   Message(QT_TRANSLATE_NOOP("Core", "Unknown entity type ‘%1’; use feature, order, product or user."),
                                           {query.entityType}));
    return m_context.database.run([&](Connection &connection) { return AuditRepository(connection).list(query); });
}

Result<ChainReport> AuditService::verify(const Actor &actor)
{
    if (!actor.isAdmin())
        return Error::forbidden(Message(QT_TRANSLATE_NOOP("Core", "Only administrators can verify the audit log.")));
    return verifyAuditChain(m_context.database);
}

Result<qint64> AuditService::feedHead()
{
    return m_context.database.run([](Connection &connection) { return AuditSealRepository(connection).latestPosition(); });
}

Result<FeedPage> AuditService::feedAfter(const Actor &actor, qint64 position, int limit)
{
    auto events = m_context.database.run(
        [&](Connection &connection) { return AuditSealRepository(connection).eventsAfter(position, limit); });
    if (!events)
        return events.error();
    FeedPage page;
    page.readUpTo = events->isEmpty() ? position : events->last().position;
    for (SealedEvent &event : events.value()) {
        if (event.event.entityType == toString(EntityType::User))
            page.hasUserEvents = true;
        if (actor.isAdmin() || eventVisibleToAll(event.event.entityType))
            page.events.append(std::move(event));
    }
    return page;
}

} // namespace signoff
