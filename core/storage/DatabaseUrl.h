// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Result.h"

#include <QMap>
#include <QString>

namespace signoff {

enum class SqlDialect { Sqlite, Postgresql };

// Where the data lives (docs/design.md, "The command line"). A file path,
// `sqlite:PATH`, or `postgresql://USER:PASSWORD@HOST:PORT/DB[?libpq-option=value&...]`.
struct DatabaseUrl
{
    SqlDialect dialect = SqlDialect::Sqlite;
    QString path;               // SQLite: the database file
    QString host;               // PostgreSQL
    int port = 5432;
    QString user;
    QString password;
    QString databaseName;
    QMap<QString, QString> options; // PostgreSQL: libpq keywords (sslmode, connect_timeout, ...)

    // For messages and logs: never contains the password.
    QString redacted() const;

    static Result<DatabaseUrl> parse(const QString &text);
    // signoff.db in the platform's application data folder.
    static DatabaseUrl defaultLocation();
    // The command line's value if given, else SIGNOFF_DATABASE, else the default.
    static Result<DatabaseUrl> resolve(const QString &commandLineValue);
};

} // namespace signoff
