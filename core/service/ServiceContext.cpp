// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ServiceContext.h"

namespace signoff {

AuditEvent auditEvent(const Actor &actor, const QString &action, EntityType type, const QString &entityId,
                      const QDateTime &at)
{
    AuditEvent event;
    event.at = at;
    event.actorId = actor.id;
    event.actorUsername = actor.username;
    event.action = action;
    event.entityType = toString(type);
    event.entityId = entityId;
    return event;
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace signoff
