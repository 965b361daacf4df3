// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "TestHelpers.h"
#include "storage/DatabaseUrl.h"

#include <QString>
#include <QTemporaryDir>
#include <QtTest/QTest>
#include <memory>

namespace signoff::test {

// The backend a storage or service test runs against: SIGNOFF_TEST_BACKEND
// (`sqlite` or `postgresql`, set by signoff_add_test's BACKENDS); SQLite when
// unset. Any other value stops the test: a typo must not quietly test SQLite.
SqlDialect backendUnderTest();
QString backendName(SqlDialect dialect);

// A new, empty database for one test, removed again on destruction.
// SQLite: a file (not yet created) in a fresh temporary folder.
// PostgreSQL: a database with a unique name on the server of the ctest
// fixture `postgres`, whose URL is in the file named by
// SIGNOFF_TEST_POSTGRESQL_FILE; dropped WITH (FORCE) on destruction, so
// connections the test left open do not keep it alive.
// Without that file the database is invalid: PostgreSQL tests fail, never skip.
class TestDatabase
{
public:
    explicit TestDatabase(SqlDialect dialect = backendUnderTest());
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    bool isValid() const { return m_errorString.isEmpty(); }
    QString errorString() const { return m_errorString; }
    SqlDialect dialect() const { return m_url.dialect; }
    const DatabaseUrl &url() const { return m_url; }
    // For the signoff binary's --database option or SIGNOFF_DATABASE.
    QString urlString() const;

private:
    void createSqlite();
    void createPostgresql();

    DatabaseUrl m_url;
    QString m_errorString;
    std::unique_ptr<QTemporaryDir> m_folder; // SQLite
    DatabaseUrl m_serverUrl;                 // PostgreSQL: the admin connection's target
    bool m_created = false;                  // PostgreSQL: whether there is a database to drop
};

// "sqlite:/path" or "postgresql://user[:password]@host:port/db[?options]".
QString toUrlString(const DatabaseUrl &url);

} // namespace signoff::test

// Fails the current test function (and returns from it) when the test
// database could not be created, with the reason.
#define SIGNOFF_REQUIRE_DATABASE(testDatabase)                                                      \
    do {                                                                                            \
        if (!(testDatabase).isValid())                                                              \
            QFAIL(qPrintable(QStringLiteral("Cannot create the %1 test database: %2")               \
                                 .arg(::signoff::test::backendName((testDatabase).dialect()),      \
                                      (testDatabase).errorString())));                              \
    } while (false)
