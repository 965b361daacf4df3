// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Connection.h"

#include "SqlConnection.h"
#include "StorageLog.h"

#include <sqlite3.h>

#include <QSqlDriver>
#include <QSqlError>
#include <QThread>

#include <algorithm>

Q_LOGGING_CATEGORY(lcStorage, "signoff.storage", QtInfoMsg)

namespace signoff {

namespace {

constexpr int sqliteBusyTimeoutMs = 5000;
constexpr int beginAttempts = 3;

Error unavailable()
{
    return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "The database is not available; try again shortly.")));
}

bool isConnectionLoss(const QSqlError &error)
{
    if (error.type() == QSqlError::ConnectionError)
        return true;
    const QString code = error.nativeErrorCode();
    // PostgreSQL SQLSTATE class 08 (connection exception) and 57P0x (shutdown).
    if (code.startsWith(QStringLiteral("08")) || code.startsWith(QStringLiteral("57P")))
        return true;
    const QString text = error.databaseText() + u' ' + error.driverText();
    return text.contains(QStringLiteral("server closed the connection"))
        || text.contains(QStringLiteral("no connection to the server"))
        || text.contains(QStringLiteral("terminating connection"))
        || text.contains(QStringLiteral("could not connect"));
}

// SQLite's primary result code (the low byte of an extended one, which is
// what Qt reports), or -1 when the error did not come from SQLite.
int sqlitePrimaryCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

// What a log line may say about a failed statement. PostgreSQL's messages
// quote the values (QPSQL formats them into EXECUTE, and "invalid input
// syntax ...: \"…\"" or "Key (name)=(…)" repeat them): only the SQLSTATE is
// logged. SQLite's name schema objects, never bound values.
QString loggable(const QSqlError &error, SqlDialect dialect)
{
    if (dialect == SqlDialect::Postgresql)
        return QStringLiteral("SQLSTATE ") + (error.nativeErrorCode().isEmpty() ? QStringLiteral("-") : error.nativeErrorCode());
    return error.databaseText().isEmpty() ? error.driverText() : error.databaseText();
}

// Text bound to a statement may not hold NUL: QPSQL formats values into the
// statement, where a NUL cuts it. The doors refuse NUL in what they take;
// this is the last line, so no input reaches the database with one.
bool holdsNul(const QVariantList &values)
{
    return std::any_of(values.cbegin(), values.cend(), [](const QVariant &value) {
        return value.metaType() == QMetaType::fromType<QString>() && value.toString().contains(QChar(u'\0'));
    });
}

Error nulRefused()
{
    Error error = Error::invalid({});
    error.message = Message(QT_TRANSLATE_NOOP("Core", "Text cannot contain NUL characters (U+0000)."));
    return error;
}

constexpr int sqliteReadOnly = 8;   // SQLITE_READONLY: the file or its folder cannot be written
constexpr int sqliteIoError = 10;   // SQLITE_IOERR
constexpr int sqliteFull = 13;      // SQLITE_FULL: the disk is full
constexpr int sqliteCantOpen = 14;  // SQLITE_CANTOPEN

// QPSQL prepares with "PREPARE name AS ...", which PostgreSQL accepts only for
// SELECT, INSERT, UPDATE, DELETE, MERGE and VALUES (and WITH around them):
// SET, BEGIN, COMMIT, ROLLBACK and DDL must run unprepared there.
bool isPreparable(SqlDialect dialect, const QString &sql)
{
    if (dialect == SqlDialect::Sqlite)
        return true;
    static const QStringList preparable{QStringLiteral("SELECT"), QStringLiteral("INSERT"), QStringLiteral("UPDATE"),
                                        QStringLiteral("DELETE"), QStringLiteral("MERGE"), QStringLiteral("VALUES"),
                                        QStringLiteral("WITH")};
    const QString text = sql.trimmed();
    qsizetype end = 0;
    while (end < text.size() && text.at(end).isLetter())
        ++end;
    return preparable.contains(text.left(end).toUpper());
}

// Runs a statement from Connection::prepared().
bool run(QSqlQuery &query, SqlDialect dialect, const QString &sql)
{
    return isPreparable(dialect, sql) ? query.exec() : query.exec(sql);
}

// Qt's drivers bind a null QString as SQL NULL. Text that exists but is
// empty must stay '' (NOT NULL columns); SQL NULL is asked for with a null
// QVariant (see sql::fromOptionalText).
QVariant bindable(const QVariant &value)
{
    if (value.metaType() == QMetaType::fromType<QString>() && !value.isNull() && value.toString().isNull())
        return QVariant(QStringLiteral(""));
    return value;
}

