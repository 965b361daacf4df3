// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/AuditEvent.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace signoff::audit_export {

// An audit event as the REST API shows it (GET /api/v1/audit) and as a line
// of `signoff audit export --format jsonl`.
QJsonObject eventJson(const AuditEvent &event);
QByteArray jsonLine(const AuditEvent &event); // with its "\n"

// The audit log as CSV (domain/Csv.h: RFC 4180, formula-safe cells).
QByteArray csvHeader();
QByteArray csvRow(const AuditEvent &event);

// An event of the ordered feed as the event stream's `data:` and a webhook's
// body carry it (docs/design.md, "The event stream" and "Webhooks"):
// entity_type, entity_id, action, actor, status, version, at, plus comment when
// there is one.
QJsonObject feedEventJson(const AuditEvent &event);

} // namespace signoff::audit_export
