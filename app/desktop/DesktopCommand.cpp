#include "CommandSupport.h"
#include "Commands.h"
#include "Console.h"
#include "DesktopController.h"
#include "rest/RestServer.h"
#include "service/ChangeWatcher.h"
#include "service/Services.h"

#include <QApplication>
#include <QMessageBox>

namespace signoff {

// `signoff [--database URL] [--lang CODE]`: the window.
int runDesktop(int argc, char **argv)
{
    QApplication app(argc, argv);
    configureApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Signoff"));
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
    // Changes by other processes on the same database (another desktop, a
    // separate `signoff serve`) refresh this window too.
    ChangeWatcher otherProcesses(*database.value(), notifier);
    otherProcesses.start();
    RestServer rest(services);
    int status = 0;
    {
        DesktopController controller(services, rest, database.value()->url().redacted());
        controller.start();
        status = QApplication::exec();
    }
    otherProcesses.stop();
    rest.stop();
    return status;
}

} // namespace signoff
