// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "DatabaseUrl.h"
#include "domain/Result.h"

#include <QHash>
#include <QString>
#include <QVariant>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

// No QtSql here: this header is storage's face to the layers above it
// (docs/architecture.md, "The storage boundary"). Rows only points at a
// statement; QtSql's side of a connection is in SqlConnection.h.
class QSqlQuery;
struct sqlite3;

namespace signoff {

class SqliteStatement;

// The rows of one executed statement. Finishes the statement when it goes
// out of scope: SQLite holds its read snapshot until then.
class Rows
{
public:
    Rows(Rows &&other) noexcept
        : m_query(std::exchange(other.m_query, nullptr))
        , m_sqlite(std::exchange(other.m_sqlite, nullptr))
        , m_pendingRow(other.m_pendingRow)
        , m_started(other.m_started)
    {
    }
    Rows &operator=(Rows &&) = delete;
    Rows(const Rows &) = delete;
    ~Rows();

    bool next();
    QVariant value(int column) const;
    int rowsAffected() const;

private:
    friend class Connection;
    explicit Rows(QSqlQuery &query) : m_query(&query) {}
    // A statement whose first step() was taken: `firstStep` says whether it
    // gave a row.
    Rows(SqliteStatement &statement, bool firstStep) : m_sqlite(&statement), m_pendingRow(firstStep) {}

    QSqlQuery *m_query = nullptr;
    SqliteStatement *m_sqlite = nullptr;
    bool m_pendingRow = false; // SQLite: the first row, already stepped to
    bool m_started = false;
};

// One thread's connection to the database, with its prepared statements.
// QSqlDatabase handles must not cross threads, so Database hands each thread
// its own Connection; nothing else creates them.
class Connection
{
public:
    // `instance`: the Database's name on PostgreSQL (the session setting
    // signoff.instance), carried by the notifications of what it commits.
    Connection(const DatabaseUrl &url, QString name, QString instance = {});
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    Result<void> open();

    SqlDialect dialect() const { return m_dialect; }
    // The name of its QtSql connection (unique in the process).
    const QString &name() const { return m_name; }

    // QtSql's side of this connection: its QSqlDatabase, the statements
    // prepared on it, and how a QSqlError becomes a typed error. Defined in
    // the storage-internal SqlConnection.h, for core/storage's own sources.
    struct Sql;
    Sql &sql() { return *m_sql; }

    // Runs `sql` (prepared, with `values` bound in order) and reports failure
    // as a typed error. For statements whose result is not read.
    Result<void> execute(const QString &sql, const QVariantList &values = {});
    // The same for statements whose rows or affected-row count are read.
    Result<Rows> query(const QString &sql, const QVariantList &values = {});
    // Runs `sql` as it is, neither prepared nor kept: a statement that runs
    // once and may not be preparable (a migration's DDL: PostgreSQL cannot
    // PREPARE it). A failure is logged and typed like execute()'s; `reason`,
    // when given, receives the database's own words for it.
    Result<void> executeOnce(const QString &sql, QString *reason = nullptr);

    bool isBroken() const { return m_broken; }
    // Whether the server still answers, asked so that the connection is
    // left exactly as it was (a whole result, not a forward-only one left
    // half read: libpq would hold back a LISTENing connection's
    // notifications behind it). Marks the connection broken when not.
    bool answers();
    // Whether execute() and query() run on SQLite's own handle
    // (SqliteStatement) rather than through QSqlQuery: SQLite, always.
    bool runsSqliteStatements() const { return m_sqlite != nullptr; }

    // Transactions are driven by Database; these are its primitives.
    Result<void> beginWrite();
    Result<void> beginSnapshot();
    Result<void> commit();
    void rollback();
    bool inTransaction() const { return m_inTransaction; }

    // SQLite's write-ahead log. PASSIVE copies what it can without waiting
    // for anyone; TRUNCATE waits for readers and writers, copies everything
    // and empties the log file.
    enum class Checkpoint { Passive, Truncate };
    struct CheckpointProgress
    {
        int logFrames = 0;          // frames in the log
        int checkpointedFrames = 0; // of those, copied into the database
        bool complete() const { return checkpointedFrames >= logFrames; }
    };
    Result<CheckpointProgress> checkpoint(Checkpoint mode);
    // The log size (in pages) at which a commit checkpoints by itself
    // (PRAGMA wal_autocheckpoint); 0: never.
    Result<void> setWalAutoCheckpoint(int pages);
    int walAutoCheckpoint() const { return m_walAutoCheckpoint; }

private:
    Result<void> configureSqlite();
    // query() on SQLite: the statement compiled once on QSQLITE's handle,
    // bound, and stepped to its first row.
    Result<Rows> querySqlite(const QString &sql, const QVariantList &values);

    QString m_name;
    QString m_instance;
    SqlDialect m_dialect;
    std::unique_ptr<Sql> m_sql;
    sqlite3 *m_sqlite = nullptr; // QSQLITE's handle, owned by its driver
    std::unordered_map<QString, std::unique_ptr<SqliteStatement>> m_sqliteStatements;
    bool m_broken = false;
    bool m_inTransaction = false;
    int m_walAutoCheckpoint = 1000; // SQLite's default
};

} // namespace signoff
