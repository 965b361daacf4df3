// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Migrator.h"

#include "SqlValues.h"
#include "StorageLog.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <algorithm>

namespace signoff {

namespace {

// Any fixed number, the same in every Signoff: the advisory lock that
// serialises migrations on one PostgreSQL database.
constexpr qint64 postgresqlMigrationLock = 0x5349474e4f4646; // "SIGNOFF"

QString dialectFolder(SqlDialect dialect)
{
    return dialect == SqlDialect::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

QString createMigrationTable(SqlDialect dialect)
{
    return dialect == SqlDialect::Sqlite
        ? QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                         "version VARCHAR(255) NOT NULL PRIMARY KEY, "
                         "applied_at TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))")
        : QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                         "version VARCHAR(255) PRIMARY KEY, "
                         "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
}

QString migrationTableExists(SqlDialect dialect)
{
    return dialect == SqlDialect::Sqlite
        ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        : QStringLiteral("SELECT count(*) FROM information_schema.tables "
                         "WHERE table_schema = current_schema() AND table_name = 'schema_migrations'");
}

Error invalid(const char *source, QStringList arguments = {})
{
    return Error{ErrorKind::Invalid, QStringLiteral("migration"), Message(source, std::move(arguments)), {}, 0};
}

// Runs one statement of a migration as it is: DDL has no values to bind, and
// PostgreSQL cannot PREPARE it. Not cached: each runs once.
Result<void> runStatement(Connection &connection, const QString &version, int index, const QString &statement)
{
    QString reason;
    if (connection.executeOnce(statement, &reason)) // a failure is logged, a lost server noticed
        return {};
    return Error{ErrorKind::Unavailable, QStringLiteral("migration-failed"),
                 Message(QT_TRANSLATE_NOOP("Core", "Migration %1 failed at statement %2: %3"),
                         {version, QString::number(index + 1), reason}),
                 {}, 0};
}

// Inside a write transaction: waits for any other program migrating the
// same database (SQLite's BEGIN IMMEDIATE already did).
Result<void> lockMigrations(Connection &connection)
{
    if (connection.dialect() == SqlDialect::Sqlite)
        return {};
    return connection.execute(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {postgresqlMigrationLock});
}

Result<bool> isApplied(Connection &connection, const QString &version)
{
    auto rows = connection.query(QStringLiteral("SELECT count(*) FROM schema_migrations WHERE version = ?"), {version});
    if (!rows)
        return rows.error();
    return rows.value().next() && rows.value().value(0).toInt() > 0;
}

} // namespace

Migrator::Migrator(Database &database)
    : m_database(database)
    , m_migrations(bundledMigrations(database.dialect()))
{
}

Migrator::Migrator(Database &database, QList<Migration> migrations)
    : m_database(database)
    , m_migrations(QList<Migration>())
{
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    for (qsizetype i = 1; i < migrations.size(); ++i) {
        if (migrations.at(i).version == migrations.at(i - 1).version) {
            m_migrations = invalid(QT_TRANSLATE_NOOP("Core", "Migration %1 appears twice."), {migrations.at(i).version});
            return;
        }
    }
    m_migrations = std::move(migrations);
}

Result<QList<Migration>> Migrator::bundledMigrations(SqlDialect dialect)
{
    const QDir folder(QStringLiteral(":/migrations/") + dialectFolder(dialect));
    const QStringList files = folder.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return invalid(QT_TRANSLATE_NOOP("Core", "This program has no migrations for %1."), {dialectFolder(dialect)});
    QList<Migration> migrations;
    for (const QString &name : files) {
        QFile file(folder.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return invalid(QT_TRANSLATE_NOOP("Core", "Cannot read the migration %1."), {file.fileName()});
        auto migration = parseMigrationFile(name, QString::fromUtf8(file.readAll()), dialect);
        if (!migration)
            return migration.error();
        migrations.append(std::move(migration).value());
    }
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return migrations;
}

Error Migrator::schemaNewerError(const QString &version)
{
    return Error{ErrorKind::Unavailable, QStringLiteral("schema-newer"),
                 Message(QT_TRANSLATE_NOOP("Core", "The database schema (%1) is newer than this program; upgrade Signoff."),
                         {version}),
                 {}, 0};
}

const Migration *Migrator::find(const QString &version) const
{
    const QList<Migration> &migrations = m_migrations.value();
    const auto it = std::lower_bound(migrations.cbegin(), migrations.cend(), version,
                                     [](const Migration &m, const QString &v) { return m.version < v; });
    return it != migrations.cend() && it->version == version ? &*it : nullptr;
}

std::optional<Error> Migrator::refuseUnknownVersions(const QMap<QString, QDateTime> &applied) const
{
    // QMap iterates in version order: the last unknown one is the newest.
    QString newestUnknown;
    for (auto it = applied.cbegin(); it != applied.cend(); ++it) {
        if (!find(it.key()))
            newestUnknown = it.key();
    }
    if (newestUnknown.isEmpty())
        return std::nullopt;
    return schemaNewerError(newestUnknown);
}

Result<QMap<QString, QDateTime>> Migrator::appliedVersions(Connection &connection)
{
    bool tableExists = false;
    {
        auto exists = connection.query(migrationTableExists(connection.dialect()));
        if (!exists)
            return exists.error();
        tableExists = exists.value().next() && exists.value().value(0).toInt() > 0;
    } // finished before the next statement

    QMap<QString, QDateTime> applied;
    if (!tableExists)
        return applied;
    auto rows = connection.query(QStringLiteral("SELECT version, applied_at FROM schema_migrations"));
    if (!rows)
        return rows.error();
    while (rows.value().next())
        applied.insert(rows.value().value(0).toString(), sql::toTime(rows.value().value(1)));
    return applied;
}

Result<void> Migrator::ensureMigrationTable()
{
    return m_database.write([](Connection &connection) -> Result<void> {
        if (auto locked = lockMigrations(connection); !locked)
            return locked;
        // Without this PostgreSQL prints a NOTICE on stderr when the table exists.
        if (connection.dialect() == SqlDialect::Postgresql) {
            if (auto quiet = connection.executeOnce(QStringLiteral("SET LOCAL client_min_messages = warning")); !quiet)
                return quiet;
        }
        return connection.executeOnce(createMigrationTable(connection.dialect()));
    });
}

Result<QList<MigrationState>> Migrator::status()
{
    if (!m_migrations)
        return m_migrations.error();
    auto connection = m_database.connection();
    if (!connection)
        return connection.error();
    auto applied = appliedVersions(*connection.value());
    if (!applied)
        return applied.error();

    QMap<QString, MigrationState> states;
    for (const Migration &migration : m_migrations.value())
        states.insert(migration.version, MigrationState{migration.version, false, {}, true});
    for (auto it = applied->cbegin(); it != applied->cend(); ++it) {
        MigrationState &state = states[it.key()];
        if (state.version.isEmpty())
            state = MigrationState{it.key(), true, it.value(), false};
        state.applied = true;
        state.appliedAt = it.value();
    }
    return states.values();
}

Result<bool> Migrator::schemaIsNewerThanProgram()
{
    auto states = status();
    if (!states)
        return states.error();
    return std::any_of(states->cbegin(), states->cend(), [](const MigrationState &state) { return !state.known; });
}

Result<int> Migrator::up(std::optional<int> steps)
{
    if (!m_migrations)
        return m_migrations.error();
    if (steps && *steps < 0)
        return invalid(QT_TRANSLATE_NOOP("Core", "The number of migration steps must not be negative."));
    auto connection = m_database.connection();
    if (!connection)
        return connection.error();
    auto applied = appliedVersions(*connection.value());
    if (!applied)
        return applied.error();
    if (auto refused = refuseUnknownVersions(applied.value()))
        return *refused;

    QList<const Migration *> pending;
    for (const Migration &migration : m_migrations.value()) {
        if (!applied->contains(migration.version))
            pending.append(&migration);
    }
    if (steps && pending.size() > *steps)
        pending.resize(*steps);
    if (pending.isEmpty())
        return 0;

    if (auto created = ensureMigrationTable(); !created)
        return created.error();
    int count = 0;
    for (const Migration *migration : pending) {
        auto result = apply(*migration);
        if (!result)
            return result.error();
        if (result.value()) {
            ++count;
            qCInfo(lcStorage).noquote() << "applied migration" << migration->version << "to"
                                        << m_database.url().redacted();
        }
    }
    return count;
}

Result<bool> Migrator::apply(const Migration &migration)
{
    return m_database.write([&](Connection &connection) -> Result<bool> {
        if (auto locked = lockMigrations(connection); !locked)
            return locked.error();
        // Another program may have applied it while we waited for the lock.
        auto already = isApplied(connection, migration.version);
        if (!already)
            return already.error();
        if (already.value())
            return false;
        for (int i = 0; i < migration.up.size(); ++i) {
            if (auto ran = runStatement(connection, migration.version, i, migration.up.at(i)); !ran)
                return ran.error();
        }
        if (auto recorded = connection.execute(QStringLiteral("INSERT INTO schema_migrations (version) VALUES (?)"),
                                               {migration.version});
            !recorded) {
            return recorded.error();
        }
        return true;
    });
}

Result<int> Migrator::down(int steps)
{
    if (!m_migrations)
        return m_migrations.error();
    if (steps < 0)
        return invalid(QT_TRANSLATE_NOOP("Core", "The number of migration steps must not be negative."));
    auto connection = m_database.connection();
    if (!connection)
        return connection.error();
    auto applied = appliedVersions(*connection.value());
    if (!applied)
        return applied.error();
    // Reverting needs the Down of every version on the way.
    if (auto refused = refuseUnknownVersions(applied.value()))
        return *refused;

    QStringList versions = applied->keys();
    std::reverse(versions.begin(), versions.end());
    if (versions.size() > steps)
        versions.resize(steps);
    // Check them all first: stopping half-way would be a surprise.
    for (const QString &version : versions) {
        if (find(version)->down.isEmpty())
            return invalid(QT_TRANSLATE_NOOP("Core", "Migration %1 cannot be reverted: its Down section is empty."),
                           {version});
    }
    int count = 0;
    for (const QString &version : versions) {
        auto result = revert(*find(version));
        if (!result)
            return result.error();
        if (result.value()) {
            ++count;
            qCInfo(lcStorage).noquote() << "reverted migration" << version << "in" << m_database.url().redacted();
        }
    }
    return count;
}

Result<bool> Migrator::revert(const Migration &migration)
{
    return m_database.write([&](Connection &connection) -> Result<bool> {
        if (auto locked = lockMigrations(connection); !locked)
            return locked.error();
        auto stillApplied = isApplied(connection, migration.version);
        if (!stillApplied)
            return stillApplied.error();
        if (!stillApplied.value())
            return false;
        for (int i = 0; i < migration.down.size(); ++i) {
            if (auto ran = runStatement(connection, migration.version, i, migration.down.at(i)); !ran)
                return ran.error();
        }
        if (auto removed = connection.execute(QStringLiteral("DELETE FROM schema_migrations WHERE version = ?"),
                                              {migration.version});
            !removed) {
            return removed.error();
        }
        return true;
    });
}

} // namespace signoff
