// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Core may use Qt Core, Qt Sql and its own headers.
#include "storage/Database.h"

#include <QtCore/QObject>
#include <QtSql/QSqlDatabase>

int layeringCoreControl()
{
    return QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")) ? 1 : 0;
}
