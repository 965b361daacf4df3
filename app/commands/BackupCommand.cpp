// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CommandSupport.h"
#include "Commands.h"
#include "Console.h"
#include "storage/SqliteBackup.h"

#include <QDir>

namespace signoff {

int runBackupCommand(const GlobalOptions &options)
{
    CommandParser command(QStringLiteral("signoff backup FILE"),
                          QStringLiteral("Write a consistent copy of an SQLite database to FILE, even while "
                                         "other processes use it."));
    command.parser().addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Where to write the copy (must not exist)."));
    if (auto done = command.parse(options))
        return *done;
    const QStringList positional = command.parser().positionalArguments();
    if (positional.size() != 1)
        return console::usageError(QStringLiteral("usage: signoff backup FILE"));

    auto database = openAsIs(command.database(), IfMissing::Refuse);
    if (!database)
        return console::fail(database.error());
    const QString target = QDir::current().absoluteFilePath(positional.first());
    if (auto copied = backupSqlite(*database.value(), target); !copied)
        return console::fail(copied.error());
    console::print(QStringLiteral("backed up %1 to %2").arg(database.value()->url().path, target));
    return console::exitOk;
}

} // namespace signoff
