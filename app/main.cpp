#include "CommandLine.h"
#include "Console.h"
#include "commands/Commands.h"

#include <QCoreApplication>

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
