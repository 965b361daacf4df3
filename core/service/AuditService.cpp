// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AuditService.h"

#include "storage/AuditRepository.h"

namespace signoff {

AuditService::AuditService(ServiceContext &context)
    : m_context(context)
{
}

Result<Page<AuditEvent>> AuditService::list(const Actor &actor, const AuditQuery &query)
{
    if (!actor.isReviewer())
        return Error::forbidden(Message(QT_TRANSLATE_NOOP("Core", "Only reviewers and administrators can read the audit log.")));
    if (!query.entityType.isEmpty() && !entityTypeFromString(query.entityType))
        return Error::invalidField(QStringLiteral("entity_type"),
                                   Message(QT_TRANSLATE_NOOP("Core", "Unknown entity type ‘%1’; use feature, order, product or user."),
                                           {query.entityType}));
    return m_context.database.run([&](Connection &connection) { return AuditRepository(connection).list(query); });
}

} // namespace signoff
