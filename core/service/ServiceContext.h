// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ChangeNotifier.h"
#include "Metrics.h"
#include "ServiceOptions.h"
#include "domain/Actor.h"
#include "domain/AuditEvent.h"
#include "domain/EntityType.h"
#include "domain/ExpectedVersion.h"
#include "domain/Workflow.h"

namespace signoff {

class Database;

// What every service needs: the database, the change announcements, the
// options, the metrics. Owned by Services; services hold a reference.
struct ServiceContext
{
    Database &database;
    ChangeNotifier &notifier;
    ServiceOptions options;
    MetricsRegistry &metrics;
};

// The audit row for `action` by `actor` on one entity, stamped `at`.
AuditEvent auditEvent(const Actor &actor, const QString &action, EntityType type, const QString &entityId,
                      const QDateTime &at);

// For a workflow item: how the actor relates to it.
inline WorkflowActor workflowActor(const Actor &actor, const QUuid &ownerId)
{
    return WorkflowActor{actor.role, actor.owns(ownerId)};
}

// The version check (docs/design.md, "State machine"): the caller's version, when it
// sent one (or one of them), must be the current one.
inline bool versionMatches(const ExpectedVersion &expected, int current)
{
    return expected.matches(current);
}

QString idText(const QUuid &id);

} // namespace signoff