void bindAll(QSqlQuery &query, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, bindable(values.at(i)));
}

} // namespace

bool isUniqueViolation(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    // SQLite: SQLITE_CONSTRAINT_UNIQUE (2067), _PRIMARYKEY (1555), or the
    // primary code 19 with the UNIQUE text. PostgreSQL: SQLSTATE 23505.
    if (code == QStringLiteral("23505") || code == QStringLiteral("2067") || code == QStringLiteral("1555"))
        return true;
    return code == QStringLiteral("19") && error.databaseText().contains(QStringLiteral("UNIQUE"));
}

bool isBusy(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    // SQLITE_BUSY (5) and its extended codes, SQLITE_LOCKED (6).
    return code == QStringLiteral("5") || code == QStringLiteral("6") || code == QStringLiteral("517")
        || code == QStringLiteral("261") || error.databaseText().contains(QStringLiteral("database is locked"));
}

Connection::Connection(const DatabaseUrl &url, QString name, QString instance)
    : m_name(std::move(name))
    , m_instance(std::move(instance))
    , m_dialect(url.dialect)
    , m_sql(std::make_unique<Sql>(*this))
{
    QSqlDatabase &handle = m_sql->handle;
    if (url.dialect == SqlDialect::Sqlite) {
        handle = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        handle.setDatabaseName(url.path);
        handle.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(sqliteBusyTimeoutMs));
    } else {
        handle = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        handle.setHostName(url.host);
        handle.setPort(url.port);
        handle.setUserName(url.user);
        handle.setPassword(url.password);
        handle.setDatabaseName(url.databaseName);
        QStringList options{QStringLiteral("connect_timeout=5"), QStringLiteral("application_name=signoff")};
        for (auto it = url.options.cbegin(); it != url.options.cend(); ++it) {
            options.removeIf([&](const QString &option) { return option.startsWith(it.key() + u'='); });
            options.append(it.key() + u'=' + it.value());
        }
        handle.setConnectOptions(options.join(u';'));
    }
}

Connection::~Connection()
{
    // Finalized before QSQLITE closes its handle: sqlite3_close() refuses a
    // handle with statements left, and the connection would stay open.
    m_sqliteStatements.clear();
    m_sql->statements.clear();
    m_sql->unpreparable.reset();
    m_sql->handle.close();
    m_sql.reset(); // the last QSqlDatabase of this name goes before its removal
    QSqlDatabase::removeDatabase(m_name);
}

Result<void> Connection::open()
{
    QSqlDatabase &handle = m_sql->handle;
    if (!handle.isValid())
        return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "The Qt SQL driver for this database is not installed.")));
    if (!handle.open()) {
        qCWarning(lcStorage).noquote() << "cannot open database:" << handle.lastError().text();
        return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "Cannot open the database: %1"),
                                          {handle.lastError().text()}));
    }
    if (m_dialect == SqlDialect::Sqlite) {
        const QVariant native = handle.driver()->handle();
        if (native.isValid() && qstrcmp(native.typeName(), "sqlite3*") == 0)
            m_sqlite = *static_cast<sqlite3 *const *>(native.constData());
        return configureSqlite();
    }
    // Timestamps are exchanged as UTC text; make the session agree.
    if (auto zone = execute(QStringLiteral("SET TIME ZONE 'UTC'")); !zone)
        return zone;
    // Which instance writes: the notifications of its changes carry it.
    if (m_instance.isEmpty())
        return {};
    return execute(QStringLiteral("SELECT set_config('signoff.instance', ?, false)"), {m_instance});
}

bool Connection::answers()
{
    if (m_broken)
        return false;
    QSqlQuery query(m_sql->handle); // not forward-only: QPSQL reads the whole result at once
    if (query.prepare(QStringLiteral("SELECT 1")) && query.exec() && query.next())
        return true;
    m_broken = m_broken || isConnectionLoss(query.lastError()) || !m_sql->handle.isOpen();
    if (!m_broken)
        m_sql->failure(query); // logged; a server that answers with an error is still there
    return !m_broken;
}

