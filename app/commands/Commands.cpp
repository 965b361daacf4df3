// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Commands.h"

#include "Console.h"

#include <QCoreApplication>

namespace signoff {

void configureApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("signoff"));
    QCoreApplication::setOrganizationName(QStringLiteral("signoff"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SIGNOFF_VERSION));
}

int runCommand(const GlobalOptions &options)
{
    if (options.command == QStringLiteral("user"))
        return runUserCommand(options);
    if (options.command == QStringLiteral("migrate"))
        return runMigrateCommand(options);
    if (options.command == QStringLiteral("backup"))
        return runBackupCommand(options);
    if (options.command == QStringLiteral("audit"))
        return runAuditCommand(options);
    if (options.command == QStringLiteral("serve"))
        return runServeCommand(options);
    return console::usageError(QStringLiteral("unknown command ‘%1’").arg(options.command));
}

} // namespace signoff
