// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Result.h"

namespace signoff {

class Database;

// Seals committed audit events into the hash chain, giving each its position
// in the ordered feed (docs/design.md, "The ordered feed"). Any process may
// call it at any time: one sealer at a time across processes (SQLite: the
// write transaction; PostgreSQL: an advisory lock, the others skip), and a
// pass that finds nothing to seal only reads.
class AuditSealer
{
public:
    // Events sealed per transaction.
    static constexpr int batchSize = 500;

    // Seals what waits, in transactions of batchSize events, at most
    // `maxBatches` of them. Returns how many events it sealed (0 as well
    // when another process holds the sealer's lock on PostgreSQL).
    static Result<qint64> sealPending(Database &database, int maxBatches = 20);
};

} // namespace signoff
