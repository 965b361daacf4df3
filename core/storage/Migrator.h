// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Database.h"
#include "MigrationFile.h"
#include "domain/Result.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace signoff {

struct MigrationState
{
    QString version;
    bool applied = false;
    QDateTime appliedAt; // UTC; invalid while not applied
    // False for a version the database has but this program does not know:
    // a newer program migrated the database.
    bool known = true;
};

// Moves the schema between versions. The applied versions are rows of
// schema_migrations (created on the first `up`). Each migration runs in its
// own transaction together with its schema_migrations row, so a failing
// migration leaves nothing of itself behind; PostgreSQL additionally holds an
// advisory lock, SQLite the write lock, so two programs migrating at once
// apply each migration once.
class Migrator
{
public:
    // The migrations compiled into the program for the database's dialect.
    explicit Migrator(Database &database);
    // Exactly these migrations (tests use broken or extra ones).
    Migrator(Database &database, QList<Migration> migrations);

    // The migrations in the resources :/migrations/<dialect>/, in version order.
    static Result<QList<Migration>> bundledMigrations(SqlDialect dialect);

    // Every known or applied version, in version order. Changes nothing.
    Result<QList<MigrationState>> status();
    // Applies pending migrations in version order (all, or the first `steps`)
    // and returns how many it applied. Refuses a schema newer than the program.
    Result<int> up(std::optional<int> steps = {});
    // Reverts the `steps` most recently applied migrations (fewer if fewer
    // are applied) and returns how many it reverted.
    Result<int> down(int steps = 1);
    // Whether the database has a version this program does not know.
    Result<bool> schemaIsNewerThanProgram();

    // The error for a schema newer than the program, naming its newest version.
    static Error schemaNewerError(const QString &version);

private:
    Result<QMap<QString, QDateTime>> appliedVersions(Connection &connection);
    Result<void> ensureMigrationTable();
    Result<bool> apply(const Migration &migration);
    Result<bool> revert(const Migration &migration);
    std::optional<Error> refuseUnknownVersions(const QMap<QString, QDateTime> &applied) const;
    const Migration *find(const QString &version) const;

    Database &m_database;
    Result<QList<Migration>> m_migrations;
};

} // namespace signoff
