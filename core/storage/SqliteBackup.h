// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Database.h"
#include "domain/Result.h"

#include <QString>

namespace signoff {

// Writes a consistent copy of an SQLite database to `targetPath` with
// VACUUM INTO: one read snapshot, so other connections and processes may go
// on writing meanwhile (WAL). The copy is flushed to disk before this returns.
// Refuses an existing target (Conflict), a PostgreSQL database (Invalid) and
// a call inside a transaction (Invalid); a failed copy leaves no file behind.
Result<void> backupSqlite(Database &database, const QString &targetPath);

} // namespace signoff
