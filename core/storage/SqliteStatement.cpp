// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SqliteStatement.h"

#include <sqlite3.h>

#include <memory>

namespace signoff {

namespace {

QString sqliteMessage(sqlite3 *db)
{
    return QString(reinterpret_cast<const QChar *>(sqlite3_errmsg16(db)));
}

} // namespace

std::unique_ptr<SqliteStatement> SqliteStatement::prepare(sqlite3 *db, const QString &sql, QSqlError *error)
{
    sqlite3_stmt *statement = nullptr;
    const int code = sqlite3_prepare16_v3(db, sql.constData(), int((sql.size() + 1) * sizeof(QChar)),
                                          SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (code != SQLITE_OK || !statement) {
        if (statement)
            sqlite3_finalize(statement);
        *error = QSqlError(QStringLiteral("Unable to execute statement"), sqliteMessage(db),
                           QSqlError::StatementError, QString::number(sqlite3_extended_errcode(db)));
        return nullptr;
    }
    return std::unique_ptr<SqliteStatement>(new SqliteStatement(db, statement));
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::fail(const QString &what)
{
    m_error = QSqlError(what, sqliteMessage(m_db), QSqlError::StatementError,
                        QString::number(sqlite3_extended_errcode(m_db)));
}

bool SqliteStatement::bind(const QVariantList &values)
{
    m_error = QSqlError();
    if (values.size() != sqlite3_bind_parameter_count(m_statement)) {
        m_error = QSqlError(QStringLiteral("Parameter count mismatch"), QString(), QSqlError::StatementError);
        return false;
    }
    static const char16_t empty[] = u"";
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        const int index = i + 1;
        int code = SQLITE_OK;
        // A null QVariant of any type is SQL NULL; a QString that is merely
        // empty is '' (NOT NULL columns), as Connection binds it with Qt.
        if (value.isNull()) {
            code = sqlite3_bind_null(m_statement, index);
        } else {
            switch (value.metaType().id()) {
            case QMetaType::Bool:
            case QMetaType::Int:
            case QMetaType::UInt:
            case QMetaType::LongLong:
            case QMetaType::Long:
            case QMetaType::Short:
            case QMetaType::UShort:
                code = sqlite3_bind_int64(m_statement, index, value.toLongLong());
                break;
            case QMetaType::ULongLong:
            case QMetaType::ULong:
                code = sqlite3_bind_int64(m_statement, index, sqlite3_int64(value.toULongLong()));
                break;
            case QMetaType::Double:
            case QMetaType::Float:
                code = sqlite3_bind_double(m_statement, index, value.toDouble());
                break;
            case QMetaType::QByteArray: {
                const QByteArray bytes = value.toByteArray();
                code = sqlite3_bind_blob(m_statement, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
                break;
            }
            default: {
                const QString text = value.toString();
                const void *data = text.isNull() ? static_cast<const void *>(empty) : static_cast<const void *>(text.constData());
                code = sqlite3_bind_text16(m_statement, index, data, int(text.size() * sizeof(QChar)), SQLITE_TRANSIENT);
                break;
            }
            }
        }
        if (code != SQLITE_OK) {
            fail(QStringLiteral("Unable to bind parameters"));
            return false;
        }
    }
    return true;
}

SqliteStatement::Step SqliteStatement::step()
{
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return Step::Row;
    if (code == SQLITE_DONE)
        return Step::Done;
    fail(QStringLiteral("Unable to fetch row"));
    return Step::Failed;
}

QVariant SqliteStatement::value(int column) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return QVariant(qlonglong(sqlite3_column_int64(m_statement, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_statement, column));
    case SQLITE_BLOB: {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
        return QVariant(QByteArray(data, sqlite3_column_bytes(m_statement, column)));
    }
    case SQLITE_TEXT: {
        const auto *data = static_cast<const QChar *>(sqlite3_column_text16(m_statement, column));
        return QVariant(QString(data, sqlite3_column_bytes16(m_statement, column) / int(sizeof(QChar))));
    }
    default:
        return QVariant();
    }
}

int SqliteStatement::changes() const
{
    return sqlite3_changes(m_db);
}

void SqliteStatement::finish()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

} // namespace signoff
