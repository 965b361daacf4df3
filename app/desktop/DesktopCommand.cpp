// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CommandSupport.h"
#include "Commands.h"
#include "Console.h"
#include "DesktopController.h"
#include "ChangeWatcherThread.h"
#include "ConnectionSettings.h"
#include "LocalBackend.h"
#include "RestBackend.h"
#include "rest/RestServer.h"
#include "service/LogWriter.h"
#include "service/Services.h"
#include "support/Icons.h"

#include <QApplication>
#include <QMessageBox>
#include <map>
#include <memory>

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

// The pieces of database mode: the database, core's services over it, the
// watcher of other processes' changes, the embedded REST server and the
// backend the window uses. Opened at the start, or when the login switches
// from a server to this computer.
class LocalDesk
{
public:
    static Result<std::unique_ptr<LocalDesk>> open(const QString &databaseOption)
    {
        auto database = openForUse(databaseOption, IfMissing::Create);
        if (!database)
            return database.error();
        return std::unique_ptr<LocalDesk>(new LocalDesk(std::move(database.value())));
    }

    ~LocalDesk()
    {
        m_backend.reset(); // waits for the calls under way
        m_otherProcesses.stop();
        m_rest.stop();
    }

    Backend &backend() { return *m_backend; }
    RestServer &rest() { return m_rest; }

private:
    explicit LocalDesk(std::unique_ptr<Database> database)
        : m_database(std::move(database))
        , m_services(*m_database, m_notifier)
        , m_otherProcesses(*m_database, m_notifier)
        , m_rest(m_services)
    {
        // The ordered feed (audit chain, event stream, the watcher below).
        m_services.feed().start();
        // Changes by other processes on the same database (another desktop,
        // a separate `signoff serve`) refresh this window too.
        m_otherProcesses.start();
        // The window's calls run on the backend's worker threads.
        m_backend = std::make_unique<LocalBackend>(m_services);
    }

    std::unique_ptr<Database> m_database;
    ChangeNotifier m_notifier;
    Services m_services;
    ChangeWatcherThread m_otherProcesses;
    RestServer m_rest;
    std::unique_ptr<LocalBackend> m_backend;
};

// Names, icon and behaviour of the desktop application.
void configureDesktopApplication()
{
    configureApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Signoff"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.example.Signoff")); // packaging/linux
    QApplication::setWindowIcon(applicationIcon());
    QApplication::setQuitOnLastWindowClosed(false); // signing out closes the window, not the program
}

// Where to work: --server, else --database (or SIGNOFF_DATABASE), else
// where the last sign-in went. `problem` says what is wrong with --server.
ConnectionChoice initialConnection(const GlobalOptions &options, QString *problem)
{
    ConnectionChoice connection;
    if (!options.server.isEmpty()) {
        connection.kind = ConnectionChoice::Kind::Server;
        connection.server = ConnectionChoice::serverUrl(options.server, problem);
    } else if (options.database.isEmpty() && qEnvironmentVariableIsEmpty("SIGNOFF_DATABASE")) {
        connection = ConnectionChoice::load();
    }
    return connection;
}

// A database that cannot be opened at the start: said on standard error,
// and in a message box, since nobody reads standard error when Signoff was
// started from a menu.
int failToOpen(const Error &error)
{
    console::printError(error.translatedSummary());
    if (QGuiApplication::platformName() != QStringLiteral("offscreen")
        && QGuiApplication::platformName() != QStringLiteral("minimal"))
        QMessageBox::critical(nullptr, QCoreApplication::translate("Desktop", "Signoff"),
                              QCoreApplication::translate("Desktop", "The database cannot be opened:\n%1")
                                  .arg(error.translatedSummary()));
    return console::exitFailure;
}

} // namespace

// `signoff [--database URL] [--lang CODE]` or `signoff --server URL`: the window.
int runDesktop(int argc, char **argv)
{
    LogWriter log; // the embedded server logs a line per request
    if (const ParsedCommandLine early = parseCommandLine(signoffArguments(argc, argv)); !early.error.isEmpty())
        return console::usageError(early.error);
    QApplication app(argc, argv);
    configureDesktopApplication();
    const ParsedCommandLine parsed = parseCommandLine(QCoreApplication::arguments());
    if (!parsed.error.isEmpty())
        return console::usageError(parsed.error);
    installTranslations(parsed.options.language);

    QString serverProblem;
    ConnectionChoice connection = initialConnection(parsed.options, &serverProblem);
    if (!serverProblem.isEmpty())
        return console::usageError(QStringLiteral("--server: ") + serverProblem);

    std::unique_ptr<LocalDesk> local;
    std::map<QString, std::unique_ptr<RestBackend>> servers;
    auto serverBackend = [&servers](const QUrl &url) -> RestBackend & {
        auto &backend = servers[url.toString()];
        if (!backend)
            backend = std::make_unique<RestBackend>(url);
        return *backend;
    };
    Backend *first = nullptr;
    RestServer *firstRest = nullptr;
    if (connection.kind == ConnectionChoice::Kind::Server) {
        first = &serverBackend(connection.server);
    } else {
        auto opened = LocalDesk::open(parsed.options.database);
        if (!opened)
            return failToOpen(opened.error());
        local = std::move(opened.value());
        first = &local->backend();
        firstRest = &local->rest();
    }

    int status = 0;
    {
        DesktopController controller(*first, firstRest);
        controller.setOpener(
            [&](const ConnectionChoice &chosen) -> Result<DesktopController::Opened> {
                if (chosen.kind == ConnectionChoice::Kind::Server)
                    return DesktopController::Opened{&serverBackend(chosen.server), nullptr};
                if (!local) {
                    auto opened = LocalDesk::open(parsed.options.database);
                    if (!opened)
                        return opened.error();
                    local = std::move(opened.value());
                }
                return DesktopController::Opened{&local->backend(), &local->rest()};
            },
            connection);
        controller.start();
        status = QApplication::exec();
    }
    servers.clear();
    local.reset();
    return status;
}

} // namespace signoff
