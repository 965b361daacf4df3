// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Group commit (core/storage/GroupCommit, used by Database::write on SQLite):
// units of work from several threads share one transaction, each in a
// savepoint of its own; a unit that fails is undone alone; a commit that
// fails fails every unit of its batch; nobody hears "done" before the commit.
// GroupCommit itself is plain SQL and runs on both databases.

#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/GroupCommit.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QSet>
#include <QSemaphore>
#include <QThread>
#include <QtTest/QTest>

#include <atomic>
#include <memory>
#include <vector>

using namespace signoff;
using namespace signoff::test;

namespace {

Result<void> insertName(Connection &connection, const QString &table, const QString &name)
{
    return connection.execute(QStringLiteral("INSERT INTO %1 (name) VALUES (?)").arg(table), {name});
}

QStringList names(Database &database, const QString &table)
{
    QStringList result;
    auto connection = database.connection();
    if (!connection)
        return {QStringLiteral("<no connection>")};
    auto rows = connection.value()->query(QStringLiteral("SELECT name FROM %1 ORDER BY name").arg(table));
    if (!rows)
        return {QStringLiteral("<query failed>")};
    while (rows->next())
        result.append(rows->value(0).toString());
    return result;
}

int rowCount(Database &database, const QString &table)
{
    auto connection = database.connection();
    if (!connection)
        return -1;
    auto rows = connection.value()->query(QStringLiteral("SELECT count(*) FROM %1").arg(table));
    if (!rows || !rows->next())
        return -1;
    return rows->value(0).toInt();
}

GroupCommit::WriterConnection writerOf(Database &database)
{
    return {[&database] { return database.connection(); }, [&database] { database.closeThreadConnection(); }};
}

bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(5);
    }
    return true;
}

} // namespace

class TestGroupCommit : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_testDatabase;
    std::unique_ptr<Database> m_database;

