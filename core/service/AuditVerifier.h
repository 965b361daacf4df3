// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Result.h"

#include <QString>

namespace signoff {

class Database;

// What checking the audit log's hash chain found (docs/design.md, "The audit log").
struct ChainReport
{
    enum class Problem { None, Changed, Removed, Reordered, Inserted };

    bool intact() const { return problem == Problem::None; }

    qint64 events = 0;  // links checked and found intact (before the first broken one)
    qint64 pending = 0; // events not sealed yet (committed within the last second or so)
    QString headSeal;   // the last seal checked: keep it elsewhere to prove later that nothing was cut off
    Problem problem = Problem::None;
    qint64 position = 0; // where the chain breaks
    qint64 eventId = 0;  // the event there, when known
    QString detail;      // one sentence (English) saying what is wrong
};

QString toString(ChainReport::Problem problem);

// Recomputes every seal from the first, in position order, and reports the
// first event changed, removed, reordered or slipped in behind the sealer's
// back; or that all N are intact. Seals what waits first, so N covers what
// was committed before the call. Reads in batches: memory does not grow with
// the log.
Result<ChainReport> verifyAuditChain(Database &database);

} // namespace signoff
