// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "storage/MigrationFile.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtTest/QTest>

using namespace signoff;

Q_DECLARE_METATYPE(signoff::SqlDialect)

// The migration file format and the statement splitter behind it. The
// splitter decides what QSQLITE and QPSQL execute one statement at a time,
// so a ';' it misreads would run half a statement.
class TestMigrationFile : public QObject
{
    Q_OBJECT

    static QString file(const QString &name, const QString &body)
    {
        return QStringLiteral("-- Migration: ") + name + u'\n' + body;
    }

    static QString errorText(const Result<Migration> &result)
    {
        return result.ok() ? QString() : result.error().message.english();
    }

private slots:
    void parsesAWellFormedFile()
    {
        const QString text = file(QStringLiteral("20261126_create_feature_data.sql"),
                                  QStringLiteral("-- Up\n"
                                                 "CREATE TABLE t (id INTEGER);\n"
                                                 "CREATE INDEX i ON t (id);\n"
                                                 "-- Down\n"
                                                 "DROP INDEX i;\n"
                                                 "DROP TABLE t;\n"));
        const auto migration = parseMigrationFile(QStringLiteral("20261126_create_feature_data.sql"), text,
                                                  SqlDialect::Sqlite);
        QVERIFY2(migration.ok(), qPrintable(errorText(migration)));
        QCOMPARE(migration->version, QStringLiteral("20261126_create_feature_data"));
        QCOMPARE(migration->up, (QStringList{QStringLiteral("CREATE TABLE t (id INTEGER)"),
                                             QStringLiteral("CREATE INDEX i ON t (id)")}));
        QCOMPARE(migration->down, (QStringList{QStringLiteral("DROP INDEX i"), QStringLiteral("DROP TABLE t")}));
    }

    void acceptsAPathBomCrlfAndLooseMarkers()
    {
        const QString text = QChar(0xFEFF)
            + QStringLiteral("-- Migration: 20261120_x.sql\r\n"
                             "\r\n"
                             "-- a comment before the Up section\r\n"
                             "   --   up  \r\n"
                             "SELECT 1;\r\n"
                             "\t-- DOWN\r\n"
                             "SELECT 2;\r\n");
        const auto migration = parseMigrationFile(QStringLiteral(":/migrations/sqlite/20261120_x.sql"), text,
                                                  SqlDialect::Sqlite);
        QVERIFY2(migration.ok(), qPrintable(errorText(migration)));
        QCOMPARE(migration->version, QStringLiteral("20261120_x"));
        QCOMPARE(migration->up, QStringList{QStringLiteral("SELECT 1")});
        QCOMPARE(migration->down, QStringList{QStringLiteral("SELECT 2")});
    }

    void lastStatementMayOmitItsSemicolon()
    {
        const auto migration = parseMigrationFile(
            QStringLiteral("20261120_x.sql"),
            file(QStringLiteral("20261120_x.sql"), QStringLiteral("-- Up\nSELECT 1\n-- Down\nSELECT 2")),
            SqlDialect::Postgresql);
        QVERIFY2(migration.ok(), qPrintable(errorText(migration)));
        QCOMPARE(migration->up, QStringList{QStringLiteral("SELECT 1")});
        QCOMPARE(migration->down, QStringList{QStringLiteral("SELECT 2")});
    }

    void emptyDownMeansIrreversible()
    {
        const auto migration = parseMigrationFile(
            QStringLiteral("20261120_x.sql"),
            file(QStringLiteral("20261120_x.sql"), QStringLiteral("-- Up\nSELECT 1;\n-- Down\n-- nothing to undo\n")),
            SqlDialect::Sqlite);
        QVERIFY2(migration.ok(), qPrintable(errorText(migration)));
        QVERIFY(migration->down.isEmpty());
    }

