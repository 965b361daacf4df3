// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestDatabase.h"
#include "storage/Database.h"

#include <QFileInfo>
#include <QtTest/QTest>

using namespace signoff;
using namespace signoff::test;

// The test infrastructure itself: every storage and service test stands on
// TestDatabase and, for PostgreSQL, on the `postgres` ctest fixture.
class TestTestDatabase : public QObject
{
    Q_OBJECT

    static int tableCount(Connection &connection, const QString &table)
    {
        auto rows = connection.query(connection.dialect() == SqlDialect::Sqlite
            ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?")
            : QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_name = ?"), {table});
        if (!rows || !rows.value().next())
            return -1;
        return rows.value().value(0).toInt();
    }

private slots:
    void runsOnTheBackendUnderTest()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        QCOMPARE(testDatabase.dialect(), backendUnderTest());
        QCOMPARE(testDatabase.url().dialect, backendUnderTest());
    }

    void databaseAnswers()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        SIGNOFF_VERIFY_OK(database.ping());
    }

    void urlStringNamesTheSameDatabase()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        const auto parsed = DatabaseUrl::parse(testDatabase.urlString());
        SIGNOFF_VERIFY_OK(parsed);
        QCOMPARE(parsed->dialect, testDatabase.url().dialect);
        QCOMPARE(parsed->path, testDatabase.url().path);
        QCOMPARE(parsed->host, testDatabase.url().host);
        QCOMPARE(parsed->port, testDatabase.url().port);
        QCOMPARE(parsed->user, testDatabase.url().user);
        QCOMPARE(parsed->databaseName, testDatabase.url().databaseName);
    }

    // Each test gets its own empty database: what one writes, another does not see.
    void databasesAreIsolated()
    {
        TestDatabase first;
        TestDatabase second;
        SIGNOFF_REQUIRE_DATABASE(first);
        SIGNOFF_REQUIRE_DATABASE(second);
        QVERIFY(first.urlString() != second.urlString());

        Database firstDatabase(first.url());
        Database secondDatabase(second.url());
        auto firstConnection = firstDatabase.connection();
        auto secondConnection = secondDatabase.connection();
        SIGNOFF_VERIFY_OK(firstConnection);
        SIGNOFF_VERIFY_OK(secondConnection);
        SIGNOFF_VERIFY_OK(firstConnection.value()->execute(QStringLiteral("CREATE TABLE marker (id INTEGER)")));
        QCOMPARE(tableCount(*firstConnection.value(), QStringLiteral("marker")), 1);
        QCOMPARE(tableCount(*secondConnection.value(), QStringLiteral("marker")), 0);
    }

    // The database goes away with its TestDatabase, even with connections still open.
    void databaseIsRemovedOnDestruction()
    {
        DatabaseUrl url;
        std::unique_ptr<Database> stillOpen;
        {
            TestDatabase testDatabase;
            SIGNOFF_REQUIRE_DATABASE(testDatabase);
            url = testDatabase.url();
            stillOpen = std::make_unique<Database>(url);
            SIGNOFF_VERIFY_OK(stillOpen->ping());
        }
        if (url.dialect == SqlDialect::Sqlite) {
            QVERIFY2(!QFileInfo::exists(url.path), qPrintable(url.path));
            QVERIFY(!QFileInfo::exists(QFileInfo(url.path).absolutePath()));
            return;
        }
        DatabaseUrl server = url;
        server.databaseName = QStringLiteral("postgres");
        Database admin(server);
        auto connection = admin.connection();
        SIGNOFF_VERIFY_OK(connection);
        auto rows = connection.value()->query(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = ?"),
                                              {url.databaseName});
        SIGNOFF_VERIFY_OK(rows);
        QVERIFY(rows.value().next());
        QCOMPARE(rows.value().value(0).toInt(), 0);
    }

    // Without the fixture's URL file a PostgreSQL test database is invalid,
    // so the test fails instead of passing without a server.
    void missingServerIsAnError()
    {
        const QByteArray saved = qgetenv("SIGNOFF_TEST_POSTGRESQL_FILE");
        qputenv("SIGNOFF_TEST_POSTGRESQL_FILE", "/nonexistent/signoff-test-server-url");
        TestDatabase withoutFile(SqlDialect::Postgresql);
        qunsetenv("SIGNOFF_TEST_POSTGRESQL_FILE");
        TestDatabase withoutVariable(SqlDialect::Postgresql);
        qputenv("SIGNOFF_TEST_POSTGRESQL_FILE", saved);

        QVERIFY(!withoutFile.isValid());
        QVERIFY2(withoutFile.errorString().contains(QLatin1String("/nonexistent/signoff-test-server-url")),
                 qPrintable(withoutFile.errorString()));
        QVERIFY(!withoutVariable.isValid());
        QVERIFY2(withoutVariable.errorString().contains(QLatin1String("SIGNOFF_TEST_POSTGRESQL_FILE")),
                 qPrintable(withoutVariable.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestTestDatabase)
#include "tst_testdatabase.moc"
