// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CommandLine.h"
#include "domain/Result.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <memory>

namespace signoff {

// A subcommand's parser: its own options plus --database and --help, which
// every command takes (also after the command: `signoff user list --database x`).
class CommandParser
{
public:
    CommandParser(const QString &usage, const QString &description);

    QCommandLineParser &parser() { return m_parser; }
    // Parses the command's arguments. Returns an exit status when the command
    // should end here (help shown, or a usage error printed); nothing otherwise.
    std::optional<int> parse(const GlobalOptions &options);
    // --database given to the command, else the global one.
    QString database() const;

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_database;
    QCommandLineOption m_help;
    QString m_globalDatabase;
    QString m_usage;
};

// What to do when an SQLite file named on the command line is not there:
// create it (a new database; but never a folder, except the default
// location's on first start, so that a mistyped folder is an error, not
// an empty database), or refuse (`backup`: there is nothing to copy).
enum class IfMissing { Create, Refuse };

// Opens the database for use: resolves the URL, refuses a schema newer than
// the program, backs up and migrates an older one.
Result<std::unique_ptr<Database>> openForUse(const QString &databaseOption, IfMissing ifMissing);
// Opens it as it is, without migrating (for `migrate` itself and `backup`).
Result<std::unique_ptr<Database>> openAsIs(const QString &databaseOption, IfMissing ifMissing);

} // namespace signoff
