// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SqliteBackup.h"

#include "SqlConnection.h"
#include "StorageLog.h"

#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace signoff {

namespace {

Error backupError(ErrorKind kind, const QString &reason, const char *source, QStringList arguments = {})
{
    return Error{kind, reason, Message(source, std::move(arguments)), {}, 0};
}

// SQLite does not sync the file VACUUM INTO writes; a backup that a power
// cut can take away is no backup.
bool syncToDisk(const QString &path)
{
#ifdef Q_OS_UNIX
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || ::fsync(file.handle()) != 0)
        return false;
    const QByteArray folder = QFile::encodeName(QFileInfo(path).absolutePath());
    const int folderHandle = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folderHandle < 0)
        return false;
    const bool synced = ::fsync(folderHandle) == 0;
    ::close(folderHandle);
    return synced;
#else
    Q_UNUSED(path);
    return true;
#endif
}

} // namespace

Result<void> backupSqlite(Database &database, const QString &targetPath)
{
    if (database.dialect() != SqlDialect::Sqlite)
        return backupError(ErrorKind::Invalid, QStringLiteral("unsupported"),
                           QT_TRANSLATE_NOOP("Core", "backup copies SQLite databases; use pg_dump for PostgreSQL."));
    if (targetPath.trimmed().isEmpty())
        return backupError(ErrorKind::Invalid, QStringLiteral("validation"),
                           QT_TRANSLATE_NOOP("Core", "The backup needs a file name."));
    const QFileInfo target(targetPath);
    const QString path = target.absoluteFilePath();
    if (target.exists() || target.isSymLink())
        return backupError(ErrorKind::Conflict, QStringLiteral("exists"),
                           QT_TRANSLATE_NOOP("Core", "The file ‘%1’ already exists; the backup does not overwrite files."),
                           {path});
    if (!QFileInfo(target.absolutePath()).isDir())
        return backupError(ErrorKind::Invalid, QStringLiteral("validation"),
                           QT_TRANSLATE_NOOP("Core", "The folder ‘%1’ does not exist."), {target.absolutePath()});

    auto connection = database.connection();
    if (!connection)
        return connection.error();
    Connection &conn = *connection.value();
    if (conn.inTransaction())
        return backupError(ErrorKind::Invalid, QStringLiteral("in-transaction"),
                           QT_TRANSLATE_NOOP("Core", "A backup cannot run inside a transaction."));

    // Claim the name first (VACUUM INTO accepts an empty file): a file that
    // appears meanwhile is refused instead of overwritten, and on failure we
    // remove only what we created.
    {
        QFile claim(path);
        if (!claim.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            if (QFileInfo::exists(path))
                return backupError(ErrorKind::Conflict, QStringLiteral("exists"),
                                   QT_TRANSLATE_NOOP("Core", "The file ‘%1’ already exists; the backup does not overwrite files."),
                                   {path});
            return backupError(ErrorKind::Unavailable, QStringLiteral("backup-failed"),
                               QT_TRANSLATE_NOOP("Core", "Cannot write the backup ‘%1’: %2"), {path, claim.errorString()});
        }
    }

    QSqlQuery query(conn.sql().handle);
    bool copied = query.prepare(QStringLiteral("VACUUM INTO ?"));
    if (copied) {
        query.addBindValue(path);
        copied = query.exec();
    }
    if (!copied) {
        const QSqlError error = query.lastError();
        query.finish();
        QFile::remove(path);
        conn.sql().failure(error, QStringLiteral("VACUUM INTO")); // logs it
        if (isBusy(error))
            return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "The database is busy; try again shortly.")));
        const QString reason = (error.databaseText().isEmpty() ? error.text() : error.databaseText()).simplified();
        return backupError(ErrorKind::Unavailable, QStringLiteral("backup-failed"),
                           QT_TRANSLATE_NOOP("Core", "Cannot write the backup ‘%1’: %2"), {path, reason});
    }
    query.finish();
    if (!syncToDisk(path)) {
        QFile::remove(path);
        return backupError(ErrorKind::Unavailable, QStringLiteral("backup-failed"),
                           QT_TRANSLATE_NOOP("Core", "Cannot write the backup ‘%1’: %2"),
                           {path, QStringLiteral("cannot flush it to disk")});
    }
    qCInfo(lcStorage).noquote() << "backed up" << database.url().redacted() << "to" << path;
    return {};
}

} // namespace signoff
