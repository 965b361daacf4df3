#include "CommandSupport.h"
#include "Commands.h"
#include "Console.h"
#include "storage/Migrator.h"

#include <QCoreApplication>

namespace signoff {

void installTranslations(const QString &)
{
}

// Until the window lands (issue 4): opens the database the desktop would use
// and reports where it is and its schema state.
int runDesktop(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    configureApplication();
    const ParsedCommandLine parsed = parseCommandLine(QCoreApplication::arguments());
    if (!parsed.error.isEmpty())
        return console::usageError(parsed.error);
    auto database = openForUse(parsed.options.database);
    if (!database)
        return console::fail(database.error());
    console::print(QStringLiteral("Signoff %1").arg(QStringLiteral(SIGNOFF_VERSION)));
    console::print(QStringLiteral("database: %1").arg(database.value()->url().redacted()));
    auto states = Migrator(*database.value()).status();
    if (!states)
        return console::fail(states.error());
    int applied = 0;
    for (const MigrationState &state : states.value())
        applied += state.applied ? 1 : 0;
    console::print(QStringLiteral("schema: %1 of %2 migrations applied").arg(applied).arg(states->size()));
    console::print(QStringLiteral("The desktop window is not built yet; see README."));
    return console::exitOk;
}

} // namespace signoff
