// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>
#include <optional>

namespace signoff {

// One append-only row of audit_event. Statuses and version are empty for
// events that are not workflow transitions.
struct AuditEvent
{
    qint64 id = 0;
    QDateTime at;
    QUuid actorId;
    QString actorUsername;
    QString action;
    QString entityType;
    QString entityId;
    QString fromStatus;
    QString toStatus;
    std::optional<int> version;
    QString comment;
    QJsonObject detail;
};

} // namespace signoff
