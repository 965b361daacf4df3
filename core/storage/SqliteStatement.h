// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QSqlError>
#include <QString>
#include <QVariant>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace signoff {

// One prepared statement on SQLite's own handle of a QSQLITE connection,
// for Connection's hot path. Qt's QSQLITE result re-reads every column's
// name and declared type on each execution and formats a placeholder name
// for each bound value: on a primary-key read that was more than the read
// itself (docs/benchmarks.md). Values cross as QSQLITE passes them (text as
// QString, integers as qlonglong, NULL as a null QVariant), errors as the
// QSqlError QSQLITE would give, so nothing above Connection can tell.
class SqliteStatement
{
public:
    enum class Step { Row, Done, Failed };

    // Compiles `sql` on `db`; null with `error` set when SQLite refuses it.
    static std::unique_ptr<SqliteStatement> prepare(sqlite3 *db, const QString &sql, QSqlError *error);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Binds `values` to the ?s in order; false (see lastError()) when SQLite
    // refuses one or their number is wrong.
    bool bind(const QVariantList &values);
    Step step();
    // The current row's column (after step() gave Row).
    QVariant value(int column) const;
    // Rows changed by the statement that just finished (INSERT, UPDATE, DELETE).
    int changes() const;
    // Ends the execution (releasing SQLite's read snapshot) and the bindings.
    void finish();
    const QSqlError &lastError() const { return m_error; }

private:
    SqliteStatement(sqlite3 *db, sqlite3_stmt *statement) : m_db(db), m_statement(statement) {}
    void fail(const QString &what);

    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
    QSqlError m_error;
};

} // namespace signoff
