// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Connection::execute() and query(), which every repository stands on. On
// SQLite they run SqliteStatement on the handle QSQLITE opened, instead of
// QSqlQuery: the values, errors and row counts must be what the repositories
// got from QSqlQuery, and what PostgreSQL gives.

#include "TestDatabase.h"
#include "storage/Database.h"

#include <QtTest/QTest>

#include <memory>

using namespace signoff;
using namespace signoff::test;

class TestConnection : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_testDatabase;
    std::unique_ptr<Database> m_database;
    Connection *m_connection = nullptr;

private slots:
    void init()
    {
        m_testDatabase = std::make_unique<TestDatabase>();
        SIGNOFF_REQUIRE_DATABASE(*m_testDatabase);
        m_database = std::make_unique<Database>(m_testDatabase->url());
        auto connection = m_database->connection();
        QVERIFY(connection);
        m_connection = connection.value();
        auto created = m_connection->execute(QStringLiteral(
            "CREATE TABLE conn_value (id INTEGER NOT NULL PRIMARY KEY, label VARCHAR(64) NULL, amount BIGINT NULL, "
            "ratio DOUBLE PRECISION NULL, flag BOOLEAN NULL, UNIQUE (label))"));
        QVERIFY2(created, qPrintable(describe(created.error())));
    }

    void cleanup()
    {
        m_connection = nullptr;
        m_database.reset();
        m_testDatabase.reset();
    }

    void sqliteRunsOnItsOwnStatements()
    {
        QCOMPARE(m_connection->runsSqliteStatements(), m_testDatabase->dialect() == SqlDialect::Sqlite);
    }

    void valuesComeBackAsTheyWent()
    {
        const QString text = QStringLiteral("Grüße, 世界 \u2014 ‘quoted’");
        QVERIFY(m_connection->execute(QStringLiteral("INSERT INTO conn_value (id, label, amount, ratio, flag) VALUES (?, ?, ?, ?, ?)"),
                                      {1, text, qint64(1) << 40, 0.25, true}));
        auto rows = m_connection->query(QStringLiteral("SELECT label, amount, ratio, flag FROM conn_value WHERE id = ?"), {1});
        QVERIFY(rows);
        QVERIFY(rows->next());
        QCOMPARE(rows->value(0).toString(), text);
        QCOMPARE(rows->value(1).toLongLong(), qint64(1) << 40);
        QCOMPARE(rows->value(2).toDouble(), 0.25);
        QCOMPARE(rows->value(3).toBool(), true);
        QVERIFY(!rows->next());
    }

    // A null QVariant is SQL NULL; an empty (even null) QString is ''.
    void nullAndEmptyStayApart()
    {
        QVERIFY(m_connection->execute(QStringLiteral("INSERT INTO conn_value (id, label) VALUES (?, ?)"),
                                      {1, QVariant(QMetaType::fromType<QString>())}));
        QVERIFY(m_connection->execute(QStringLiteral("INSERT INTO conn_value (id, label) VALUES (?, ?)"), {2, QString()}));
        auto rows = m_connection->query(QStringLiteral("SELECT id, label IS NULL, label, amount FROM conn_value ORDER BY id"));
        QVERIFY(rows);
        QVERIFY(rows->next());
        QCOMPARE(rows->value(1).toBool(), true);
        QVERIFY(rows->value(2).isNull());
        QVERIFY(rows->value(3).isNull());
        QVERIFY(rows->next());
        QCOMPARE(rows->value(1).toBool(), false);
        QCOMPARE(rows->value(2).toString(), QStringLiteral(""));
        QVERIFY(!rows->value(2).isNull());
        QVERIFY(!rows->next());
    }

    void everyRowIsRead()
    {
        for (int id = 1; id <= 5; ++id)
            QVERIFY(m_connection->execute(QStringLiteral("INSERT INTO conn_value (id, amount) VALUES (?, ?)"), {id, id * 10}));
        auto rows = m_connection->query(QStringLiteral("SELECT amount FROM conn_value WHERE amount > ? ORDER BY id"), {15});
        QVERIFY(rows);
        QList<int> amounts;
        while (rows->next())
            amounts.append(rows->value(0).toInt());
        QCOMPARE(amounts, QList<int>({20, 30, 40, 50}));
        QVERIFY(!rows->next()); // and stays at the end
    }

    void emptyResultHasNoRow()
    {
        auto rows = m_connection->query(QStringLiteral("SELECT id FROM conn_value WHERE id = ?"), {42});
        QVERIFY(rows);
        QVERIFY(!rows->next());
    }

    void rowsAffectedCountsTheChange()
    {
        for (int id = 1; id <= 3; ++id)
            QVERIFY(m_connection->execute(QStringLiteral("INSERT INTO conn_value (id, amount) VALUES (?, ?)"), {id, 1}));
        auto updated = m_connection->query(QStringLiteral("UPDATE conn_value SET amount = amount + 1 WHERE id >= ?"), {2});
        QVERIFY(updated);
        QCOMPARE(updated->rowsAffected(), 2);
        auto none = m_connection->query(QStringLiteral("UPDATE conn_value SET amount = 0 WHERE id = ?"), {99});
        QVERIFY(none);
        QCOMPARE(none->rowsAffected(), 0);
    }

    void aUniqueViolationIsAConflict()
    {
        const QString insert = QStringLiteral("INSERT INTO conn_value (id, label) VALUES (?, ?)");
        QVERIFY(m_connection->execute(insert, {1, QStringLiteral("taken")}));
        auto duplicate = m_connection->execute(insert, {2, QStringLiteral("taken")});
        QVERIFY(!duplicate);
        QVERIFY(duplicate.error().kind == ErrorKind::Conflict);
        QCOMPARE(duplicate.error().reason, QStringLiteral("duplicate"));
        // The statement is usable again at once.
        QVERIFY(m_connection->execute(insert, {2, QStringLiteral("free")}));
    }

    void wrongNumberOfValuesIsAnErrorNotACrash()
    {
        auto result = m_connection->execute(QStringLiteral("INSERT INTO conn_value (id, label) VALUES (?, ?)"), {1});
        QVERIFY(!result);
        QVERIFY(result.error().kind == ErrorKind::Unavailable);
    }

    // NUL in bound text would cut QPSQL's formatted statement: refused
    // before anything runs, on both databases alike.
    void textWithNulNeverReachesTheDatabase()
    {
        auto refused = m_connection->execute(QStringLiteral("INSERT INTO conn_value (id, label) VALUES (?, ?)"),
                                             {1, QString(QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b"))});
        QVERIFY(!refused);
        QVERIFY(refused.error().kind == ErrorKind::Invalid);
        auto rows = m_connection->query(QStringLiteral("SELECT count(*) FROM conn_value"));
        QVERIFY(rows && rows->next());
        QCOMPARE(rows->value(0).toInt(), 0);
    }

    // A failed statement is logged with its text and the database's code,
    // never with the values bound to it (PostgreSQL's messages quote them).
    void failuresAreLoggedWithoutTheirValues()
    {
        static QStringList logged;
        logged.clear();
        const QtMessageHandler previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &message) {
            logged.append(message);
        });
        auto failed = m_connection->execute(QStringLiteral("INSERT INTO conn_value (id, label) VALUES (?, ?)"),
                                            {QStringLiteral("secret-4711"), QStringLiteral("label-4712")});
        qInstallMessageHandler(previous);
        QVERIFY(!failed);
        QVERIFY2(!logged.isEmpty(), "the failure was not logged");
        for (const QString &line : std::as_const(logged)) {
            QVERIFY2(line.contains(QStringLiteral("INSERT INTO conn_value")), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("4711")) && !line.contains(QStringLiteral("4712")), qPrintable(line));
        }
    }

    // A statement refused because its table is missing works once the table
    // exists: refusals are not kept.
    void aRefusedStatementIsCompiledAgainLater()
    {
        const QString select = QStringLiteral("SELECT count(*) FROM conn_later");
        QVERIFY(!m_connection->query(select));
        QVERIFY(m_connection->execute(QStringLiteral("CREATE TABLE conn_later (id INTEGER NOT NULL)")));
        auto rows = m_connection->query(select);
        QVERIFY(rows);
        QVERIFY(rows->next());
        QCOMPARE(rows->value(0).toInt(), 0);
    }

    // Statements of our own on QSQLITE's handle must not keep it from
    // closing: the file is then free for a new connection to open and write.
    void theConnectionClosesWithItsStatements()
    {
        QVERIFY(m_connection->execute(QStringLiteral("INSERT INTO conn_value (id) VALUES (?)"), {1}));
        {
            auto rows = m_connection->query(QStringLiteral("SELECT id FROM conn_value"));
            QVERIFY(rows && rows->next());
        }
        m_connection = nullptr;
        m_database.reset();
        Database reopened(m_testDatabase->url());
        auto connection = reopened.connection();
        QVERIFY(connection);
        QVERIFY(connection.value()->execute(QStringLiteral("INSERT INTO conn_value (id) VALUES (?)"), {2}));
        auto rows = connection.value()->query(QStringLiteral("SELECT count(*) FROM conn_value"));
        QVERIFY(rows && rows->next());
        QCOMPARE(rows->value(0).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
