// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OpenDatabase.h"

#include "Migrator.h"
#include "SqliteBackup.h"
#include "StorageLog.h"

#include <QFileInfo>

namespace signoff {

namespace {

// Driver messages (libpq's especially) span several lines; the command line
// prints errors on one.
Error onOneLine(Error error)
{
    if (error.message.isEmpty())
        return error;
    QStringList arguments = error.message.arguments();
    for (QString &argument : arguments)
        argument = argument.simplified();
    error.message = Message(error.message.source(), arguments);
    return error;
}

// FILE.before-VERSION.bak, or FILE.before-VERSION-2.bak, ... if taken.
QString backupPathFor(const QString &databasePath, const QString &version)
{
    const QString stem = databasePath + QStringLiteral(".before-") + version;
    QString candidate = stem + QStringLiteral(".bak");
    for (int n = 2; QFileInfo::exists(candidate) || QFileInfo(candidate).isSymLink(); ++n)
        candidate = stem + u'-' + QString::number(n) + QStringLiteral(".bak");
    return candidate;
}

} // namespace

Result<std::unique_ptr<Database>> openDatabase(const DatabaseUrl &url)
{
    auto database = std::make_unique<Database>(url);
    if (auto connection = database->connection(); !connection)
        return onOneLine(connection.error());

    Migrator migrator(*database);
    auto states = migrator.status();
    if (!states)
        return onOneLine(states.error());

    QString newestApplied;
    QString newestUnknown;
    QStringList pending;
    for (const MigrationState &state : states.value()) {
        if (state.applied)
            newestApplied = state.version;
        if (!state.known)
            newestUnknown = state.version;
        if (!state.applied)
            pending.append(state.version);
    }
    if (!newestUnknown.isEmpty()) {
        qCWarning(lcStorage).noquote() << "refusing" << url.redacted() << "- its schema" << newestUnknown
                                       << "is newer than this program";
        return Migrator::schemaNewerError(newestUnknown);
    }
    if (pending.isEmpty()) {
        qCInfo(lcStorage).noquote() << "opened" << url.redacted() << "at schema" << newestApplied;
        return database;
    }

    QString backupPath;
    if (url.dialect == SqlDialect::Sqlite && !newestApplied.isEmpty()) {
        // Several programs starting together on one file may pick the same
        // free name: the one that finds it taken takes the next.
        for (int attempt = 0;; ++attempt) {
            backupPath = backupPathFor(url.path, pending.last());
            auto backedUp = backupSqlite(*database, backupPath);
            if (backedUp)
                break;
            if (backedUp.error().reason != QStringLiteral("exists") || attempt == 4)
                return onOneLine(backedUp.error());
        }
    }
    auto applied = migrator.up();
    if (!applied) {
        if (!backupPath.isEmpty())
            qCWarning(lcStorage).noquote() << "migrating" << url.redacted() << "failed; the copy from before is"
                                           << backupPath;
        return onOneLine(applied.error());
    }
    qCInfo(lcStorage).noquote() << QStringLiteral("migrated %1 from schema %2 to %3 (%4 migrations applied)%5")
                                       .arg(url.redacted(),
                                            newestApplied.isEmpty() ? QStringLiteral("(empty)") : newestApplied,
                                            pending.last(), QString::number(applied.value()),
                                            backupPath.isEmpty() ? QString()
                                                                 : QStringLiteral("; the copy from before is ") + backupPath);
    return database;
}

} // namespace signoff
