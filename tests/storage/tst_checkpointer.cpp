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

#include <memory>

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
        auto connection = database->connection();
        QVERIFY(connection);
        QVERIFY(connection.value()->execute(QStringLiteral("CREATE TABLE cp_row (id INTEGER NOT NULL PRIMARY KEY, payload TEXT NOT NULL)")));

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
};

QTEST_GUILESS_MAIN(TestCheckpointer)
#include "tst_checkpointer.moc"