private slots:
    void init()
    {
        m_testDatabase = std::make_unique<TestDatabase>();
        QVERIFY2(m_testDatabase->isValid(), qPrintable(m_testDatabase->errorString()));
        m_database = std::make_unique<Database>(m_testDatabase->url());
        auto connection = m_database->connection();
        QVERIFY(connection);
        for (const QString &sql : {QStringLiteral("CREATE TABLE gc_item (name VARCHAR(64) NOT NULL PRIMARY KEY)"),
                                   QStringLiteral("CREATE TABLE gc_parent (id INTEGER NOT NULL PRIMARY KEY)"),
                                   QStringLiteral("CREATE TABLE gc_child (id INTEGER NOT NULL PRIMARY KEY, parent INTEGER "
                                                  "REFERENCES gc_parent (id) DEFERRABLE INITIALLY DEFERRED)")}) {
            auto created = connection.value()->execute(sql);
            QVERIFY2(created, qPrintable(describe(created.error())));
        }
    }

    void cleanup()
    {
        m_database.reset();
        m_testDatabase.reset();
    }

    // The first unit holds its batch open while four more arrive; they run
    // together in the next transaction, and the one that fails is undone alone.
    void waitingUnitsShareTheNextCommitAndFailAlone()
    {
        GroupCommit group(writerOf(*m_database));
        QSemaphore leaderInside;
        QSemaphore releaseLeader;
        std::vector<std::optional<Result<void>>> outcomes(5);
        std::vector<std::unique_ptr<QThread>> threads;

        auto unitFor = [&](int index) -> GroupCommit::Unit {
            return [&, index](Connection &connection) {
                if (!insertName(connection, QStringLiteral("gc_item"), QStringLiteral("unit %1").arg(index)))
                    return false;
                if (index == 0) {
                    leaderInside.release();
                    releaseLeader.acquire();
                }
                return index != 2; // unit 2 changes its mind: its row must go
            };
        };
        auto start = [&](int index) {
            threads.emplace_back(QThread::create([&, index] { outcomes[size_t(index)] = group.run(unitFor(index)); }));
            threads.back()->start();
        };

        start(0);
        QVERIFY(leaderInside.tryAcquire(1, 10000));
        for (int index = 1; index < 5; ++index)
            start(index);
        QVERIFY(waitUntil([&] { return group.waiting() == 4; }));
        QCOMPARE(group.transactions(), quint64(0));
        releaseLeader.release();
        for (auto &thread : threads)
            QVERIFY(thread->wait(20000));

        for (int index = 0; index < 5; ++index) {
            QVERIFY2(outcomes[size_t(index)].has_value(), qPrintable(QString::number(index)));
            QVERIFY2(*outcomes[size_t(index)], qPrintable(describe(outcomes[size_t(index)]->error())));
        }
        QCOMPARE(group.transactions(), quint64(2)); // the leader's, then the other four's
        QCOMPARE(group.units(), quint64(5));
        QCOMPARE(names(*m_database, QStringLiteral("gc_item")),
                 QStringList({QStringLiteral("unit 0"), QStringLiteral("unit 1"), QStringLiteral("unit 3"),
                              QStringLiteral("unit 4")}));
    }

    // A violation that only COMMIT finds (a deferred foreign key): every unit
    // of that batch hears the error, and none of their rows exists.
    void aFailedCommitFailsEveryUnitOfItsBatch()
    {
        GroupCommit group(writerOf(*m_database));
        QSemaphore leaderInside;
        QSemaphore releaseLeader;
        std::vector<std::optional<Result<void>>> outcomes(4);
        std::vector<std::unique_ptr<QThread>> threads;

        auto start = [&](int index, GroupCommit::Unit unit) {
            threads.emplace_back(QThread::create([&, index, unit] { outcomes[size_t(index)] = group.run(unit); }));
            threads.back()->start();
        };
        start(0, [&](Connection &connection) {
            leaderInside.release();
            releaseLeader.acquire();
            return bool(insertName(connection, QStringLiteral("gc_item"), QStringLiteral("leader")));
        });
        QVERIFY(leaderInside.tryAcquire(1, 10000));
        start(1, [](Connection &connection) {
            return bool(insertName(connection, QStringLiteral("gc_item"), QStringLiteral("innocent")));
        });
        start(2, [](Connection &connection) {
            return bool(connection.execute(QStringLiteral("INSERT INTO gc_child (id, parent) VALUES (1, 42)")));
        });
        start(3, [](Connection &connection) {
            return bool(connection.execute(QStringLiteral("INSERT INTO gc_parent (id) VALUES (7)")));
        });
        QVERIFY(waitUntil([&] { return group.waiting() == 3; }));
        releaseLeader.release();
        for (auto &thread : threads)
            QVERIFY(thread->wait(20000));

        QVERIFY(outcomes[0].has_value() && *outcomes[0]); // its own batch committed
        for (int index = 1; index < 4; ++index) {
            QVERIFY2(outcomes[size_t(index)].has_value(), qPrintable(QString::number(index)));
            QVERIFY2(!*outcomes[size_t(index)], qPrintable(QStringLiteral("unit %1 was told it committed").arg(index)));
            QVERIFY(outcomes[size_t(index)]->error().kind == ErrorKind::Unavailable);
        }
        QCOMPARE(names(*m_database, QStringLiteral("gc_item")), QStringList({QStringLiteral("leader")}));
        QCOMPARE(rowCount(*m_database, QStringLiteral("gc_parent")), 0);
        QCOMPARE(rowCount(*m_database, QStringLiteral("gc_child")), 0);
    }

    // Through Database::write, as the services use it: many threads, every
    // write visible once it returned, each exactly once.
    void concurrentWritesAreAllCommittedOnce()
    {
        constexpr int threadCount = 8;
        constexpr int writesPerThread = 25;
        std::atomic<int> failures{0};
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < threadCount; ++t) {
            threads.emplace_back(QThread::create([&, t] {
                for (int i = 0; i < writesPerThread; ++i) {
                    const QString name = QStringLiteral("t%1 w%2").arg(t).arg(i, 2, 10, QLatin1Char('0'));
                    auto written = m_database->write([&](Connection &connection) -> Result<void> {
                        return insertName(connection, QStringLiteral("gc_item"), name);
                    });
                    // Acknowledged means committed: another connection sees it now.
                    if (!written || !names(*m_database, QStringLiteral("gc_item")).contains(name))
                        ++failures;
                }
                m_database->closeThreadConnection();
            }));
            threads.back()->start();
        }
        for (auto &thread : threads)
            QVERIFY(thread->wait(60000));
        QCOMPARE(failures.load(), 0);
        QCOMPARE(names(*m_database, QStringLiteral("gc_item")).size(), threadCount * writesPerThread);
        if (m_database->dialect() == SqlDialect::Sqlite) {
            QCOMPARE(m_database->groupCommit().units(), quint64(threadCount * writesPerThread));
            QVERIFY(m_database->groupCommit().transactions() <= m_database->groupCommit().units());
        }
    }

    // Every batch runs on the writer thread's one connection, whichever thread
    // sent the unit: a connection that other connections' commits did not
    // touch keeps its page cache.
    void everyBatchRunsOnTheWritersConnection()
    {
        GroupCommit group(writerOf(*m_database));
        QMutex mutex;
        QSet<QString> connections;
        QSet<QThread *> unitThreads;
        std::atomic<int> failures{0};
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back(QThread::create([&, t] {
                for (int i = 0; i < 10; ++i) {
                    auto done = group.run([&, t, i](Connection &connection) {
                        QMutexLocker locker(&mutex);
                        connections.insert(connection.name());
                        unitThreads.insert(QThread::currentThread());
                        return bool(insertName(connection, QStringLiteral("gc_item"), QStringLiteral("%1-%2").arg(t).arg(i)));
                    });
                    if (!done)
                        ++failures;
                }
            }));
            threads.back()->start();
        }
        for (auto &thread : threads)
            QVERIFY(thread->wait(20000));
        QCOMPARE(failures.load(), 0);
        QCOMPARE(connections.size(), 1);
        QCOMPARE(unitThreads.size(), 1);
        for (auto &thread : threads)
            QVERIFY(!unitThreads.contains(thread.get()));
        QCOMPARE(rowCount(*m_database, QStringLiteral("gc_item")), 40);
    }

    // runBetweenBatches() waits for the batch under way, and units that
    // arrive while its task runs wait for the task.
    void aTaskBetweenBatchesRunsAloneAndGoesFirst()
    {
        GroupCommit group(writerOf(*m_database));
        QSemaphore unitInside;
        QSemaphore releaseUnit;
        std::atomic<bool> unitRunning{false};
        std::atomic<bool> taskSawUnit{false};
        std::atomic<int> unitsDuringTask{0};
        std::atomic<bool> taskRunning{false};
        std::vector<std::unique_ptr<QThread>> threads;
        std::optional<Result<void>> first;
        std::optional<Result<void>> second;
        threads.emplace_back(QThread::create([&] {
            first = group.run([&](Connection &connection) {
                unitRunning = true;
                unitInside.release();
                releaseUnit.acquire();
                unitRunning = false;
                return bool(insertName(connection, QStringLiteral("gc_item"), QStringLiteral("first")));
            });
        }));
        threads.back()->start();
        QVERIFY(unitInside.tryAcquire(1, 10000));
        QSemaphore taskInside;
        QSemaphore releaseTask;
        threads.emplace_back(QThread::create([&] {
            group.runBetweenBatches([&] {
                taskSawUnit = unitRunning.load();
                taskRunning = true;
                taskInside.release();
                releaseTask.acquire();
                taskRunning = false;
            });
        }));
        threads.back()->start();
        QThread::msleep(50);
        releaseUnit.release(); // the batch ends; the task goes next
        QVERIFY(taskInside.tryAcquire(1, 10000));
        threads.emplace_back(QThread::create([&] {
            second = group.run([&](Connection &connection) {
                if (taskRunning)
                    ++unitsDuringTask;
                return bool(insertName(connection, QStringLiteral("gc_item"), QStringLiteral("second")));
            });
        }));
        threads.back()->start();
        QVERIFY(waitUntil([&] { return group.waiting() == 1; }));
        QThread::msleep(50);
        QCOMPARE(group.transactions(), quint64(1)); // the second unit still waits
        releaseTask.release();
        for (auto &thread : threads)
            QVERIFY(thread->wait(20000));
        QVERIFY(first.has_value() && *first);
        QVERIFY(second.has_value() && *second);
        QVERIFY(!taskSawUnit);
        QCOMPARE(unitsDuringTask.load(), 0);
        QCOMPARE(group.transactions(), quint64(2));
        QCOMPARE(rowCount(*m_database, QStringLiteral("gc_item")), 2);
    }

    // A write that fails rolls back alone, also when it shares a transaction.
    void aFailedWriteLeavesNothingBehind()
    {
        auto failed = m_database->write([](Connection &connection) -> Result<void> {
            if (auto inserted = insertName(connection, QStringLiteral("gc_item"), QStringLiteral("half")); !inserted)
                return inserted;
            return Error::invalid({});
        });
        QVERIFY(!failed);
        auto duplicate = m_database->write([](Connection &connection) -> Result<void> {
            if (auto inserted = insertName(connection, QStringLiteral("gc_item"), QStringLiteral("once")); !inserted)
                return inserted;
            return insertName(connection, QStringLiteral("gc_item"), QStringLiteral("once"));
        });
        QVERIFY(!duplicate);
        QVERIFY(duplicate.error().kind == ErrorKind::Conflict);
        QCOMPARE(names(*m_database, QStringLiteral("gc_item")).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGroupCommit)
#include "tst_groupcommit.moc"
