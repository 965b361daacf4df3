// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Connection.h"
#include "SqliteStatement.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <memory>
#include <unordered_map>

namespace signoff {

// Storage-internal: QtSql's side of a Connection, for core/storage's own
// sources (and its tests). Nothing outside core/storage includes this header;
// the layers above see Connection.h and Database.h, which need no QtSql, and
// their builds forbid it (docs/architecture.md, "The storage boundary").
struct Connection::Sql
{
    explicit Sql(Connection &owner) : connection(owner) {}

    // The prepared statement for `sql`, compiled once per connection. The
    // caller binds, executes and calls finish() (SQLite keeps a read snapshot
    // open until then).
    QSqlQuery &prepared(const QString &sql);

    // A failed statement: logs it with context and turns it into a typed error
    // (Conflict for unique violations, Unavailable otherwise). Marks the
    // connection broken when the server went away, so the next use reconnects.
    Error failure(const QSqlQuery &query);
    Error failure(const QSqlError &error, const QString &context);

    Connection &connection;
    QSqlDatabase handle;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> statements;
    std::unique_ptr<QSqlQuery> unpreparable; // the last statement that failed to prepare
};

bool isUniqueViolation(const QSqlError &error);
bool isBusy(const QSqlError &error);

} // namespace signoff
