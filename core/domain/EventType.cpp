// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "EventType.h"

#include <QHash>

namespace signoff {

namespace {

QString pastTense(const QString &action)
{
    static const QHash<QString, QString> irregular{
        {QStringLiteral("submit"), QStringLiteral("submitted")},
        {QStringLiteral("withdraw"), QStringLiteral("withdrawn")},
        {QStringLiteral("sign_in"), QStringLiteral("signed_in")},
        {QStringLiteral("sign_out"), QStringLiteral("signed_out")},
    };
    if (const auto found = irregular.constFind(action); found != irregular.constEnd())
        return *found;
    if (action.isEmpty())
        return QStringLiteral("changed");
    if (action.endsWith(u'e'))
        return action + u'd';
    return action + QStringLiteral("ed");
}

} // namespace

QString eventTypeName(const AuditEvent &event)
{
    const QString entity = event.entityType.isEmpty() ? QStringLiteral("unknown") : event.entityType;
    if (event.action == QStringLiteral("approve") && event.toStatus == QStringLiteral("pending"))
        return entity + QStringLiteral(".approval_recorded");
    return entity + u'.' + pastTense(event.action);
}

bool eventVisibleToAll(const QString &entityType)
{
    return entityType != QStringLiteral("user") && entityType != QStringLiteral("webhook");
}

} // namespace signoff