Result<void> Connection::configureSqlite()
{
    // journal_mode is stored in the file; the others are per connection and
    // must be set on every open (foreign_keys outside any transaction).
    // synchronous=FULL: a commit is on disk before we acknowledge it, even
    // across power loss (see README, "Durability"). temp_store=MEMORY: the
    // statement journals that let one statement of a shared transaction
    // (GroupCommit) roll back alone would otherwise spill into a temporary
    // file, created and written during the insert itself; they hold a few
    // pages, and only until the statement ends. cache_size: 4 MiB of pages
    // per connection instead of SQLite's 2 MB, so a server thread's reads of
    // random rows find an index's inner pages and many leaves in memory
    // instead of reading them again from the file (pread); SQLite fills it
    // only as pages are used. (8 MiB read no faster once the feature cache
    // held every feature, and cost the server 17 MB more.)
    // Switching a new file to WAL while another connection holds it can be
    // SQLITE_BUSY at once, without the busy handler: a few more tries, for
    // at most about a second (two programs starting on one new file).
    constexpr int busyAttempts = 50;
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL",
                               "PRAGMA journal_mode = WAL", "PRAGMA temp_store = MEMORY", "PRAGMA cache_size = -4096"}) {
        QSqlQuery query(m_sql->handle);
        bool done = query.exec(QString::fromLatin1(pragma));
        for (int attempt = 1; !done && attempt < busyAttempts && isBusy(query.lastError()); ++attempt) {
            QThread::msleep(20);
            done = query.exec(QString::fromLatin1(pragma));
        }
        if (!done) {
            const QSqlError error = query.lastError();
            qCWarning(lcStorage).noquote() << "cannot configure SQLite:" << error.text();
            return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "Cannot open the database: %1"),
                                              {error.databaseText().isEmpty() ? error.text() : error.databaseText()}));
        }
    }
    return {};
}

QSqlQuery &Connection::Sql::prepared(const QString &sql)
{
    const SqlDialect dialect = connection.m_dialect;
    auto it = statements.find(sql);
    if (it == statements.end()) {
        auto query = std::make_unique<QSqlQuery>(handle);
        query->setForwardOnly(true);
        if (isPreparable(dialect, sql) && !query->prepare(sql)) {
            // Not cached: a statement that failed to prepare (say, before a
            // migration created its table) would fail forever on this connection.
            qCCritical(lcStorage).noquote() << "cannot prepare statement:" << loggable(query->lastError(), dialect) << "|" << sql;
            unpreparable = std::move(query);
            return *unpreparable;
        }
        it = statements.emplace(sql, std::move(query)).first;
    }
    return *it->second;
}

Result<void> Connection::execute(const QString &sql, const QVariantList &values)
{
    auto rows = query(sql, values); // the statement is finished as `rows` goes
    if (!rows)
        return rows.error();
    return {};
}

Result<Rows> Connection::query(const QString &sql, const QVariantList &values)
{
    if (holdsNul(values))
        return nulRefused();
    if (m_sqlite)
        return querySqlite(sql, values);
    QSqlQuery &statement = m_sql->prepared(sql);
    bindAll(statement, values);
    if (!run(statement, m_dialect, sql)) {
        Error error = m_sql->failure(statement);
        statement.finish();
        return error;
    }
    return Rows(statement);
}

Result<Rows> Connection::querySqlite(const QString &sql, const QVariantList &values)
{
    auto it = m_sqliteStatements.find(sql);
    if (it == m_sqliteStatements.end()) {
        // Not kept on failure: a statement refused now (say, before a
        // migration created its table) may compile later.
        QSqlError refused;
        auto compiled = SqliteStatement::prepare(m_sqlite, sql, &refused);
        if (!compiled)
            return m_sql->failure(refused, sql);
        it = m_sqliteStatements.emplace(sql, std::move(compiled)).first;
    }
    SqliteStatement &statement = *it->second;
    const SqliteStatement::Step first = statement.bind(values) ? statement.step() : SqliteStatement::Step::Failed;
    if (first == SqliteStatement::Step::Failed) {
        const QSqlError failed = statement.lastError();
        statement.finish();
        return m_sql->failure(failed, sql);
    }
    return Rows(statement, first == SqliteStatement::Step::Row);
}

Rows::~Rows()
{
    if (m_query)
        m_query->finish();
    if (m_sqlite)
        m_sqlite->finish();
}

bool Rows::next()
{
    if (m_query)
        return m_query->next();
    if (!m_sqlite)
        return false;
    if (!m_started) {
        m_started = true;
        return m_pendingRow;
    }
    return m_pendingRow && (m_pendingRow = m_sqlite->step() == SqliteStatement::Step::Row);
}

QVariant Rows::value(int column) const
{
    return m_query ? m_query->value(column) : m_sqlite->value(column);
}

int Rows::rowsAffected() const
{
    return m_query ? m_query->numRowsAffected() : m_sqlite->changes();
}

