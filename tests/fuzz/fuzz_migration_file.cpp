// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The migration file parser (core/storage/MigrationFile) and the SQL
// statement splitter under it, for both dialects. The first byte picks the
// dialect and whether the input is a whole migration file or bare SQL.
// Invariants: no crash, no sanitizer finding, no hang (the parser is
// linear); a parsed migration has a version and at least one Up statement,
// and no statement is empty.

#include "FuzzCheck.h"
#include "storage/MigrationFile.h"

#include <cstdint>

using namespace signoff;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const uint8_t mode = data[0];
    const SqlDialect dialect = (mode & 1) ? SqlDialect::Postgresql : SqlDialect::Sqlite;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    if (mode & 2) {
        const Result<QStringList> statements = splitSqlStatements(text, dialect, QStringLiteral("fuzz.sql"));
        if (statements) {
            for (const QString &statement : statements.value())
                FUZZ_CHECK(!statement.trimmed().isEmpty());
        } else {
            FUZZ_CHECK(statements.error().kind == ErrorKind::Invalid);
        }
        return 0;
    }

    const QString fileName = QStringLiteral("20260101_fuzz.sql");
    const Result<Migration> migration = parseMigrationFile(fileName, text, dialect);
    if (!migration) {
        FUZZ_CHECK(migration.error().kind == ErrorKind::Invalid);
        return 0;
    }
    FUZZ_CHECK(migration->version == QStringLiteral("20260101_fuzz"));
    FUZZ_CHECK(!migration->up.isEmpty());
    for (const QString &statement : migration->up + migration->down)
        FUZZ_CHECK(!statement.trimmed().isEmpty());
    return 0;
}
