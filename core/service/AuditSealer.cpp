// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AuditSealer.h"

#include "domain/AuditChain.h"
#include "storage/AuditSealRepository.h"
#include "storage/Database.h"

namespace signoff {

Result<qint64> AuditSealer::sealPending(Database &database, int maxBatches)
{
    qint64 sealed = 0;
    for (int batch = 0; batch < maxBatches; ++batch) {
        // Read and hash outside the write transaction: on SQLite the one
        // writer thread, which every write waits for, only inserts.
        SealHead head;
        auto events = database.read([&](Connection &connection) -> Result<QList<UnsealedEvent>> {
            AuditSealRepository seals(connection);
            auto current = seals.head();
            if (!current)
                return current.error();
            head = current.value();
            auto waiting = seals.hasUnsealed(head); // cheap: an idle sealer reads no rows
            if (!waiting)
                return waiting.error();
            if (!waiting.value())
                return QList<UnsealedEvent>();
            return seals.unsealed(head, batchSize);
        });
        if (!events)
            return events.error();
        if (events->isEmpty())
            break;
        QList<AuditSealRepository::NewSeal> links;
        links.reserve(events->size());
        QString previous = head.seal;
        qint64 position = head.position;
        for (const UnsealedEvent &unsealed : events.value()) {
            ++position;
            previous = audit_chain::seal(previous, position, unsealed.event.id, unsealed.event);
            links.append({position, unsealed.event.id, previous});
        }
        auto written = database.write([&](Connection &connection) -> Result<bool> {
            AuditSealRepository seals(connection);
            auto locked = seals.tryLockSealer();
            if (!locked)
                return locked.error();
            if (!locked.value())
                return false; // another process seals right now
            // Under the lock the last holder's work is committed: if the chain
            // grew since the read, these links are stale (the next pass redoes them).
            auto current = seals.head();
            if (!current)
                return current.error();
            if (current->position != head.position || current->seal != head.seal)
                return false;
            if (auto inserted = seals.insert(links); !inserted)
                return inserted.error();
            return true;
        });
        if (!written)
            return written.error();
        if (!written.value())
            break;
        sealed += links.size();
        if (links.size() < batchSize)
            break;
    }
    return sealed;
}

} // namespace signoff