    void markerOnlyCountsAtTheStartOfALine()
    {
        const auto migration = parseMigrationFile(
            QStringLiteral("20261120_x.sql"),
            file(QStringLiteral("20261120_x.sql"),
                 QStringLiteral("-- Up\nSELECT 1; -- Down\nSELECT 2 /* x */ -- Up\n;\n-- Down\nSELECT 3;\n")),
            SqlDialect::Sqlite);
        QVERIFY2(migration.ok(), qPrintable(errorText(migration)));
        QCOMPARE(migration->up.size(), 2);
        QCOMPARE(migration->up.at(1), QStringLiteral("SELECT 2 /* x */ -- Up"));
        QCOMPARE(migration->down, QStringList{QStringLiteral("SELECT 3")});
    }

    void markersInsideBodiesAreNotMarkers()
    {
        // A function body and a block comment may hold lines that look like markers.
        const QString body = QStringLiteral(
            "-- Up\n"
            "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            "BEGIN\n"
            "-- Down\n"
            "    RAISE EXCEPTION 'no; never';\n"
            "END;\n"
            "$$;\n"
            "/*\n"
            "-- Down\n"
            "*/\n"
            "SELECT 'a\n"
            "-- Up\n"
            "b';\n"
            "-- Down\n"
            "DROP FUNCTION f();\n");
        const auto migration = parseMigrationFile(QStringLiteral("20261120_x.sql"),
                                                  file(QStringLiteral("20261120_x.sql"), body), SqlDialect::Postgresql);
        QVERIFY2(migration.ok(), qPrintable(errorText(migration)));
        QCOMPARE(migration->up.size(), 2);
        QVERIFY(migration->up.at(0).endsWith(QStringLiteral("END;\n$$")));
        QCOMPARE(migration->up.at(1), QStringLiteral("SELECT 'a\n-- Up\nb'"));
        QCOMPARE(migration->down, QStringList{QStringLiteral("DROP FUNCTION f()")});
    }

