// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The background checkpointer (Database::startBackgroundCheckpoints): on
// SQLite, commits stop checkpointing by themselves (wal_autocheckpoint is
// raised to a safety net on every connection, old and new), a thread of its
// own copies the log back, and the log file stays bounded; the data is
// whole afterwards. On PostgreSQL it is a no-op.

#include "TestDatabase.h"
#include "storage/Database.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QThread>
#include <QtTest/QTest>

#include <atomic>
#include <memory>
#include <vector>

using namespace signoff;
using namespace signoff::test;

namespace {

QVariant single(Database &database, const QString &sql)
{
    auto connection = database.connection();
    if (!connection)
        return {};
    auto rows = connection.value()->query(sql);
    if (!rows || !rows->next())
        return {};
    return rows->value(0);
}

bool createRowTable(Database &database)
{
    auto connection = database.connection();
    return connection
        && connection.value()->execute(QStringLiteral("CREATE TABLE cp_row (id INTEGER NOT NULL PRIMARY KEY, payload TEXT NOT NULL)"));
}

} // namespace

class TestCheckpointer : public QObject
{
    Q_OBJECT

private slots:
    void keepsTheLogBoundedOffTheWritersPath()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        auto database = std::make_unique<Database>(testDatabase.url());
        QVERIFY(createRowTable(*database));

        WalCheckpointer::Options options;
        options.interval = std::chrono::milliseconds(50);
        options.truncateAboveBytes = 512 * 1024;
        database->startBackgroundCheckpoints(options);
        database->startBackgroundCheckpoints(options); // idempotent

        if (testDatabase.dialect() != SqlDialect::Sqlite) {
            QCOMPARE(database->backgroundCheckpoints(), quint64(0));
            return;
        }
        // Connections opened before and after: commits no longer checkpoint at 1,000 pages.
        QCOMPARE(single(*database, QStringLiteral("PRAGMA wal_autocheckpoint")).toInt(), 16384);
        std::optional<int> otherThreads;
        std::unique_ptr<QThread> other(QThread::create([&] {
            otherThreads = single(*database, QStringLiteral("PRAGMA wal_autocheckpoint")).toInt();
            database->closeThreadConnection();
        }));
        other->start();
        QVERIFY(other->wait(10000));
        QCOMPARE(otherThreads.value_or(-1), 16384);

        const QString payload(1000, u'x');
        for (int batch = 0; batch < 60; ++batch) {
            auto written = database->write([&](Connection &c) -> Result<void> {
                for (int i = 0; i < 50; ++i) {
                    if (auto inserted = c.execute(QStringLiteral("INSERT INTO cp_row (id, payload) VALUES (?, ?)"),
                                                  {batch * 50 + i, payload});
                        !inserted)
                        return inserted;
                }
                return {};
            });
            QVERIFY(written);
        }

        // The checkpointer ran, and once writing stops the log is back under its bound.
        const QString wal = testDatabase.url().path + QStringLiteral("-wal");
        QDeadlineTimer deadline(20000);
        while (!(database->backgroundCheckpoints() > 0 && QFileInfo(wal).size() <= options.truncateAboveBytes)) {
            QVERIFY2(!deadline.hasExpired(), qPrintable(QStringLiteral("%1 checkpoints, log %2 bytes")
                                                            .arg(database->backgroundCheckpoints())
                                                            .arg(QFileInfo(wal).size())));
            QThread::msleep(20);
        }
        QCOMPARE(single(*database, QStringLiteral("SELECT count(*) FROM cp_row")).toInt(), 3000);

        database.reset(); // stops the checkpointer and closes every connection
        Database reopened(testDatabase.url());
        QCOMPARE(single(reopened, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(single(reopened, QStringLiteral("SELECT count(*) FROM cp_row")).toInt(), 3000);
    }

    // Under writes that never pause, a checkpoint that merely copies never
    // catches up with the log, and SQLite only starts the log over once all of
    // it is copied: the file would grow by every commit. The checkpointer
    // copies the last frames between two write transactions, so the log keeps
    // starting over, far below what was written, with no TRUNCATE needed.
    void theLogStartsOverUnderWritesThatNeverPause()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        if (testDatabase.dialect() != SqlDialect::Sqlite)
            QSKIP("SQLite's write-ahead log only");
        auto database = std::make_unique<Database>(testDatabase.url());
        QVERIFY(createRowTable(*database));
        WalCheckpointer::Options options;
        options.interval = std::chrono::milliseconds(50);
        options.truncateAboveBytes = qint64(1) << 40; // never: the log must start over by itself
        database->startBackgroundCheckpoints(options);

        const QString wal = testDatabase.url().path + QStringLiteral("-wal");
        const QString payload(2000, u'x');
        std::atomic<bool> stop{false};
        std::atomic<int> rows{0};
        std::atomic<int> failures{0};
        std::vector<std::unique_ptr<QThread>> writers;
        for (int t = 0; t < 4; ++t) {
            writers.emplace_back(QThread::create([&] {
                while (!stop) {
                    auto written = database->write([&](Connection &c) -> Result<void> {
                        return c.execute(QStringLiteral("INSERT INTO cp_row (payload) VALUES (?)"), {payload});
                    });
                    written ? ++rows : ++failures;
                }
                database->closeThreadConnection();
            }));
            writers.back()->start();
        }
        qint64 largestLog = 0;
        QDeadlineTimer deadline(20000);
        // Long enough for many checkpoints, and for the rows to fill many
        // times the log the checkpointer lets through (8 MB of rows; a log
        // that never starts over holds all of them and more).
        while (!deadline.hasExpired() && (database->backgroundCheckpoints() < 20 || rows < 4000)) {
            largestLog = qMax(largestLog, QFileInfo(wal).size());
            QThread::msleep(5);
        }
        stop = true;
        for (auto &writer : writers)
            QVERIFY(writer->wait(20000));
        QCOMPARE(failures.load(), 0);
        const qint64 written = qint64(rows) * payload.size();
        QVERIFY2(database->backgroundCheckpoints() >= 20, qPrintable(QString::number(database->backgroundCheckpoints())));
        QVERIFY2(largestLog * 2 < written, qPrintable(QStringLiteral("log reached %1 bytes after %2 bytes of rows")
                                                          .arg(largestLog)
                                                          .arg(written)));
        QCOMPARE(single(*database, QStringLiteral("SELECT count(*) FROM cp_row")).toInt(), rows.load());
    }
};

QTEST_GUILESS_MAIN(TestCheckpointer)
#include "tst_checkpointer.moc"
