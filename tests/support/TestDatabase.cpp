// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestDatabase.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

namespace signoff::test {

namespace {

// Runs one statement over a short-lived connection to `server` and returns
// the error text, empty on success. The connection is removed before
// returning (QSqlDatabase connections belong to the thread that made them,
// and removeDatabase wants every handle and query gone first).
QString runAdminStatement(const DatabaseUrl &server, const QString &sql)
{
    const QString connectionName = QStringLiteral("signoff-test-admin-")
        + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString error;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        admin.setHostName(server.host);
        admin.setPort(server.port);
        admin.setUserName(server.user);
        admin.setPassword(server.password);
        admin.setDatabaseName(server.databaseName);
        admin.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=signoff-tests"));
        if (!admin.isValid()) {
            error = QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not installed");
        } else if (!admin.open()) {
            error = QStringLiteral("cannot connect to %1: %2").arg(server.redacted(), admin.lastError().text());
        } else {
            QSqlQuery query(admin);
            if (!query.exec(sql))
                error = QStringLiteral("%1 failed: %2").arg(sql, query.lastError().text());
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    return error;
}

} // namespace

SqlDialect backendUnderTest()
{
    const QString backend = qEnvironmentVariable("SIGNOFF_TEST_BACKEND");
    if (backend.isEmpty() || backend == QLatin1String("sqlite"))
        return SqlDialect::Sqlite;
    if (backend == QLatin1String("postgresql"))
        return SqlDialect::Postgresql;
    qFatal("SIGNOFF_TEST_BACKEND is '%s'; expected sqlite or postgresql", qPrintable(backend));
}

QString backendName(SqlDialect dialect)
{
    return dialect == SqlDialect::Sqlite ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL");
}

TestDatabase::TestDatabase(SqlDialect dialect)
{
    if (dialect == SqlDialect::Sqlite)
        createSqlite();
    else
        createPostgresql();
}

TestDatabase::~TestDatabase()
{
    if (m_created) {
        const QString error = runAdminStatement(
            m_serverUrl, QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(m_url.databaseName));
        if (!error.isEmpty())
            qWarning("TestDatabase: %s", qPrintable(error));
    }
}

void TestDatabase::createSqlite()
{
    m_url.dialect = SqlDialect::Sqlite;
    m_folder = std::make_unique<QTemporaryDir>();
    if (!m_folder->isValid()) {
        m_errorString = QStringLiteral("cannot create a temporary folder: %1").arg(m_folder->errorString());
        return;
    }
    m_url.path = m_folder->filePath(QStringLiteral("signoff.db"));
}

void TestDatabase::createPostgresql()
{
    m_url.dialect = SqlDialect::Postgresql;
    const QString urlFileName = qEnvironmentVariable("SIGNOFF_TEST_POSTGRESQL_FILE");
    if (urlFileName.isEmpty()) {
        m_errorString = QStringLiteral("SIGNOFF_TEST_POSTGRESQL_FILE is not set: run PostgreSQL tests "
                                       "through ctest, whose `postgres` fixture starts the server");
        return;
    }
    QFile urlFile(urlFileName);
    if (!urlFile.open(QIODevice::ReadOnly)) {
        m_errorString = QStringLiteral("cannot read the PostgreSQL server URL from %1 (%2): did the ctest "
                                       "fixture postgres_start run and succeed?")
                            .arg(urlFileName, urlFile.errorString());
        return;
    }
    const QString serverText = QString::fromUtf8(urlFile.readAll()).trimmed();
    auto server = DatabaseUrl::parse(serverText);
    if (!server) {
        m_errorString = QStringLiteral("%1 holds no valid PostgreSQL URL: %2")
                            .arg(urlFileName, server.error().englishSummary());
        return;
    }
    if (server->dialect != SqlDialect::Postgresql) {
        m_errorString = QStringLiteral("%1 holds %2, not a PostgreSQL URL").arg(urlFileName, server->redacted());
        return;
    }
    m_serverUrl = server.value();

    m_url = m_serverUrl;
    // Unique across parallel tests and runs; only [a-z0-9_], so it needs no quoting rules.
    m_url.databaseName = QStringLiteral("signoff_test_")
        + QUuid::createUuid().toString(QUuid::Id128);
    const QString error = runAdminStatement(
        m_serverUrl, QStringLiteral("CREATE DATABASE \"%1\" ENCODING 'UTF8'").arg(m_url.databaseName));
    if (!error.isEmpty()) {
        m_errorString = error;
        return;
    }
    m_created = true;
}

QString TestDatabase::urlString() const
{
    return toUrlString(m_url);
}

QString toUrlString(const DatabaseUrl &url)
{
    if (url.dialect == SqlDialect::Sqlite)
        return QStringLiteral("sqlite:") + url.path;
    QUrl result;
    result.setScheme(QStringLiteral("postgresql"));
    result.setHost(url.host);
    result.setPort(url.port);
    result.setUserName(url.user);
    result.setPassword(url.password);
    result.setPath(u'/' + url.databaseName);
    if (!url.options.isEmpty()) {
        QUrlQuery query;
        for (auto it = url.options.cbegin(); it != url.options.cend(); ++it)
            query.addQueryItem(it.key(), it.value());
        result.setQuery(query);
    }
    return result.toString(QUrl::FullyEncoded);
}

} // namespace signoff::test
