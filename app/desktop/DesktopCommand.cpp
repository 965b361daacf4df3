// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CommandSupport.h"
#include "Commands.h"
#include "Console.h"
#include "DesktopController.h"
#include "ChangeWatcherThread.h"
#include "LocalBackend.h"
#include "rest/RestServer.h"
#include "service/LogWriter.h"
#include "service/Services.h"
#include "support/Icons.h"

#include <QApplication>
#include <QMessageBox>

namespace signoff {

namespace {

// Qt's own command-line options that take a value; QApplication removes
// them (and the single-dash ones without a value) from the arguments.
const QStringList qtOptionsWithValue{
    QStringLiteral("-platform"), QStringLiteral("-platformpluginpath"), QStringLiteral("-platformtheme"),
    QStringLiteral("-plugin"),   QStringLiteral("-qwindowgeometry"),    QStringLiteral("-geometry"),
    QStringLiteral("-qwindowtitle"), QStringLiteral("-title"),          QStringLiteral("-qwindowicon"),
    QStringLiteral("-icon"),     QStringLiteral("-style"),              QStringLiteral("-stylesheet"),
    QStringLiteral("-session"),  QStringLiteral("-display"),            QStringLiteral("-name"),
};

// The arguments as Signoff reads them, without Qt's: checked before the
// window system is contacted, so a wrong command line is one line on
// standard error and nothing else.
QStringList signoffArguments(int argc, char **argv)
{
    QStringList arguments{QString::fromLocal8Bit(argv[0])};
    for (int i = 1; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (argument.startsWith(u'-') && !argument.startsWith(QStringLiteral("--"))) {
            if (qtOptionsWithValue.contains(argument))
                ++i;
            continue;
        }
        arguments.append(argument);
    }
    return arguments;
}

} // namespace

// `signoff [--database URL] [--lang CODE]`: the window.
int runDesktop(int argc, char **argv)
{
    LogWriter log; // the embedded server logs a line per request
    if (const ParsedCommandLine early = parseCommandLine(signoffArguments(argc, argv)); !early.error.isEmpty())
        return console::usageError(early.error);
    QApplication app(argc, argv);
    configureApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Signoff"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.example.Signoff")); // packaging/linux
    QApplication::setWindowIcon(applicationIcon());
    QApplication::setQuitOnLastWindowClosed(false); // signing out closes the window, not the program
    const ParsedCommandLine parsed = parseCommandLine(QCoreApplication::arguments());
    if (!parsed.error.isEmpty())
        return console::usageError(parsed.error);
    installTranslations(parsed.options.language);

    auto database = openForUse(parsed.options.database);
    if (!database) {
        console::printError(database.error().translatedSummary());
        // Started from a menu, nobody reads standard error.
        if (QGuiApplication::platformName() != QStringLiteral("offscreen")
            && QGuiApplication::platformName() != QStringLiteral("minimal"))
            QMessageBox::critical(nullptr, QCoreApplication::translate("Desktop", "Signoff"),
                                  QCoreApplication::translate("Desktop", "The database cannot be opened:\n%1")
                                      .arg(database.error().translatedSummary()));
        return console::exitFailure;
    }

    ChangeNotifier notifier;
    Services services(*database.value(), notifier);
    // The ordered feed (audit chain, event stream, the watcher below).
    services.feed().start();
    // Changes by other processes on the same database (another desktop, a
    // separate `signoff serve`) refresh this window too.
    ChangeWatcherThread otherProcesses(*database.value(), notifier);
    otherProcesses.start();
    RestServer rest(services);
    int status = 0;
    {
        // The window's calls run on the backend's worker threads.
        LocalBackend backend(services);
        DesktopController controller(backend, rest);
        controller.start();
        status = QApplication::exec();
    }
    otherProcesses.stop();
    rest.stop();
    return status;
}

} // namespace signoff
