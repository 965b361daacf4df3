// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// `signoff` on the command line (docs/design.md, "The command line"): every
// command, and every failure as one readable line with a non-zero exit status.

#include "TestDatabase.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <atomic>

using namespace signoff;
using namespace signoff::test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QStringList errorLines() const { return err.split(u'\n', Qt::SkipEmptyParts); }
};

Run runSignoff(const QStringList &arguments, const QByteArray &input = {}, const QProcessEnvironment &extra = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The program's own default logging, not the test suite's.
    environment.remove(QStringLiteral("QT_LOGGING_RULES"));
    environment.remove(QStringLiteral("SIGNOFF_DATABASE"));
    for (const QString &key : extra.keys())
        environment.insert(key, extra.value(key));
    process.setProcessEnvironment(environment);
    process.start(qEnvironmentVariable("SIGNOFF_BINARY"), arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
               QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

#define VERIFY_ONE_LINE_FAILURE(run, status)                                                       \
    do {                                                                                            \
        QCOMPARE((run).exitCode, status);                                                          \
        QVERIFY2((run).errorLines().size() == 1, qPrintable(QStringLiteral("stderr: ") + (run).err)); \
        QVERIFY((run).err.startsWith(QStringLiteral("signoff: ")));                                \
    } while (false)

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    QStringList withDatabase(const TestDatabase &database, QStringList arguments)
    {
        return QStringList{QStringLiteral("--database"), database.urlString()} + arguments;
    }

    // Runs SQL on the test database from the test itself (to set up a state
    // the program must refuse).
    bool execSql(const TestDatabase &database, const QString &sql)
    {
        const QString name = QStringLiteral("cli-test");
        bool ok = false;
        {
            QSqlDatabase db = database.dialect() == SqlDialect::Sqlite ? QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name)
                                                                       : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            if (database.dialect() == SqlDialect::Sqlite) {
                db.setDatabaseName(database.url().path);
            } else {
                db.setHostName(database.url().host);
                db.setPort(database.url().port);
                db.setUserName(database.url().user);
                db.setDatabaseName(database.url().databaseName);
            }
            if (db.open()) {
                QSqlQuery query(db);
                ok = query.exec(sql);
                if (!ok)
                    qWarning() << query.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(qEnvironmentVariable("SIGNOFF_BINARY")), "SIGNOFF_BINARY must name the built program");
    }

    void versionAndHelp()
    {
        const Run version = runSignoff({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("signoff ")));
        const Run help = runSignoff({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *part : {"serve", "user add", "user list", "user set", "migrate status|up|down", "backup FILE", "--database"})
            QVERIFY2(help.out.contains(QLatin1String(part)), part);
    }

    void wrongCommandLinesAreUsageErrors()
    {
        VERIFY_ONE_LINE_FAILURE(runSignoff({QStringLiteral("frobnicate")}), 2);
        VERIFY_ONE_LINE_FAILURE(runSignoff({QStringLiteral("--no-such-option"), QStringLiteral("user"), QStringLiteral("list")}), 2);
        VERIFY_ONE_LINE_FAILURE(runSignoff({QStringLiteral("user")}), 2);
        VERIFY_ONE_LINE_FAILURE(runSignoff({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("zed"), QStringLiteral("--role"), QStringLiteral("boss")}), 2);
        VERIFY_ONE_LINE_FAILURE(runSignoff({QStringLiteral("migrate"), QStringLiteral("sideways")}), 2);
        VERIFY_ONE_LINE_FAILURE(runSignoff({QStringLiteral("migrate"), QStringLiteral("down"), QStringLiteral("--steps"), QStringLiteral("0")}), 2);
        VERIFY_ONE_LINE_FAILURE(runSignoff({QStringLiteral("backup")}), 2);
        VERIFY_ONE_LINE_FAILURE(runSignoff({QStringLiteral("--database")}), 2);
    }

    void addAndListUsers()
    {
        TestDatabase database;
        SIGNOFF_REQUIRE_DATABASE(database);
        const Run added = runSignoff(withDatabase(database, {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("alice"),
                                                             QStringLiteral("--role"), QStringLiteral("reviewer"),
                                                             QStringLiteral("--display-name"), QStringLiteral("Alice Liddell")}),
                                     "wonderland\n");
        QCOMPARE(added.exitCode, 0);
        QVERIFY2(added.err.isEmpty(), qPrintable(added.err));

        const Run shortPassword = runSignoff(withDatabase(database, {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bob"),
                                                                     QStringLiteral("--role"), QStringLiteral("requester")}),
                                             "short\n");
        VERIFY_ONE_LINE_FAILURE(shortPassword, 1);
        QVERIFY(shortPassword.err.contains(QStringLiteral("at least 8 characters")));

        const Run noPassword = runSignoff(withDatabase(database, {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bob"),
                                                                  QStringLiteral("--role"), QStringLiteral("requester")}));
        VERIFY_ONE_LINE_FAILURE(noPassword, 1);

        const Run duplicate = runSignoff(withDatabase(database, {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("alice"),
                                                                 QStringLiteral("--role"), QStringLiteral("admin")}),
                                         "another password\n");
        VERIFY_ONE_LINE_FAILURE(duplicate, 1);
        QVERIFY(duplicate.err.contains(QStringLiteral("already exists")));

        const Run badName = runSignoff(withDatabase(database, {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("Bad Name"),
                                                               QStringLiteral("--role"), QStringLiteral("admin")}),
                                       "long enough\n");
        VERIFY_ONE_LINE_FAILURE(badName, 1);

        // "me" is the signed-in user in the REST API's /api/v1/user/me.
        const Run me = runSignoff(withDatabase(database, {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("me"),
                                                          QStringLiteral("--role"), QStringLiteral("admin")}),
                                  "long enough\n");
        VERIFY_ONE_LINE_FAILURE(me, 1);
        QVERIFY2(me.err.contains(QStringLiteral("reserved")), qPrintable(me.err));

        // The option may also follow the command.
        const Run listed = runSignoff({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--database"), database.urlString()});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.err.isEmpty(), qPrintable(listed.err));
        QVERIFY(listed.out.contains(QStringLiteral("alice")));
        QVERIFY(listed.out.contains(QStringLiteral("reviewer")));
        QVERIFY(listed.out.contains(QStringLiteral("Alice Liddell")));
        QVERIFY(!listed.out.contains(QStringLiteral("bob")));
        QVERIFY(!listed.out.contains(QStringLiteral("argon2")));
    }

    void auditVerifyAndExport()
    {
        TestDatabase database;
        SIGNOFF_REQUIRE_DATABASE(database);
        for (const QString &name : {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}) {
            QCOMPARE(runSignoff(withDatabase(database, {QStringLiteral("user"), QStringLiteral("add"), name, QStringLiteral("--role"),
                                                        QStringLiteral("requester"), QStringLiteral("--display-name"),
                                                        QStringLiteral("=1+1, \"quoted\"")}),
                                "long enough\n")
                         .exitCode,
                     0);
        }
        const Run verified = runSignoff(withDatabase(database, {QStringLiteral("audit"), QStringLiteral("verify")}));
        QCOMPARE(verified.exitCode, 0);
        QVERIFY2(verified.out.startsWith(QStringLiteral("3 events intact")), qPrintable(verified.out));

        const Run csv = runSignoff(withDatabase(database, {QStringLiteral("audit"), QStringLiteral("export")}));
        QCOMPARE(csv.exitCode, 0);
        const QStringList lines = csv.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.first().startsWith(QStringLiteral("id,at,actor,action")));
        QVERIFY(lines.at(1).contains(QStringLiteral(",create,user,"))); // oldest first

        const Run jsonl = runSignoff(withDatabase(database, {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--format"),
                                                             QStringLiteral("jsonl"), QStringLiteral("--since"), QStringLiteral("2000-01-01")}));
        QCOMPARE(jsonl.exitCode, 0);
        const QStringList objects = jsonl.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(objects.size(), 3);
        QCOMPARE(QJsonDocument::fromJson(objects.first().toUtf8()).object().value(QStringLiteral("action")).toString(),
                 QStringLiteral("create"));
        const Run future = runSignoff(withDatabase(database, {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--format"),
                                                              QStringLiteral("jsonl"), QStringLiteral("--since"),
                                                              QStringLiteral("2999-01-01T00:00:00Z")}));
        QCOMPARE(future.exitCode, 0);
        QVERIFY(future.out.isEmpty());
        VERIFY_ONE_LINE_FAILURE(runSignoff(withDatabase(database, {QStringLiteral("audit"), QStringLiteral("export"),
                                                                   QStringLiteral("--format"), QStringLiteral("xml")})),
                                2);
        VERIFY_ONE_LINE_FAILURE(runSignoff(withDatabase(database, {QStringLiteral("audit"), QStringLiteral("export"),
                                                                   QStringLiteral("--since"), QStringLiteral("yesterday")})),
                                2);
        VERIFY_ONE_LINE_FAILURE(runSignoff(withDatabase(database, {QStringLiteral("audit")})), 2);

        // Tampering, as someone with the database's password would.
        const bool postgres = database.dialect() == SqlDialect::Postgresql;
        QVERIFY(execSql(database, postgres ? QStringLiteral("DROP TRIGGER audit_event_no_change ON audit_event")
                                           : QStringLiteral("DROP TRIGGER audit_event_no_update")));
        QVERIFY(execSql(database, QStringLiteral("UPDATE audit_event SET actor_username = 'mallory' WHERE id = "
                                                 "(SELECT event_id FROM audit_seal WHERE position = 2)")));
        const Run broken = runSignoff(withDatabase(database, {QStringLiteral("audit"), QStringLiteral("verify")}));
        VERIFY_ONE_LINE_FAILURE(broken, 1);
        QVERIFY2(broken.err.contains(QStringLiteral("(position 2) was changed")), qPrintable(broken.err));
    }

    // `user set`: an operator gets back in from the command line, also when
    // no enabled administrator is left; the last one is still kept.
    void setUserIsTheWayBackIn()
    {
        TestDatabase database;
        SIGNOFF_REQUIRE_DATABASE(database);
        const auto user = [this, &database](QStringList arguments, const QByteArray &input = {}) {
            return runSignoff(withDatabase(database, QStringList{QStringLiteral("user")} + arguments), input);
        };
        QCOMPARE(user({QStringLiteral("add"), QStringLiteral("alice"), QStringLiteral("--role"), QStringLiteral("admin")}, "long enough\n").exitCode, 0);
        QCOMPARE(user({QStringLiteral("add"), QStringLiteral("bob"), QStringLiteral("--role"), QStringLiteral("requester")}, "long enough\n").exitCode, 0);
        QVERIFY(execSql(database, QStringLiteral("UPDATE users SET disabled = TRUE WHERE username = 'alice'")));

        const Run promoted = user({QStringLiteral("set"), QStringLiteral("bob"), QStringLiteral("--role"), QStringLiteral("admin")});
        QCOMPARE(promoted.exitCode, 0);
        QCOMPARE(promoted.out.trimmed(), QStringLiteral("bob is admin (active)"));
        QCOMPARE(user({QStringLiteral("set"), QStringLiteral("alice"), QStringLiteral("--enable")}).exitCode, 0);
        QCOMPARE(user({QStringLiteral("set"), QStringLiteral("bob"), QStringLiteral("--disable")}).out.trimmed(),
                 QStringLiteral("bob is admin (disabled)"));
        const Run lastAdmin = user({QStringLiteral("set"), QStringLiteral("alice"), QStringLiteral("--role"), QStringLiteral("reviewer")});
        VERIFY_ONE_LINE_FAILURE(lastAdmin, 1);
        QVERIFY2(lastAdmin.err.contains(QStringLiteral("last administrator")), qPrintable(lastAdmin.err));

        const Run password = user({QStringLiteral("set"), QStringLiteral("alice"), QStringLiteral("--password")}, "a new password\n");
        QCOMPARE(password.exitCode, 0);
        QVERIFY(password.out.contains(QStringLiteral("with a new password")));
        VERIFY_ONE_LINE_FAILURE(user({QStringLiteral("set"), QStringLiteral("alice"), QStringLiteral("--password")}, "short\n"), 1);
        VERIFY_ONE_LINE_FAILURE(user({QStringLiteral("set"), QStringLiteral("nobody"), QStringLiteral("--enable")}), 1);
        VERIFY_ONE_LINE_FAILURE(user({QStringLiteral("set"), QStringLiteral("alice")}), 2);
        VERIFY_ONE_LINE_FAILURE(user({QStringLiteral("set"), QStringLiteral("alice"), QStringLiteral("--enable"), QStringLiteral("--disable")}), 2);
        VERIFY_ONE_LINE_FAILURE(user({QStringLiteral("set"), QStringLiteral("alice"), QStringLiteral("--role"), QStringLiteral("boss")}), 2);
        VERIFY_ONE_LINE_FAILURE(user({QStringLiteral("set")}), 2);
    }

    void environmentNamesTheDatabase()
    {
        TestDatabase database;
        SIGNOFF_REQUIRE_DATABASE(database);
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("SIGNOFF_DATABASE"), database.urlString());
        QCOMPARE(runSignoff({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("erin"), QStringLiteral("--role"), QStringLiteral("admin")},
                            "long enough\n", environment).exitCode, 0);
        QVERIFY(runSignoff(withDatabase(database, {QStringLiteral("user"), QStringLiteral("list")})).out.contains(QStringLiteral("erin")));
    }

    void migrateStatusUpDown()
    {
        TestDatabase database;
        SIGNOFF_REQUIRE_DATABASE(database);
        // The migrations bundled (resources/migrations/<dialect>/): count them on adding one.
        const int all = 12;
        const auto pending = [](int count) { return QStringLiteral("%1 migration(s) pending").arg(count); };
        const Run fresh = runSignoff(withDatabase(database, {QStringLiteral("migrate"), QStringLiteral("status")}));
        QCOMPARE(fresh.exitCode, 0);
        QVERIFY(fresh.out.contains(QStringLiteral("20261126_create_feature_data")));
        QVERIFY(fresh.out.contains(pending(all)));

        QCOMPARE(runSignoff(withDatabase(database, {QStringLiteral("migrate"), QStringLiteral("up"), QStringLiteral("--steps"), QStringLiteral("2")})).exitCode, 0);
        QVERIFY(runSignoff(withDatabase(database, {QStringLiteral("migrate"), QStringLiteral("status")})).out.contains(pending(all - 2)));
        const Run up = runSignoff(withDatabase(database, {QStringLiteral("migrate"), QStringLiteral("up")}));
        QCOMPARE(up.exitCode, 0);
        QVERIFY(up.out.contains(QStringLiteral("applied %1").arg(all - 2)));
        QVERIFY(runSignoff(withDatabase(database, {QStringLiteral("migrate"), QStringLiteral("status")})).out.contains(QStringLiteral("up to date")));

        const Run down = runSignoff(withDatabase(database, {QStringLiteral("migrate"), QStringLiteral("down"), QStringLiteral("--steps"), QString::number(all)}));
        QCOMPARE(down.exitCode, 0);
        QVERIFY(down.out.contains(QStringLiteral("reverted %1").arg(all)));
        QVERIFY(runSignoff(withDatabase(database, {QStringLiteral("migrate"), QStringLiteral("status")})).out.contains(pending(all)));
        QCOMPARE(runSignoff(withDatabase(database, {QStringLiteral("migrate"), QStringLiteral("up")})).exitCode, 0);
    }

    void aNewerSchemaIsRefusedAndLeftAlone()
    {
        TestDatabase database;
        SIGNOFF_REQUIRE_DATABASE(database);
        QCOMPARE(runSignoff(withDatabase(database, {QStringLiteral("migrate"), QStringLiteral("up")})).exitCode, 0);
        QVERIFY(execSql(database, QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES ('29990101_from_the_future', CURRENT_TIMESTAMP)")));

        for (const QStringList &command : {QStringList{QStringLiteral("user"), QStringLiteral("list")},
                                           QStringList{QStringLiteral("migrate"), QStringLiteral("status")},
                                           QStringList{QStringLiteral("migrate"), QStringLiteral("up")},
                                           QStringList{QStringLiteral("migrate"), QStringLiteral("down")}}) {
            const Run refused = runSignoff(withDatabase(database, command));
            VERIFY_ONE_LINE_FAILURE(refused, 1);
            QVERIFY2(refused.err.contains(QStringLiteral("newer")), qPrintable(refused.err));
        }
        const Run addUser = runSignoff(withDatabase(database, {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("zoe"),
                                                               QStringLiteral("--role"), QStringLiteral("admin")}),
                                       "long enough\n");
        VERIFY_ONE_LINE_FAILURE(addUser, 1);
        QVERIFY(execSql(database, QStringLiteral("SELECT COUNT(*) FROM users")));
    }

    void aDatabaseThatCannotBeOpenedIsOneLine()
    {
        if (backendUnderTest() == SqlDialect::Postgresql) {
            const Run unreachable = runSignoff({QStringLiteral("--database"), QStringLiteral("postgresql://nobody:secret@127.0.0.1:1/none"),
                                                QStringLiteral("user"), QStringLiteral("list")});
            VERIFY_ONE_LINE_FAILURE(unreachable, 1);
            QVERIFY(!unreachable.err.contains(QStringLiteral("secret")));
            return;
        }
        QTemporaryDir folder;
        QFile garbage(folder.filePath(QStringLiteral("not-a-database.db")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, 'x'));
        garbage.close();
        const Run notSqlite = runSignoff({QStringLiteral("--database"), garbage.fileName(), QStringLiteral("user"), QStringLiteral("list")});
        VERIFY_ONE_LINE_FAILURE(notSqlite, 1);
        QCOMPARE(QFileInfo(garbage.fileName()).size(), 4096);

        const Run noFolder = runSignoff({QStringLiteral("--database"), QStringLiteral("/proc/no/such/folder/x.db"), QStringLiteral("user"), QStringLiteral("list")});
        VERIFY_ONE_LINE_FAILURE(noFolder, 1);

        // A mistyped folder is an error, not a new empty database in new folders.
        const QString mistyped = folder.filePath(QStringLiteral("tpyo/signoff.db"));
        for (const QStringList &command : {QStringList{QStringLiteral("user"), QStringLiteral("list")},
                                           QStringList{QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")},
                                           QStringList{QStringLiteral("audit"), QStringLiteral("verify")}}) {
            const Run run = runSignoff(QStringList{QStringLiteral("--database"), mistyped} + command);
            VERIFY_ONE_LINE_FAILURE(run, 1);
            QVERIFY2(run.err.contains(QStringLiteral("does not exist")), qPrintable(run.err));
        }
        QVERIFY(!QFileInfo::exists(folder.filePath(QStringLiteral("tpyo"))));
        // Nothing to back up: said so, nothing made.
        const Run missing = runSignoff({QStringLiteral("--database"), folder.filePath(QStringLiteral("missing.db")), QStringLiteral("backup"),
                                        folder.filePath(QStringLiteral("copy.db"))});
        VERIFY_ONE_LINE_FAILURE(missing, 1);
        QVERIFY(!QFileInfo::exists(folder.filePath(QStringLiteral("missing.db"))));
        QVERIFY(!QFileInfo::exists(folder.filePath(QStringLiteral("copy.db"))));

        VERIFY_ONE_LINE_FAILURE(runSignoff({QStringLiteral("--database"), QStringLiteral("mysql://x/y"), QStringLiteral("user"), QStringLiteral("list")}), 1);
    }

    void backupIsConsistentWhileAnotherProcessWrites()
    {
        TestDatabase database;
        SIGNOFF_REQUIRE_DATABASE(database);
        QCOMPARE(runSignoff(withDatabase(database, {QStringLiteral("migrate"), QStringLiteral("up")})).exitCode, 0);
        QTemporaryDir folder;
        const QString target = folder.filePath(QStringLiteral("copy.db"));
        if (database.dialect() == SqlDialect::Postgresql) {
            const Run refused = runSignoff(withDatabase(database, {QStringLiteral("backup"), target}));
            VERIFY_ONE_LINE_FAILURE(refused, 1);
            QVERIFY(refused.err.contains(QStringLiteral("pg_dump")));
            return;
        }

        // Another process keeps adding users while the backup runs.
        std::atomic<bool> stop{false};
        std::atomic<int> added{0};
        std::unique_ptr<QThread> writer(QThread::create([&] {
            for (int i = 0; !stop && i < 50; ++i) {
                if (runSignoff(withDatabase(database, {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("user%1").arg(i),
                                                       QStringLiteral("--role"), QStringLiteral("requester")}),
                               "long enough\n").exitCode == 0)
                    ++added;
            }
        }));
        writer->start();
        while (added < 2)
            QThread::msleep(20);
        const Run backup = runSignoff(withDatabase(database, {QStringLiteral("backup"), target}));
        const int addedBefore = added;
        stop = true;
        writer->wait();
        QCOMPARE(backup.exitCode, 0);
        QVERIFY2(backup.err.isEmpty(), qPrintable(backup.err));

        int usersInCopy = -1;
        {
            QSqlDatabase copy = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("copy"));
            copy.setDatabaseName(target);
            QVERIFY(copy.open());
            QSqlQuery check(copy);
            QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
            QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
            QVERIFY(check.exec(QStringLiteral("SELECT COUNT(*) FROM users")) && check.next());
            usersInCopy = check.value(0).toInt();
            // Every user in the copy came with its audit row: a consistent snapshot.
            QVERIFY(check.exec(QStringLiteral("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'user'")) && check.next());
            QCOMPARE(check.value(0).toInt(), usersInCopy);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("copy"));
        QVERIFY2(usersInCopy >= 2 && usersInCopy <= addedBefore + 1, qPrintable(QString::number(usersInCopy)));

        const Run again = runSignoff(withDatabase(database, {QStringLiteral("backup"), target}));
        VERIFY_ONE_LINE_FAILURE(again, 1);
        QVERIFY(again.err.contains(QStringLiteral("already exists")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
