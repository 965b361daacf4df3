// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CommandLine.h"

namespace signoff {

// Application name, organisation and version for QStandardPaths and QSettings.
void configureApplication();
// Loads the translations for `language` (empty: the system locale).
void installTranslations(const QString &language);

// Dispatches a headless command (serve, user, migrate, backup).
int runCommand(const GlobalOptions &options);

int runUserCommand(const GlobalOptions &options);
int runMigrateCommand(const GlobalOptions &options);
int runBackupCommand(const GlobalOptions &options);
int runAuditCommand(const GlobalOptions &options);
int runServeCommand(const GlobalOptions &options);

// The desktop application: creates the QApplication itself.
int runDesktop(int argc, char **argv);

} // namespace signoff
