// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Connection.h"
#include "domain/AuditEvent.h"
#include "domain/Comment.h"
#include "domain/Page.h"
#include "domain/Queries.h"
#include "domain/Result.h"

namespace signoff {

// What an audit event says changed (for watching the feed): `id` is its
// position in the ordered feed (AuditSealRepository::changesAfter).
struct AuditChange
{
    qint64 id = 0;
    QString entityType;
    QString entityId;
};

// The columns readAuditEvent() reads, as "a.id, a.at, ..." (table alias a).
const QString &auditEventColumns();
// An event from `rows`, whose columns from `first` on are auditEventColumns().
AuditEvent readAuditEvent(const Rows &rows, int first = 0);

// The append-only audit_event table: rows are added, never changed (the
// schema's triggers refuse UPDATE and DELETE).
class AuditRepository
{
public:
    explicit AuditRepository(Connection &connection) : m_connection(connection) {}

    Result<void> append(const AuditEvent &event);
    // The same, answering the new event's id.
    Result<qint64> appendReturningId(const AuditEvent &event);
    // One item's events, oldest first.
    Result<QList<AuditEvent>> history(const QString &entityType, const QString &entityId);
    // One item's comments (events of action "comment"), oldest first.
    Result<QList<Comment>> comments(const QString &entityType, const QString &entityId);
    Result<qint64> commentCount(const QString &entityType, const QString &entityId);
    // Newest first, filtered and paged.
    Result<Page<AuditEvent>> list(const AuditQuery &query);

private:
    Connection &m_connection;
};

} // namespace signoff