Result<void> Connection::executeOnce(const QString &sql, QString *reason)
{
    QSqlQuery query(m_sql->handle);
    if (query.exec(sql))
        return {};
    const QSqlError error = query.lastError();
    if (reason)
        *reason = (error.databaseText().isEmpty() ? error.text() : error.databaseText()).simplified();
    return m_sql->failure(error, sql);
}

Error Connection::Sql::failure(const QSqlQuery &query)
{
    return failure(query.lastError(), query.lastQuery());
}

Error Connection::Sql::failure(const QSqlError &error, const QString &context)
{
    const SqlDialect dialect = connection.m_dialect;
    if (isUniqueViolation(error))
        return Error::conflict(QStringLiteral("duplicate"), Message(QT_TRANSLATE_NOOP("Core", "This item already exists.")));
    if (dialect == SqlDialect::Postgresql && isConnectionLoss(error))
        connection.m_broken = true;
    if (dialect == SqlDialect::Sqlite) {
        const int code = sqlitePrimaryCode(error);
        // The file's state outside SQLite: reopen on next use, so that the
        // server recovers by itself once the disk has room or the file is
        // writable again (a connection keeps the mode it was opened with).
        if (code == sqliteReadOnly || code == sqliteIoError || code == sqliteFull || code == sqliteCantOpen)
            connection.m_broken = true;
        if (code == sqliteFull) {
            qCCritical(lcStorage).noquote() << "disk full:" << loggable(error, dialect) << "|" << context.simplified();
            return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "The disk that holds the database is full; nothing was saved.")));
        }
        if (code == sqliteReadOnly) {
            qCCritical(lcStorage).noquote() << "database is read-only:" << loggable(error, dialect) << "|" << context.simplified();
            return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "The database cannot be written (it is read-only); nothing was saved.")));
        }
    }
    if (isBusy(error)) {
        qCWarning(lcStorage).noquote() << "database busy:" << loggable(error, dialect);
        return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "The database is busy; try again shortly.")));
    }
    qCCritical(lcStorage).noquote() << "statement failed:" << loggable(error, dialect) << "|" << context.simplified();
    return unavailable();
}

Result<void> Connection::beginWrite()
{
    const QString begin = m_dialect == SqlDialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    Result<void> result;
    // busy_timeout already waits; a few more attempts ride out a writer that
    // holds the lock longer than that (a checkpoint, a backup).
    for (int attempt = 1; attempt <= beginAttempts; ++attempt) {
        QSqlQuery &query = m_sql->prepared(begin);
        if (run(query, m_dialect, begin)) {
            query.finish();
            m_inTransaction = true;
            return {};
        }
        const QSqlError error = query.lastError();
        result = m_sql->failure(error, begin);
        if (!isBusy(error))
            break;
    }
    return result;
}

Result<void> Connection::beginSnapshot()
{
    const QString begin = m_dialect == SqlDialect::Sqlite
        ? QStringLiteral("BEGIN DEFERRED")
        : QStringLiteral("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (auto result = execute(begin); !result)
        return result;
    m_inTransaction = true;
    return {};
}

Result<void> Connection::commit()
{
    auto result = execute(QStringLiteral("COMMIT"));
    if (!result)
        rollback();
    m_inTransaction = false;
    return result;
}

void Connection::rollback()
{
    QSqlQuery &query = m_sql->prepared(QStringLiteral("ROLLBACK"));
    if (!run(query, m_dialect, QStringLiteral("ROLLBACK")))
        qCWarning(lcStorage).noquote() << "rollback failed:" << loggable(query.lastError(), m_dialect);
    query.finish();
    m_inTransaction = false;
}

Result<Connection::CheckpointProgress> Connection::checkpoint(Checkpoint mode)
{
    auto rows = query(mode == Checkpoint::Passive ? QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")
                                                  : QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    if (!rows)
        return rows.error();
    // One row: busy (the checkpoint could not run at all), frames in the log,
    // frames checkpointed; -1 for both when the database is not in WAL mode.
    CheckpointProgress progress;
    if (rows.value().next()) {
        progress.logFrames = qMax(0, rows.value().value(1).toInt());
        progress.checkpointedFrames = qMax(0, rows.value().value(2).toInt());
    }
    return progress;
}

Result<void> Connection::setWalAutoCheckpoint(int pages)
{
    // A pragma's value cannot be bound; `pages` is a number we format.
    auto result = execute(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(qMax(0, pages)));
    if (result)
        m_walAutoCheckpoint = qMax(0, pages);
    return result;
}

} // namespace signoff
