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

// Opens the database for use: resolves the URL, refuses a schema newer than
// the program, backs up and migrates an older one.
Result<std::unique_ptr<Database>> openForUse(const QString &databaseOption);
// Opens it as it is, without migrating (for `migrate` itself and `backup`).
Result<std::unique_ptr<Database>> openAsIs(const QString &databaseOption);

} // namespace signoff
