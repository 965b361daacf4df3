// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "AuditRepository.h"
#include "Connection.h"
#include "domain/AuditChain.h"
#include "domain/AuditEvent.h"
#include "domain/Result.h"

#include <optional>

namespace signoff {

// Where the chain ends: the last sealed position and its seal (position 0
// and the genesis seal while nothing is sealed). `xactId` is PostgreSQL's
// transaction of the last sealed event (the sealer goes on after it).
struct SealHead
{
    qint64 position = 0;
    QString seal = QString::fromLatin1(audit_chain::genesisSeal);
    qint64 eventId = 0;
    QString xactId;
};

// An audit event with its place in the ordered feed.
struct SealedEvent
{
    qint64 position = 0;
    QString seal;
    AuditEvent event;
};

// One link of the chain as stored, with the event it names if that still
// exists (for verification).
struct ChainLink
{
    qint64 position = 0;
    qint64 eventId = 0;
    QString seal;
    std::optional<AuditEvent> event;
};

// An audit event the sealer may take now (committed, and nothing earlier can
// still appear), with its transaction on PostgreSQL.
struct UnsealedEvent
{
    AuditEvent event;
    QString xactId;
};

// The audit_seal table: the audit log's hash chain and the ordered feed of
// committed changes (positions). Rows are added by the sealer, never changed.
class AuditSealRepository
{
public:
    explicit AuditSealRepository(Connection &connection) : m_connection(connection) {}

    // PostgreSQL: takes the sealer's advisory lock for this transaction, if
    // no other session holds it (false: another process seals right now).
    // SQLite: the write transaction is the lock already.
    Result<bool> tryLockSealer();
    Result<SealHead> head();
    // Whether events wait to be sealed after `head` (a cheap read first, so
    // an idle sealer never writes).
    Result<bool> hasUnsealed(const SealHead &head);
    // Up to `limit` events to seal after `head`, in the order to seal them.
    Result<QList<UnsealedEvent>> unsealed(const SealHead &head, int limit);
    // One new link of the chain.
    struct NewSeal
    {
        qint64 position = 0;
        qint64 eventId = 0;
        QString seal;
    };
    // Adds links, several per statement.
    Result<void> insert(const QList<NewSeal> &seals);

    Result<qint64> latestPosition();
    // Feed readers: events after `position`, in position order.
    Result<QList<AuditChange>> changesAfter(qint64 position, int limit); // AuditChange::id is the position
    Result<QList<SealedEvent>> eventsAfter(qint64 position, int limit);
    // Verification: links after `position`, with their events where they exist.
    Result<QList<ChainLink>> linksAfter(qint64 position, int limit);
    // The first event no link names that lies behind `head` in the sealer's
    // order: one the sealer will never take (added behind its back).
    Result<std::optional<qint64>> firstUnchainedBefore(const SealHead &head);
    // Events no link names yet.
    Result<qint64> unsealedCount();

private:
    Connection &m_connection;
};

} // namespace signoff
