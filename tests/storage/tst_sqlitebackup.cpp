// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/OpenDatabase.h"
#include "storage/SqliteBackup.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QtTest/QTest>
#include <atomic>

using namespace signoff;
using namespace signoff::test;

namespace {

constexpr int rowsPerBatch = 10;

// What a backup holds, read through a read-only connection of its own so the
// check cannot change the file.
struct BackupContents
{
    QString integrity;
    int rows = -1;
    int batches = -1;
    int newestBatch = -1;
    QString error;
};

BackupContents inspect(const QString &path)
{
    BackupContents contents;
    const QString name = QStringLiteral("inspect-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase backup = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        backup.setDatabaseName(path);
        backup.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!backup.open()) {
            contents.error = backup.lastError().text();
        } else {
            QSqlQuery query(backup);
            if (query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next())
                contents.integrity = query.value(0).toString();
            if (query.exec(QStringLiteral("SELECT count(*), count(DISTINCT batch), coalesce(max(batch), -1) FROM written"))
                && query.next()) {
                contents.rows = query.value(0).toInt();
                contents.batches = query.value(1).toInt();
                contents.newestBatch = query.value(2).toInt();
            } else {
                contents.error = query.lastError().text();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return contents;
}

Result<void> createTable(Database &database)
{
    return database.write([](Connection &connection) {
        return connection.execute(QStringLiteral("CREATE TABLE written (batch INTEGER NOT NULL, n INTEGER NOT NULL, "
                                                 "payload TEXT NOT NULL, PRIMARY KEY (batch, n))"));
    });
}

int batchCount(Database &database)
{
    auto connection = database.connection();
    if (!connection)
        return -1;
    QSqlQuery query(QSqlDatabase::database(connection.value()->name(), false));
    if (!query.exec(QStringLiteral("SELECT count(DISTINCT batch) FROM written")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

} // namespace

class TestSqliteBackup : public QObject
{
    Q_OBJECT

private slots:
    // The point of VACUUM INTO: a consistent copy while the program (here a
    // second connection in another thread, as the REST server would be, or
    // another process) keeps committing. Each transaction writes a whole
    // batch, so a consistent copy holds whole batches 0..N and nothing else.
    void copiesConsistentlyWhileAnotherConnectionWrites()
    {
        TestDatabase testDatabase(SqlDialect::Sqlite);
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        SIGNOFF_VERIFY_OK(createTable(database));

        std::atomic<bool> stop{false};
        std::atomic<int> committed{0};
        QString writerError;
        QThread *writer = QThread::create([&] {
            Database writerDatabase(testDatabase.url());
            QElapsedTimer timer;
            timer.start();
            const QString payload(200, u'p');
            for (int batch = 0; !stop && batch < 100000 && timer.elapsed() < 60000; ++batch) {
                auto written = writerDatabase.write([&](Connection &connection) -> Result<void> {
                    for (int n = 0; n < rowsPerBatch; ++n) {
                        auto inserted = connection.execute(
                            QStringLiteral("INSERT INTO written (batch, n, payload) VALUES (?, ?, ?)"), {batch, n, payload});
                        if (!inserted)
                            return inserted;
                    }
                    return {};
                });
                if (!written) {
                    writerError = describe(written.error());
                    return;
                }
                committed = batch + 1;
            }
        });
        writer->start();

        const QString folder = QFileInfo(testDatabase.url().path).absolutePath();
        QTRY_VERIFY_WITH_TIMEOUT(committed >= 20 || writer->isFinished(), 30000);
        for (int round = 0; round < 4; ++round) {
            const int committedBefore = committed;
            const QString target = QDir(folder).filePath(QStringLiteral("copy-%1.db").arg(round));
            const auto backedUp = backupSqlite(database, target);
            const int committedAfter = committed;
            if (!backedUp) {
                stop = true;
                writer->wait();
                delete writer;
                QFAIL(qPrintable(describe(backedUp.error())));
            }
            const BackupContents contents = inspect(target);
            qInfo("copy %d: %d batches (%d committed before, %d after)", round, contents.batches, committedBefore, committedAfter);
            QVERIFY2(contents.error.isEmpty(), qPrintable(contents.error));
            QCOMPARE(contents.integrity, QStringLiteral("ok"));
            QCOMPARE(contents.rows, contents.batches * rowsPerBatch);
            QCOMPARE(contents.newestBatch, contents.batches - 1);
            // +1: the writer may have committed a batch without counting it yet.
            QVERIFY2(contents.batches >= committedBefore && contents.batches <= committedAfter + 1,
                     qPrintable(QStringLiteral("%1 batches, %2 committed before, %3 after")
                                    .arg(contents.batches).arg(committedBefore).arg(committedAfter)));
            QTest::qWait(20);
        }
        stop = true;
        QVERIFY(writer->wait(60000));
        delete writer;
        QVERIFY2(writerError.isEmpty(), qPrintable(writerError));
        // The writer was never held up for good: it went on after the copies.
        QVERIFY(batchCount(database) == committed);
    }

    void copyIsAUsableSignoffDatabase()
    {
        TestDatabase testDatabase(SqlDialect::Sqlite);
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        auto opened = openDatabase(testDatabase.url());
        SIGNOFF_VERIFY_OK(opened);
        const QString target = testDatabase.url().path + QStringLiteral(".copy");
        SIGNOFF_VERIFY_OK(backupSqlite(*opened.value(), target));

        DatabaseUrl copyUrl = testDatabase.url();
        copyUrl.path = target;
        auto copy = openDatabase(copyUrl);
        SIGNOFF_VERIFY_OK(copy);
        // Up to date already: opening it made no backup of the backup.
        QCOMPARE(QDir(QFileInfo(target).absolutePath()).entryList({QStringLiteral("*.bak")}, QDir::Files), QStringList());
    }

    void refusesAnExistingTarget()
    {
        TestDatabase testDatabase(SqlDialect::Sqlite);
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        SIGNOFF_VERIFY_OK(createTable(database));

        const QString target = testDatabase.url().path + QStringLiteral(".existing");
        {
            QFile file(target);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("precious");
        }
        const auto refused = backupSqlite(database, target);
        SIGNOFF_VERIFY_ERROR(refused, Conflict);
        QCOMPARE(refused.error().message.english(),
                 QStringLiteral("The file ‘%1’ already exists; the backup does not overwrite files.").arg(target));
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("precious"));

        // An empty file too (VACUUM INTO itself would write into it), and the database itself.
        const QString empty = testDatabase.url().path + QStringLiteral(".empty");
        QVERIFY(QFile(empty).open(QIODevice::WriteOnly));
        SIGNOFF_VERIFY_ERROR(backupSqlite(database, empty), Conflict);
        QCOMPARE(QFileInfo(empty).size(), 0);
        SIGNOFF_VERIFY_ERROR(backupSqlite(database, testDatabase.url().path), Conflict);
    }

    void refusesPostgresql()
    {
        DatabaseUrl url;
        url.dialect = SqlDialect::Postgresql;
        url.host = QStringLiteral("127.0.0.1");
        url.port = 1;
        url.databaseName = QStringLiteral("signoff");
        Database database(url);
        const auto refused = backupSqlite(database, QDir::temp().filePath(QStringLiteral("never-written.db")));
        SIGNOFF_VERIFY_ERROR(refused, Invalid);
        QCOMPARE(refused.error().message.english(),
                 QStringLiteral("backup copies SQLite databases; use pg_dump for PostgreSQL."));
    }

    void refusesAMissingFolderAndLeavesNothing()
    {
        TestDatabase testDatabase(SqlDialect::Sqlite);
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        SIGNOFF_VERIFY_OK(createTable(database));
        const QString folder = QFileInfo(testDatabase.url().path).absolutePath() + QStringLiteral("/missing");
        SIGNOFF_VERIFY_ERROR(backupSqlite(database, folder + QStringLiteral("/copy.db")), Invalid);
        QVERIFY(!QFileInfo::exists(folder));
        SIGNOFF_VERIFY_ERROR(backupSqlite(database, QStringLiteral("  ")), Invalid);
    }

    void refusesInsideATransaction()
    {
        TestDatabase testDatabase(SqlDialect::Sqlite);
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        SIGNOFF_VERIFY_OK(createTable(database));
        const QString target = testDatabase.url().path + QStringLiteral(".copy");
        const auto refused = database.write([&](Connection &) { return backupSqlite(database, target); });
        SIGNOFF_VERIFY_ERROR(refused, Invalid);
        QVERIFY(!QFileInfo::exists(target));
    }
};

QTEST_GUILESS_MAIN(TestSqliteBackup)
#include "tst_sqlitebackup.moc"