    void splitsStatements_data()
    {
        QTest::addColumn<SqlDialect>("dialect");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("statements");

        const auto sqlite = SqlDialect::Sqlite;
        const auto postgresql = SqlDialect::Postgresql;
        const auto list = [](std::initializer_list<const char *> items) {
            QStringList result;
            for (const char *item : items)
                result.append(QString::fromUtf8(item));
            return result;
        };

        QTest::newRow("plain") << sqlite << QStringLiteral("SELECT 1; SELECT 2;") << list({"SELECT 1", "SELECT 2"});
        QTest::newRow("empty statements") << sqlite << QStringLiteral(" ;; SELECT 1;;\n;") << list({"SELECT 1"});
        QTest::newRow("only comments") << sqlite << QStringLiteral("-- a;\n/* b; */\n") << QStringList();
        QTest::newRow("string with ;") << sqlite << QStringLiteral("INSERT INTO t VALUES ('a;b'); SELECT 2")
                                       << list({"INSERT INTO t VALUES ('a;b')", "SELECT 2"});
        QTest::newRow("doubled quote") << postgresql << QStringLiteral("SELECT 'it''s; fine'; SELECT ''';'';'")
                                       << list({"SELECT 'it''s; fine'", "SELECT ''';'';'"});
        QTest::newRow("string with --") << sqlite << QStringLiteral("SELECT '-- not a comment;'; SELECT 2")
                                        << list({"SELECT '-- not a comment;'", "SELECT 2"});
        QTest::newRow("quoted identifier") << sqlite << QStringLiteral("CREATE TABLE \"a;\"\"b\" (x); SELECT 2")
                                           << list({"CREATE TABLE \"a;\"\"b\" (x)", "SELECT 2"});
        QTest::newRow("line comment with ;") << sqlite << QStringLiteral("SELECT 1 -- one; two\n, 2; SELECT 3")
                                             << list({"SELECT 1 -- one; two\n, 2", "SELECT 3"});
        QTest::newRow("block comment with ;") << sqlite << QStringLiteral("SELECT /* ; ' \" */ 1; SELECT 2")
                                              << list({"SELECT /* ; ' \" */ 1", "SELECT 2"});
        QTest::newRow("leading comment dropped") << sqlite << QStringLiteral("-- intro\n/* more */ SELECT 1;")
                                                 << list({"SELECT 1"});
        QTest::newRow("postgresql nested comment")
            << postgresql << QStringLiteral("SELECT /* a /* b; */ c; */ 1; SELECT 2") << list({"SELECT /* a /* b; */ c; */ 1", "SELECT 2"});
        QTest::newRow("sqlite comments do not nest")
            << sqlite << QStringLiteral("SELECT /* a /* b */ 1; SELECT 2") << list({"SELECT /* a /* b */ 1", "SELECT 2"});
        QTest::newRow("dollar body") << postgresql
                                     << QStringLiteral("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT 2")
                                     << list({"CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql", "SELECT 2"});
        QTest::newRow("tagged dollar body")
            << postgresql << QStringLiteral("DO $body$ BEGIN PERFORM $$;$$; END $body$; SELECT 2")
            << list({"DO $body$ BEGIN PERFORM $$;$$; END $body$", "SELECT 2"});
        QTest::newRow("dollar parameter") << postgresql << QStringLiteral("SELECT $1; SELECT $2")
                                          << list({"SELECT $1", "SELECT $2"});
        QTest::newRow("dollar inside identifier") << postgresql << QStringLiteral("SELECT a$b$c; SELECT 2")
                                                  << list({"SELECT a$b$c", "SELECT 2"});
        QTest::newRow("sqlite has no dollar quotes") << sqlite << QStringLiteral("SELECT $a; SELECT $b")
                                                     << list({"SELECT $a", "SELECT $b"});
        QTest::newRow("escape string") << postgresql << QStringLiteral("SELECT E'a\\';b'; SELECT 2")
                                       << list({"SELECT E'a\\';b'", "SELECT 2"});
        QTest::newRow("backslash in plain string") << postgresql << QStringLiteral("SELECT 'a\\'; SELECT 2")
                                                   << list({"SELECT 'a\\'", "SELECT 2"});
        QTest::newRow("sqlite backtick and bracket")
            << sqlite << QStringLiteral("SELECT `a;b`, [c;d]; SELECT 2") << list({"SELECT `a;b`, [c;d]", "SELECT 2"});
        QTest::newRow("sqlite trigger")
            << sqlite
            << QStringLiteral("CREATE TRIGGER t BEFORE DELETE ON x BEGIN\n"
                              "  SELECT RAISE(ABORT, 'no;');\n"
                              "  UPDATE y SET n = CASE WHEN n > 0 THEN n ELSE 0 END;\n"
                              "END;\n"
                              "SELECT 2;")
            << list({"CREATE TRIGGER t BEFORE DELETE ON x BEGIN\n"
                     "  SELECT RAISE(ABORT, 'no;');\n"
                     "  UPDATE y SET n = CASE WHEN n > 0 THEN n ELSE 0 END;\n"
                     "END",
                     "SELECT 2"});
        QTest::newRow("sqlite temp trigger with case in when")
            << sqlite
            << QStringLiteral("create temp trigger if not exists t after insert on x "
                              "when case new.a when 1 then 1 else 0 end begin select 1; select 2; end; select 3")
            << list({"create temp trigger if not exists t after insert on x "
                     "when case new.a when 1 then 1 else 0 end begin select 1; select 2; end",
                     "select 3"});
        QTest::newRow("begin outside create is a statement")
            << sqlite << QStringLiteral("BEGIN; SELECT 1; END;") << list({"BEGIN", "SELECT 1", "END"});
        QTest::newRow("case outside trigger")
            << sqlite << QStringLiteral("SELECT CASE WHEN 1 THEN 2 END; SELECT 3") << list({"SELECT CASE WHEN 1 THEN 2 END", "SELECT 3"});
        QTest::newRow("postgresql begin atomic")
            << postgresql
            << QStringLiteral("CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT 3")
            << list({"CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END", "SELECT 3"});
        QTest::newRow("postgresql trigger has no body")
            << postgresql
            << QStringLiteral("CREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW EXECUTE FUNCTION f(); SELECT 2")
            << list({"CREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW EXECUTE FUNCTION f()", "SELECT 2"});
        QTest::newRow("non-ascii") << sqlite << QStringLiteral("SELECT 'Grüße;'; SELECT größe FROM t")
                                   << list({"SELECT 'Grüße;'", "SELECT größe FROM t"});
    }

