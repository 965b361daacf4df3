// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "DatabaseUrl.h"
#include "domain/Result.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace signoff {

// One schema change: the statements that apply it and those that revert it.
struct Migration
{
    QString version;  // the file name without ".sql"; migrations apply in lexical order
    QStringList up;   // one statement each, without the terminating ';'
    QStringList down; // empty: the migration cannot be reverted
};

// Parses a migration file:
//
//     -- Migration: 20261126_create_feature_data.sql
//     -- Up
//     CREATE TABLE ...;
//     -- Down
//     DROP TABLE ...;
//
// The header must name the file itself; the "-- Up" and "-- Down" lines each
// appear once, in that order, and Up holds at least one statement. Marker
// lines count only outside strings, comments and bodies, so a function body
// may contain a "-- Down" comment of its own. Malformed files give an Invalid
// error naming the file and line. Runs in linear time on any input.
Result<Migration> parseMigrationFile(const QString &fileName, QStringView text, SqlDialect dialect);

// Splits SQL text into statements at top-level semicolons. Understands
// '...' strings ('' escapes), "..." identifiers, -- and /* */ comments, and
// per dialect: PostgreSQL E'...' strings, $tag$...$tag$ bodies, nested
// comments and BEGIN ATOMIC ... END bodies; SQLite `...` and [...]
// identifiers and CREATE TRIGGER ... BEGIN ...; END bodies (with CASE ... END
// inside). `name` only labels error messages. The last statement may omit
// its semicolon.
Result<QStringList> splitSqlStatements(QStringView sql, SqlDialect dialect, const QString &name = QString());

} // namespace signoff
