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

// What an audit event says changed (for watching the log).
struct AuditChange
{
    qint64 id = 0;
    QString entityType;
    QString entityId;
};

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
    // Events with an id above `afterId`, oldest first, as what they changed:
    // what other processes changed since we last looked (every change writes
    // one). Only three columns are read: the watcher reads many.
    Result<QList<AuditChange>> changesAfter(qint64 afterId, int limit);
    Result<qint64> latestId();

private:
    Connection &m_connection;
};

} // namespace signoff
