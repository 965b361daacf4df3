// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestDatabase.h"
#include "storage/DatabaseUrl.h"

#include <QDir>
#include <QStandardPaths>
#include <QtTest/QTest>

using namespace signoff;

// DatabaseUrl: what --database and SIGNOFF_DATABASE accept (docs/design.md,
// "The command line").
class TestDatabaseUrl : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        qunsetenv("SIGNOFF_DATABASE");
    }

    void sqlitePaths_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expectedPath");
        const QDir current = QDir::current();
        QTest::newRow("absolute path") << QStringLiteral("/var/lib/signoff/data.db") << QStringLiteral("/var/lib/signoff/data.db");
        QTest::newRow("relative path") << QStringLiteral("data/signoff.db") << current.absoluteFilePath(QStringLiteral("data/signoff.db"));
        QTest::newRow("bare file name") << QStringLiteral("signoff.db") << current.absoluteFilePath(QStringLiteral("signoff.db"));
        QTest::newRow("dot segments") << QStringLiteral("/var/lib/../lib/signoff/./data.db") << QStringLiteral("/var/lib/signoff/data.db");
        QTest::newRow("sqlite: absolute") << QStringLiteral("sqlite:/tmp/x.db") << QStringLiteral("/tmp/x.db");
        QTest::newRow("sqlite: relative") << QStringLiteral("sqlite:x.db") << current.absoluteFilePath(QStringLiteral("x.db"));
        QTest::newRow("sqlite:/// form") << QStringLiteral("sqlite:///tmp/x.db") << QStringLiteral("/tmp/x.db");
        QTest::newRow("spaces and umlauts") << QStringLiteral("/tmp/Prüfung 1/x.db") << QStringLiteral("/tmp/Prüfung 1/x.db");
    }

    void sqlitePaths()
    {
        QFETCH(QString, text);
        QFETCH(QString, expectedPath);
        const auto url = DatabaseUrl::parse(text);
        SIGNOFF_VERIFY_OK(url);
        QCOMPARE(url->dialect, SqlDialect::Sqlite);
        QCOMPARE(url->path, expectedPath);
        QVERIFY(QDir::isAbsolutePath(url->path));
        QCOMPARE(url->redacted(), QStringLiteral("sqlite:") + expectedPath);
    }

    void postgresqlUrls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("databaseName");

        QTest::newRow("full") << QStringLiteral("postgresql://alice:s3cr3t@db.example.org:6543/signoff")
                              << QStringLiteral("db.example.org") << 6543 << QStringLiteral("alice")
                              << QStringLiteral("s3cr3t") << QStringLiteral("signoff");
        QTest::newRow("no password") << QStringLiteral("postgresql://alice@localhost:5433/signoff")
                                     << QStringLiteral("localhost") << 5433 << QStringLiteral("alice")
                                     << QString() << QStringLiteral("signoff");
        QTest::newRow("no port") << QStringLiteral("postgresql://alice:s3cr3t@localhost/signoff")
                                 << QStringLiteral("localhost") << 5432 << QStringLiteral("alice")
                                 << QStringLiteral("s3cr3t") << QStringLiteral("signoff");
        QTest::newRow("no user") << QStringLiteral("postgresql://localhost/signoff")
                                 << QStringLiteral("localhost") << 5432 << QString() << QString()
                                 << QStringLiteral("signoff");
        QTest::newRow("percent-encoded password") << QStringLiteral("postgresql://alice:p%40ss%2Fw%3Ard%25@127.0.0.1:5432/signoff")
                                                  << QStringLiteral("127.0.0.1") << 5432 << QStringLiteral("alice")
                                                  << QStringLiteral("p@ss/w:rd%") << QStringLiteral("signoff");
        QTest::newRow("postgres: scheme") << QStringLiteral("postgres://alice@localhost/signoff")
                                          << QStringLiteral("localhost") << 5432 << QStringLiteral("alice")
                                          << QString() << QStringLiteral("signoff");
        QTest::newRow("IPv6 host") << QStringLiteral("postgresql://alice@[::1]:5432/signoff")
                                   << QStringLiteral("::1") << 5432 << QStringLiteral("alice")
                                   << QString() << QStringLiteral("signoff");
    }

    void postgresqlUrls()
    {
        QFETCH(QString, text);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, databaseName);
        const auto url = DatabaseUrl::parse(text);
        SIGNOFF_VERIFY_OK(url);
        QCOMPARE(url->dialect, SqlDialect::Postgresql);
        QCOMPARE(url->host, host);
        QCOMPARE(url->port, port);
        QCOMPARE(url->user, user);
        QCOMPARE(url->password, password);
        QCOMPARE(url->databaseName, databaseName);
        QVERIFY(url->options.isEmpty());
        QVERIFY(url->path.isEmpty());
    }

    void allowedQueryOptions()
    {
        const auto url = DatabaseUrl::parse(
            QStringLiteral("postgresql://alice@localhost/signoff?sslmode=require&connect_timeout=3&application_name=desk"));
        SIGNOFF_VERIFY_OK(url);
        QCOMPARE(url->options.size(), 3);
        QCOMPARE(url->options.value(QStringLiteral("sslmode")), QStringLiteral("require"));
        QCOMPARE(url->options.value(QStringLiteral("connect_timeout")), QStringLiteral("3"));
        QCOMPARE(url->options.value(QStringLiteral("application_name")), QStringLiteral("desk"));
    }

    void rejected_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("empty");
        QTest::newRow("sqlite: without path") << QStringLiteral("sqlite:") << QStringLiteral("no file path");
        QTest::newRow("mysql scheme") << QStringLiteral("mysql://alice@localhost/signoff") << QStringLiteral("mysql://");
        QTest::newRow("http scheme") << QStringLiteral("http://example.org/signoff.db") << QStringLiteral("http://");
        QTest::newRow("no database name") << QStringLiteral("postgresql://alice@localhost:5432") << QStringLiteral("one database");
        QTest::newRow("empty database name") << QStringLiteral("postgresql://alice@localhost:5432/") << QStringLiteral("one database");
        QTest::newRow("database path with slash") << QStringLiteral("postgresql://alice@localhost/a/b") << QStringLiteral("one database");
        QTest::newRow("no host") << QStringLiteral("postgresql:///signoff") << QStringLiteral("no host");
        QTest::newRow("port out of range") << QStringLiteral("postgresql://alice@localhost:70000/signoff") << QStringLiteral("not a valid URL");
        QTest::newRow("port zero") << QStringLiteral("postgresql://alice@localhost:0/signoff") << QStringLiteral("invalid port");
        QTest::newRow("unknown option") << QStringLiteral("postgresql://alice@localhost/signoff?options=-c%20x") << QStringLiteral("Unknown PostgreSQL URL option");
        QTest::newRow("option injecting a keyword") << QStringLiteral("postgresql://alice@localhost/signoff?sslmode=disable%20host=evil") << QStringLiteral("invalid value");
        QTest::newRow("NUL in path") << (QStringLiteral("/tmp/a") + QChar(0) + QStringLiteral("b.db")) << QStringLiteral("NUL");
    }

    void rejected()
    {
        QFETCH(QString, text);
        QFETCH(QString, messagePart);
        const auto url = DatabaseUrl::parse(text);
        SIGNOFF_VERIFY_ERROR(url, Invalid);
        const QString message = url.error().englishSummary();
        QVERIFY2(message.contains(messagePart, Qt::CaseInsensitive), qPrintable(message));
        QVERIFY2(!url.error().fields.isEmpty() && url.error().fields.first().field == QLatin1String("database"),
                 "the error names the database field");
    }

    void redactedNeverShowsThePassword_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("password");
        QTest::newRow("plain") << QStringLiteral("postgresql://alice:Tr0ub4dor@db.example.org:6543/signoff") << QStringLiteral("Tr0ub4dor");
        QTest::newRow("encoded") << QStringLiteral("postgresql://alice:p%40ss%2Fword@db/signoff") << QStringLiteral("p@ss/word");
        QTest::newRow("with options") << QStringLiteral("postgresql://alice:Tr0ub4dor@db/signoff?sslmode=require") << QStringLiteral("Tr0ub4dor");
        QTest::newRow("no user") << QStringLiteral("postgresql://:Tr0ub4dor@db/signoff") << QStringLiteral("Tr0ub4dor");
    }

    void redactedNeverShowsThePassword()
    {
        QFETCH(QString, text);
        QFETCH(QString, password);
        const auto url = DatabaseUrl::parse(text);
        SIGNOFF_VERIFY_OK(url);
        QCOMPARE(url->password, password);
        const QString redacted = url->redacted();
        QVERIFY2(!redacted.contains(password), qPrintable(redacted));
        QVERIFY2(!redacted.contains(QString::fromLatin1(QUrl::toPercentEncoding(password))), qPrintable(redacted));
        QVERIFY2(redacted.startsWith(QLatin1String("postgresql://")), qPrintable(redacted));
        QVERIFY2(redacted.contains(url->host) && redacted.contains(url->databaseName), qPrintable(redacted));
    }

    void redactedShowsWhereTheDatabaseIs()
    {
        const auto url = DatabaseUrl::parse(QStringLiteral("postgresql://alice:Tr0ub4dor@db.example.org:6543/signoff"));
        SIGNOFF_VERIFY_OK(url);
        QCOMPARE(url->redacted(), QStringLiteral("postgresql://alice@db.example.org:6543/signoff"));
    }

    // A mistyped URL must not print the password in its error message either.
    void errorsNeverShowThePassword_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("bad port") << QStringLiteral("postgresql://alice:Tr0ub4dor@db:99999/signoff");
        QTest::newRow("unencoded @ in password") << QStringLiteral("postgresql://alice:Tr0ub4dor@x@db/signoff");
        QTest::newRow("space in password") << QStringLiteral("postgresql://alice:Tr0ub4dor x@db/signoff");
        QTest::newRow("no database") << QStringLiteral("postgresql://alice:Tr0ub4dor@db");
        QTest::newRow("unknown option") << QStringLiteral("postgresql://alice:Tr0ub4dor@db/signoff?password=Tr0ub4dor");
    }

    void errorsNeverShowThePassword()
    {
        QFETCH(QString, text);
        const auto url = DatabaseUrl::parse(text);
        SIGNOFF_VERIFY_ERROR(url, Invalid);
        const QString message = url.error().englishSummary();
        QVERIFY2(!message.contains(QLatin1String("Tr0ub4dor")), qPrintable(message));
    }

    void defaultLocation()
    {
        const DatabaseUrl url = DatabaseUrl::defaultLocation();
        QCOMPARE(url.dialect, SqlDialect::Sqlite);
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QVERIFY(!folder.isEmpty());
        QCOMPARE(url.path, QDir(folder).filePath(QStringLiteral("signoff.db")));
        QVERIFY2(QDir::isAbsolutePath(url.path), qPrintable(url.path));
    }

    void resolvePrefersTheCommandLine()
    {
        qputenv("SIGNOFF_DATABASE", "/from/environment.db");
        const auto url = DatabaseUrl::resolve(QStringLiteral("/from/command-line.db"));
        SIGNOFF_VERIFY_OK(url);
        QCOMPARE(url->path, QStringLiteral("/from/command-line.db"));
    }

    void resolveFallsBackToTheEnvironment()
    {
        qputenv("SIGNOFF_DATABASE", "postgresql://alice@localhost/signoff");
        const auto url = DatabaseUrl::resolve(QString());
        SIGNOFF_VERIFY_OK(url);
        QCOMPARE(url->dialect, SqlDialect::Postgresql);
        QCOMPARE(url->databaseName, QStringLiteral("signoff"));
    }

    void resolveFallsBackToTheDefault()
    {
        const auto url = DatabaseUrl::resolve(QString());
        SIGNOFF_VERIFY_OK(url);
        QCOMPARE(url->dialect, SqlDialect::Sqlite);
        QCOMPARE(url->path, DatabaseUrl::defaultLocation().path);

        qputenv("SIGNOFF_DATABASE", "");
        const auto withEmptyVariable = DatabaseUrl::resolve(QString());
        SIGNOFF_VERIFY_OK(withEmptyVariable);
        QCOMPARE(withEmptyVariable->path, DatabaseUrl::defaultLocation().path);
    }

    // A broken SIGNOFF_DATABASE is an error, never a silent switch to the default.
    void resolveReportsABrokenEnvironmentValue()
    {
        qputenv("SIGNOFF_DATABASE", "mysql://alice@localhost/signoff");
        const auto url = DatabaseUrl::resolve(QString());
        SIGNOFF_VERIFY_ERROR(url, Invalid);
    }

    void cleanupTestCase()
    {
        qunsetenv("SIGNOFF_DATABASE");
    }
};

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
