// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "AuditEvent.h"

#include <QString>

namespace signoff {

// The name of what an audit event says happened, as the event stream and
// webhooks call it: `<entity_type>.<past tense of the action>`
// (feature.created, order.submitted, user.signed_in, ...). An approval that
// leaves the item pending (more approvals are needed) is `.approval_recorded`;
// the one that approves it is `.approved`.
QString eventTypeName(const AuditEvent &event);

// Whether an event of this entity type may be shown to everyone signed in,
// or only to administrators (user accounts, sign-ins, webhooks: what the
// Users and Webhooks pages show, which only admins see).
bool eventVisibleToAll(const QString &entityType);

} // namespace signoff