    void splitsStatements()
    {
        QFETCH(SqlDialect, dialect);
        QFETCH(QString, sql);
        QFETCH(QStringList, statements);
        const auto split = splitSqlStatements(sql, dialect);
        QVERIFY2(split.ok(), qPrintable(split.ok() ? QString() : split.error().message.english()));
        QCOMPARE(split.value(), statements);
    }

    void rejectsMalformedFiles_data()
    {
        QTest::addColumn<SqlDialect>("dialect");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // a part of the message

        const QString name = QStringLiteral("20261120_x.sql");
        const auto sqlite = SqlDialect::Sqlite;
        const auto postgresql = SqlDialect::Postgresql;

        QTest::newRow("empty") << sqlite << name << QString() << QStringLiteral("does not start with the line “-- Migration: 20261120_x.sql”");
        QTest::newRow("no header") << sqlite << name << QStringLiteral("-- Up\nSELECT 1;\n-- Down\n")
                                   << QStringLiteral("does not start with the line");
        QTest::newRow("header not first") << sqlite << name << QStringLiteral("SELECT 1;\n-- Migration: 20261120_x.sql\n")
                                          << QStringLiteral("does not start with the line");
        QTest::newRow("header mismatch") << sqlite << name << file(QStringLiteral("20261121_y.sql"), QStringLiteral("-- Up\nSELECT 1;\n-- Down\n"))
                                         << QStringLiteral("20261120_x.sql, line 1: the header names ‘20261121_y.sql’");
        QTest::newRow("header without name") << sqlite << name << QStringLiteral("-- Migration:\n-- Up\nSELECT 1;\n-- Down\n")
                                             << QStringLiteral("the header names ‘’");
        QTest::newRow("bad file name") << sqlite << QStringLiteral("create_users.sql") << file(QStringLiteral("create_users.sql"), QString())
                                       << QStringLiteral("‘create_users.sql’ is not of the form YYYYMMDD_name.sql");
        QTest::newRow("not .sql") << sqlite << QStringLiteral("20261120_x.txt") << file(QStringLiteral("20261120_x.txt"), QString())
                                  << QStringLiteral("is not of the form");
        QTest::newRow("no up") << sqlite << name << file(name, QStringLiteral("\n-- just a comment\n")) << QStringLiteral("has no “-- Up” line");
        QTest::newRow("no down") << sqlite << name << file(name, QStringLiteral("-- Up\nSELECT 1;\n")) << QStringLiteral("has no “-- Down” line");
        QTest::newRow("two ups") << sqlite << name << file(name, QStringLiteral("-- Up\nSELECT 1;\n-- Up\nSELECT 2;\n-- Down\n"))
                                 << QStringLiteral("line 4: a second “-- Up” line");
        QTest::newRow("up after down") << sqlite << name << file(name, QStringLiteral("-- Up\nSELECT 1;\n-- Down\n-- Up\n"))
                                       << QStringLiteral("line 5: a second “-- Up” line");
        QTest::newRow("two downs") << sqlite << name << file(name, QStringLiteral("-- Up\nSELECT 1;\n-- Down\nSELECT 2;\n-- Down\n"))
                                   << QStringLiteral("line 6: a second “-- Down” line");
        QTest::newRow("down before up") << sqlite << name << file(name, QStringLiteral("-- Down\nSELECT 2;\n-- Up\nSELECT 1;\n"))
                                        << QStringLiteral("line 2: “-- Down” comes before “-- Up”");
        QTest::newRow("sql before up") << sqlite << name << file(name, QStringLiteral("SELECT 0;\n-- Up\nSELECT 1;\n-- Down\n"))
                                       << QStringLiteral("line 2: SQL before the “-- Up” line");
        QTest::newRow("unterminated sql before up") << sqlite << name << file(name, QStringLiteral("SELECT 0\n-- Up\nSELECT 1;\n-- Down\n"))
                                                    << QStringLiteral("line 2: SQL before the “-- Up” line");
        QTest::newRow("empty up") << sqlite << name << file(name, QStringLiteral("-- Up\n-- nothing\n;\n-- Down\nSELECT 1;\n"))
                                  << QStringLiteral("the Up section has no statements");
        QTest::newRow("unterminated string") << sqlite << name << file(name, QStringLiteral("-- Up\nSELECT 1;\nSELECT 'abc;\n-- Down\n"))
                                             << QStringLiteral("line 4: the string is not closed");
        QTest::newRow("unterminated identifier") << sqlite << name << file(name, QStringLiteral("-- Up\nSELECT \"abc;\n-- Down\n"))
                                                 << QStringLiteral("line 3: the quoted identifier is not closed");
        QTest::newRow("unterminated bracket") << sqlite << name << file(name, QStringLiteral("-- Up\nSELECT [abc;\n-- Down\n"))
                                              << QStringLiteral("line 3: the quoted identifier is not closed");
        QTest::newRow("unterminated comment") << sqlite << name << file(name, QStringLiteral("-- Up\nSELECT 1;\n/* abc\n-- Down\n"))
                                              << QStringLiteral("line 4: the /* comment is not closed");
        QTest::newRow("unterminated nested comment") << postgresql << name << file(name, QStringLiteral("-- Up\nSELECT 1;\n/* /* */\n-- Down\n"))
                                                     << QStringLiteral("line 4: the /* comment is not closed");
        QTest::newRow("unterminated escape string") << postgresql << name << file(name, QStringLiteral("-- Up\nSELECT E'\\';\n-- Down\n"))
                                                    << QStringLiteral("line 3: the string is not closed");
        QTest::newRow("unterminated dollar body") << postgresql << name << file(name, QStringLiteral("-- Up\nDO $x$ BEGIN END $y$;\n-- Down\n"))
                                                  << QStringLiteral("line 3: the dollar-quoted body is not closed");
        QTest::newRow("dollar tag too long") << postgresql << name
                                             << file(name, QStringLiteral("-- Up\nDO $") + QString(64, u'a') + QStringLiteral("$ $$;\n-- Down\n"))
                                             << QStringLiteral("line 3: the dollar-quote tag is too long");
        QTest::newRow("unclosed trigger before down")
            << sqlite << name << file(name, QStringLiteral("-- Up\nCREATE TRIGGER t DELETE ON x BEGIN SELECT 1;\n-- Down\nSELECT 2;\n"))
            << QStringLiteral("line 3: the BEGIN … END body is not closed");
        QTest::newRow("unclosed trigger at end")
            << sqlite << name << file(name, QStringLiteral("-- Up\nSELECT 1;\n-- Down\nCREATE TRIGGER t DELETE ON x BEGIN SELECT 1;\n"))
            << QStringLiteral("line 5: the BEGIN … END body is not closed");
    }

