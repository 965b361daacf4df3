// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>

namespace signoff {

// What precedes the subcommand: `signoff [--database URL | --server URL] [--lang CODE] [COMMAND ARGS...]`.
struct GlobalOptions
{
    QString database;   // empty: SIGNOFF_DATABASE, then the default file
    QString server;     // the desktop as a server's client (docs/design.md, "Team mode")
    QString language;   // empty: the system locale
    QString command;    // empty: the desktop application
    QStringList commandArguments; // after the command, for its own parser
    bool showHelp = false;
    bool showVersion = false;
};

struct ParsedCommandLine
{
    GlobalOptions options;
    QString error; // non-empty: a usage error to report
};

ParsedCommandLine parseCommandLine(const QStringList &arguments);
QString helpText();
QString versionText();

// The subcommands that run without a window.
bool isHeadlessCommand(const QString &command);
// Whether argv asks for a command (or help/version) rather than the desktop:
// decided before any QCoreApplication exists, to pick which one to create.
bool requestsHeadlessRun(int argc, char **argv);

} // namespace signoff
