// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Database.h"
#include "DatabaseUrl.h"
#include "domain/Result.h"

#include <memory>

namespace signoff {

// Opens the database at `url` for the program and brings its schema up to
// date: what every command does before touching data.
//  * The calling thread's connection must work; if not: Unavailable, with a
//    one-line reason.
//  * A schema newer than this program is refused (Unavailable, reason
//    "schema-newer") and nothing is changed.
//  * Pending migrations are applied. An existing SQLite database that already
//    has applied migrations is first copied next to itself with VACUUM INTO
//    (FILE.before-VERSION.bak, VERSION the newest pending one; never
//    overwriting a file), so a failed upgrade loses nothing.
Result<std::unique_ptr<Database>> openDatabase(const DatabaseUrl &url);

} // namespace signoff