    void rejectsMalformedFiles()
    {
        QFETCH(SqlDialect, dialect);
        QFETCH(QString, fileName);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto migration = parseMigrationFile(fileName, text, dialect);
        QVERIFY2(!migration.ok(), "a malformed file was accepted");
        QVERIFY(migration.error().kind == ErrorKind::Invalid);
        const QString message = migration.error().message.english();
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(!message.contains(u'\n'), qPrintable(message));
    }

    // The fuzzer will throw worse at it; these shapes used to make scanners
    // quadratic (rescanning from every quote, comment or dollar sign).
    void pathologicalInputsStayLinear_data()
    {
        QTest::addColumn<SqlDialect>("dialect");
        QTest::addColumn<QString>("body");
        constexpr int size = 400000;
        QTest::newRow("quotes") << SqlDialect::Sqlite << QString(size, u'\'');
        QTest::newRow("semicolons") << SqlDialect::Sqlite << QString(size, u';');
        QTest::newRow("comment openers") << SqlDialect::Postgresql << QStringLiteral("/*").repeated(size / 2);
        QTest::newRow("dollar signs") << SqlDialect::Postgresql << QString(size, u'$');
        QTest::newRow("dollar tags") << SqlDialect::Postgresql << QStringLiteral("$a$").repeated(size / 3);
        QTest::newRow("open tag, near misses") << SqlDialect::Postgresql
                                               << QStringLiteral("$") + QString(63, u'a') + QStringLiteral("$ ")
                                                      + QString(QStringLiteral("$") + QString(62, u'a') + u' ').repeated(size / 64);
        QTest::newRow("dashes") << SqlDialect::Sqlite << QString(size, u'-');
        QTest::newRow("marker lines") << SqlDialect::Sqlite << QStringLiteral("-- x\n").repeated(size / 5);
        QTest::newRow("indented comments") << SqlDialect::Sqlite << QString(QString(100, u' ') + QStringLiteral("--\n")).repeated(size / 103);
        QTest::newRow("trigger nesting") << SqlDialect::Sqlite
                                         << QStringLiteral("CREATE TRIGGER t DELETE ON x ") + QStringLiteral("BEGIN CASE ").repeated(size / 11);
        QTest::newRow("backslashes") << SqlDialect::Postgresql << QStringLiteral("E'") + QString(size, u'\\');
        QTest::newRow("newlines") << SqlDialect::Sqlite << QString(size, u'\n') + u'\'';
    }

