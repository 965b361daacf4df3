// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CommandLine.h"

#include <QCoreApplication>

namespace signoff {

namespace {

const QStringList headlessCommands{QStringLiteral("serve"), QStringLiteral("user"), QStringLiteral("migrate"),
                                   QStringLiteral("backup"), QStringLiteral("audit")};

// Splits "--name=value" into name and value; "--name" alone gives no value.
bool splitOption(const QString &argument, const QString &name, QString *value)
{
    if (argument == name)
        return true;
    if (argument.startsWith(name + u'=')) {
        *value = argument.mid(name.size() + 1);
        return true;
    }
    return false;
}

} // namespace

bool isHeadlessCommand(const QString &command)
{
    return headlessCommands.contains(command);
}

bool requestsHeadlessRun(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (argument == QStringLiteral("--database") || argument == QStringLiteral("--lang")
            || argument == QStringLiteral("--server")) {
            if (++i >= argc)
                return true; // the missing value is a usage error for the terminal
            continue;
        }
        if (argument == QStringLiteral("--help") || argument == QStringLiteral("-h")
            || argument == QStringLiteral("--version") || argument == QStringLiteral("-v"))
            return true;
        // A command, or a word that is not one: either way no window (an
        // unknown command is a usage error on the terminal).
        if (!argument.startsWith(u'-'))
            return true;
    }
    return false;
}

ParsedCommandLine parseCommandLine(const QStringList &arguments)
{
    ParsedCommandLine parsed;
    GlobalOptions &options = parsed.options;
    // Hand-rolled for the part before the command so that each command's own
    // QCommandLineParser sees only its arguments (git-style subcommands).
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        QString inlineValue;
        QString *target = nullptr;
        if (splitOption(argument, QStringLiteral("--database"), &inlineValue))
            target = &options.database;
        else if (splitOption(argument, QStringLiteral("--lang"), &inlineValue))
            target = &options.language;
        else if (splitOption(argument, QStringLiteral("--server"), &inlineValue))
            target = &options.server;

        if (target) {
            if (argument.contains(u'=')) {
                *target = inlineValue;
            } else if (i + 1 < arguments.size()) {
                *target = arguments.at(++i);
            } else {
                parsed.error = QStringLiteral("option %1 needs a value").arg(argument);
                return parsed;
            }
        } else if (argument == QStringLiteral("--help") || argument == QStringLiteral("-h")) {
            options.showHelp = true;
        } else if (argument == QStringLiteral("--version") || argument == QStringLiteral("-v")) {
            options.showVersion = true;
        } else if (argument.startsWith(u'-')) {
            parsed.error = QStringLiteral("unknown option %1").arg(argument);
            return parsed;
        } else {
            options.command = argument;
            options.commandArguments = arguments.mid(i + 1);
            if (!isHeadlessCommand(options.command))
                parsed.error = QStringLiteral("unknown command ‘%1’").arg(options.command);
            else if (!options.server.isEmpty())
                parsed.error = QStringLiteral("--server is for the desktop application, not for ‘%1’").arg(options.command);
            return parsed;
        }
    }
    if (!options.server.isEmpty() && !options.database.isEmpty())
        parsed.error = QStringLiteral("use either --database or --server, not both");
    return parsed;
}

QString helpText()
{
    return QStringLiteral(
        "Usage:\n"
        "  signoff [--database URL] [--lang CODE]    the desktop application\n"
        "  signoff --server URL [--lang CODE]        the desktop application as a client of a Signoff server\n"
        "  signoff serve [--listen HOST:PORT] [--rate-limit N] [--threads N] [--db-connections N]\n"
        "                [--cache-ttl SECONDS] [--tls-cert FILE --tls-key FILE] [--allow-private-webhooks]\n"
        "                [--drain-seconds N]\n"
        "                                            REST server without a window (default 127.0.0.1:8080;\n"
        "                                            N requests/second per client, burst 2N, default 100, 0 = off;\n"
        "                                            server threads, default one per core, at most 4;\n"
        "                                            database connections at most, default 16;\n"
        "                                            read caches' time to live, default 300 s, 0 = off;\n"
        "                                            HTTPS with a PEM certificate and its private key;\n"
        "                                            webhooks to loopback and private addresses allowed;\n"
        "                                            on SIGTERM /readyz answers 503 for N seconds, default 3,\n"
        "                                            then requests in flight finish and it exits)\n"
        "  signoff user add NAME --role ROLE [--display-name TEXT]\n"
        "                                            add a user; the password is read from standard input\n"
        "  signoff user list                         list the users\n"
        "  signoff user set NAME [--role ROLE] [--enable|--disable] [--password]\n"
        "                                            change a user (the way back when no admin is left);\n"
        "                                            a new password is read from standard input\n"
        "  signoff migrate status|up|down [--steps N]\n"
        "                                            show or move the database schema\n"
        "  signoff backup FILE                       consistent copy of an SQLite database while in use\n"
        "  signoff audit verify                      check the audit log's hash chain; exit 1 at the first broken link\n"
        "  signoff audit export [--format csv|jsonl] [--since TIME]\n"
        "                                            write the audit log to standard output, oldest first\n"
        "  signoff --help | --version\n"
        "\n"
        "Options for every command:\n"
        "  --database URL   a file path, sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DB\n"
        "                   (default: $SIGNOFF_DATABASE, else signoff.db in the application data folder)\n"
        "  --server URL     (the desktop only) a Signoff server, https://HOST:PORT; http:// for loopback\n"
        "  --lang CODE      language of the desktop and of messages (en, de; default: the system's)\n"
        "\n"
        "Roles: requester, reviewer, admin.\n"
        "Exit status: 0 on success, 1 when the command failed, 2 for a wrong command line.\n");
}

QString versionText()
{
    return QStringLiteral("signoff %1").arg(QStringLiteral(SIGNOFF_VERSION));
}

} // namespace signoff
