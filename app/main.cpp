// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CommandLine.h"
#include "Console.h"
#include "commands/Commands.h"

#include <QCoreApplication>
#include <QLoggingCategory>

using namespace signoff;

namespace {

int runHeadless(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    configureApplication();
    const ParsedCommandLine parsed = parseCommandLine(QCoreApplication::arguments());
    if (parsed.options.showHelp && parsed.options.command.isEmpty()) {
        console::print(helpText());
        return console::exitOk;
    }
    if (parsed.options.showVersion && parsed.options.command.isEmpty()) {
        console::print(versionText());
        return console::exitOk;
    }
    if (!parsed.error.isEmpty())
        return console::usageError(parsed.error);
    // A command's outcome is its own output and at most one error line; the
    // operational log is for the long-running server (or asked for with
    // QT_LOGGING_RULES).
    if (parsed.options.command != QStringLiteral("serve") && qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("signoff.*.debug=false\nsignoff.*.info=false\nsignoff.*.warning=false"));
    installTranslations(parsed.options.language);
    return runCommand(parsed.options);
}

} // namespace

int main(int argc, char **argv)
{
    if (requestsHeadlessRun(argc, argv))
        return runHeadless(argc, argv);
    return runDesktop(argc, argv);
}