    void pathologicalInputsStayLinear()
    {
        QFETCH(SqlDialect, dialect);
        QFETCH(QString, body);
        const QString name = QStringLiteral("20261120_x.sql");
        QElapsedTimer timer;
        timer.start();
        const auto migration = parseMigrationFile(name, file(name, QStringLiteral("-- Up\n") + body), dialect);
        const auto split = splitSqlStatements(body, dialect);
        Q_UNUSED(migration);
        Q_UNUSED(split);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
    }

    // A cheap stand-in for the fuzzer: random mixtures of the characters the
    // scanner cares about never crash it, and whatever it accepts splits into
    // statements that are non-empty and trimmed.
    void randomInputsNeverCrash()
    {
        static const QString alphabet = QStringLiteral("'\"`[]$;-/*\\\n \tEeBEGINCASEENDcreatetrigger$a$x1é\r");
        QRandomGenerator random(20261126);
        for (int round = 0; round < 3000; ++round) {
            QString text = QStringLiteral("-- Migration: 20261120_x.sql\n-- Up\n");
            const int length = random.bounded(1, 200);
            for (int i = 0; i < length; ++i) {
                if (random.bounded(12) == 0)
                    text += QStringLiteral("\n-- Down\n");
                else if (random.bounded(20) == 0)
                    text += QStringLiteral(" BEGIN ");
                else if (random.bounded(20) == 0)
                    text += QStringLiteral(" CREATE TRIGGER ");
                else
                    text += alphabet.at(random.bounded(int(alphabet.size())));
            }
            for (SqlDialect dialect : {SqlDialect::Sqlite, SqlDialect::Postgresql}) {
                const auto migration = parseMigrationFile(QStringLiteral("20261120_x.sql"), text, dialect);
                if (!migration.ok()) {
                    QVERIFY(!migration.error().message.english().isEmpty());
                    continue;
                }
                for (const QStringList *section : {&migration->up, &migration->down}) {
                    for (const QString &statement : *section) {
                        QVERIFY(!statement.isEmpty());
                        QCOMPARE(statement, statement.trimmed());
                    }
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrationFile)
#include "tst_migrationfile.moc"
