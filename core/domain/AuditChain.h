// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "AuditEvent.h"

#include <QByteArray>
#include <QString>

namespace signoff {

// The audit log's hash chain (docs/design.md, "The audit log"). Each sealed
// event has a position (1, 2, 3, ... in the order the sealer took them) and a
// seal:
//
//   seal(p) = hex(SHA-256(seal(p-1) "\n" p "\n" event_id "\n" canonical(event)))
//
// with seal(0) = 64 zeros. canonical(event) is auditCanonicalContent(): a
// compact JSON array of every column but the id, in a fixed order. SECURITY.md
// spells it out for anyone who wants to check the chain with their own code.
namespace audit_chain {

inline constexpr char genesisSeal[] = "0000000000000000000000000000000000000000000000000000000000000000";

// [at, actor_id, actor_username, action, entity_type, entity_id, from_status,
//  to_status, version, comment, detail]: null where a column is empty.
QByteArray canonicalContent(const AuditEvent &event);

// The seal of `event` at `position` after `previousSeal` (lower-case hex).
QString seal(const QString &previousSeal, qint64 position, qint64 eventId, const AuditEvent &event);

} // namespace audit_chain

} // namespace signoff
