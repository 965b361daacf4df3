// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Several server threads (RestConfig::threads): each its own QHttpServer on
// its own SO_REUSEPORT socket and its own database connection. Connections
// are spread over the threads and every request is answered; the rate limit
// and the connection limit hold for the server, not per thread; the port is
// "busy" for anyone else, one socket or several; stop() ends every thread.

#include "RestTestSupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QtTest>

#include <algorithm>
#include <memory>
#include <vector>

using namespace signoff;
using namespace signoff::test;

namespace {

RestConfig threaded(int threads)
{
    RestConfig config = RestFixture::testConfig();
    config.threads = threads;
    return config;
}

// Another program holding the database's write lock (SQLite: BEGIN
// IMMEDIATE; PostgreSQL: an exclusive lock on the features' table) until
// release(): the server's writes wait for it.
class WriteLock
{
public:
    explicit WriteLock(const TestDatabase &database)
    {
        const bool sqlite = database.dialect() == SqlDialect::Sqlite;
        QSqlDatabase db = QSqlDatabase::addDatabase(sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name());
        if (sqlite) {
            db.setDatabaseName(database.url().path);
        } else {
            db.setHostName(database.url().host);
            db.setPort(database.url().port);
            db.setUserName(database.url().user);
            db.setDatabaseName(database.url().databaseName);
        }
        const QStringList statements = sqlite ? QStringList{QStringLiteral("BEGIN IMMEDIATE")}
                                              : QStringList{QStringLiteral("BEGIN"),
                                                            QStringLiteral("LOCK TABLE feature_data IN EXCLUSIVE MODE")};
        m_held = db.open();
        for (const QString &statement : statements) {
            QSqlQuery query(db);
            if (m_held && !query.exec(statement)) {
                qWarning() << statement << query.lastError().text();
                m_held = false;
            }
        }
    }
    ~WriteLock() { release(); }

    bool isHeld() const { return m_held; }
    void release()
    {
        if (!QSqlDatabase::contains(name()))
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(name());
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            db.close();
        }
        QSqlDatabase::removeDatabase(name());
    }

private:
    static QString name() { return QStringLiteral("write-lock"); }
    bool m_held = false;
};

} // namespace

class TestRestThreads : public QObject
{
    Q_OBJECT

private slots:
    void connectionsAreSpreadOverTheThreadsAndAllAnswered()
    {
        RestFixture f(threaded(3));
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray token = f.signIn(QStringLiteral("alice"), Role::Requester);
        const Reply created = f.call("POST", QStringLiteral("/api/v1/feature"), token,
                                     QJsonObject{{QStringLiteral("name"), QStringLiteral("Threaded")}});
        QCOMPARE(created.status, 201);
        const QByteArray path = "/api/v1/feature/" + created.json.value(QStringLiteral("id")).toString().toLatin1();

        const QList<quint64> before = f.server().requestsPerThread();
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 24; ++i)
            clients.push_back(std::make_unique<RawClient>(f.url()));
        for (int round = 0; round < 3; ++round) {
            for (auto &client : clients)
                client->send(rawRequest("GET", path, "Authorization: Bearer " + token + "\r\n"));
            for (auto &client : clients) {
                const Reply reply = client->readResponse();
                QCOMPARE(reply.status, 200);
                QCOMPARE(reply.json.value(QStringLiteral("name")).toString(), QStringLiteral("Threaded"));
            }
        }
        QList<quint64> perThread = f.server().requestsPerThread();
        QCOMPARE(perThread.size(), 3);
        quint64 total = 0;
        for (qsizetype i = 0; i < perThread.size(); ++i) {
            perThread[i] -= before.at(i);
            total += perThread[i];
        }
        QCOMPARE(total, quint64(24 * 3));
        // 24 connections hashed onto 3 sockets all landing on one: about 1 in 10^11.
        QVERIFY2(std::count_if(perThread.cbegin(), perThread.cend(), [](quint64 count) { return count > 0; }) >= 2,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(perThread[0]).arg(perThread[1]).arg(perThread[2])));
    }

    // The database connections are bounded (one per worker), and so is the
    // wait for one: with the only worker stuck behind another program's lock,
    // one request may wait, briefly; more are 503 with Retry-After at once,
    // and the one that waited too long is 503 too, never run.
    void waitingForADatabaseConnectionIsBounded()
    {
        RestConfig config = RestFixture::testConfig();
        config.workers = 1;
        config.maxWaitingForWorkers = 1;
        config.maxWorkerWait = std::chrono::milliseconds(300);
        RestFixture f(config);
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray token = f.signIn(QStringLiteral("alice"), Role::Requester);

        WriteLock lock(f.testDatabase());
        QVERIFY(lock.isHeld());
        std::vector<std::unique_ptr<RawClient>> clients;
        for (const char *name : {"one", "two", "three"}) {
            clients.push_back(std::make_unique<RawClient>(f.url()));
            clients.back()->send(rawRequest("POST", "/api/v1/feature", "Authorization: Bearer " + token + "\r\n",
                                            QByteArray("{\"name\":\"") + name + "\"}"));
            QTest::qWait(150);
        }
        // The third finds the worker taken and the one place in the queue too.
        const Reply refused = clients.back()->readResponse(5000);
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.problemType(), QStringLiteral("server-busy"));
        QCOMPARE(refused.header("Retry-After"), QByteArray("1"));
        QTest::qWait(600);
        lock.release();

        QList<int> statuses{refused.status};
        for (size_t i = 0; i + 1 < clients.size(); ++i) {
            const Reply reply = clients.at(i)->readResponse(15000);
            statuses.append(reply.status);
            if (reply.status == 503) {
                QCOMPARE(reply.problemType(), QStringLiteral("server-busy"));
                QCOMPARE(reply.header("Retry-After"), QByteArray("1"));
            }
        }
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{201, 503, 503}));
        // Nothing refused was written.
        const Reply list = f.call("GET", QStringLiteral("/api/v1/feature"), token);
        QCOMPARE(list.json.value(QStringLiteral("items")).toArray().size(), 1);
    }

    // A change made through one thread is what a read through any other sees.
    void writesInOneThreadAreReadInTheOthers()
    {
        RestFixture f(threaded(2));
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray token = f.signIn(QStringLiteral("alice"), Role::Requester);
        const Reply created = f.call("POST", QStringLiteral("/api/v1/feature"), token,
                                     QJsonObject{{QStringLiteral("name"), QStringLiteral("Seen everywhere")}});
        QCOMPARE(created.status, 201);
        const QByteArray path = "/api/v1/feature/" + created.json.value(QStringLiteral("id")).toString().toLatin1();
        std::vector<std::unique_ptr<RawClient>> readers;
        for (int i = 0; i < 8; ++i)
            readers.push_back(std::make_unique<RawClient>(f.url()));
        for (int version = 1; version <= 4; ++version) {
            for (auto &reader : readers) {
                reader->send(rawRequest("GET", path, "Authorization: Bearer " + token + "\r\n"));
                const Reply reply = reader->readResponse();
                QCOMPARE(reply.status, 200);
                QCOMPARE(reply.header("etag"), '"' + QByteArray::number(version) + '"');
            }
            RawClient writer(f.url());
            writer.send(rawRequest("PATCH", path,
                                "Authorization: Bearer " + token + "\r\nIf-Match: \"" + QByteArray::number(version) + "\"\r\n",
                                "{\"name\":\"Seen everywhere " + QByteArray::number(version) + "\"}"));
            QCOMPARE(writer.readResponse().status, 200);
        }
    }

    void theRateLimitIsTheServersNotEachThreads()
    {
        RestConfig config = threaded(3);
        config.rateLimitPerSecond = 5; // bursts of 10
        RestFixture f(config);
        SIGNOFF_REQUIRE_FIXTURE(f);
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 12; ++i)
            clients.push_back(std::make_unique<RawClient>(f.url()));
        int answered = 0;
        int limited = 0;
        QElapsedTimer elapsed;
        elapsed.start();
        for (int round = 0; round < 2; ++round) {
            for (auto &client : clients) {
                client->send(rawRequest("GET", "/metrics"));
                const int status = client->readResponse().status;
                answered += status == 200;
                limited += status == 429;
            }
        }
        QCOMPARE(answered + limited, 24);
        // 10 from the burst, and whatever refilled (5 a second) meanwhile;
        // per thread it would have been up to 24.
        const int refilled = int(elapsed.elapsed() * 5 / 1000) + 1;
        QVERIFY2(answered >= 10 && answered <= 10 + refilled,
                 qPrintable(QStringLiteral("%1 answered in %2 ms").arg(answered).arg(elapsed.elapsed())));
    }

    void theConnectionLimitIsTheServersNotEachThreads()
    {
        RestConfig config = threaded(2);
        config.maxConnections = 3;
        RestFixture f(config);
        SIGNOFF_REQUIRE_FIXTURE(f);
        std::vector<std::unique_ptr<RawClient>> clients;
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 6; ++i) {
            clients.push_back(std::make_unique<RawClient>(f.url()));
            clients.back()->send(rawRequest("GET", "/healthz"));
            const int status = clients.back()->readResponse().status;
            accepted += status == 200;
            refused += status == 503;
        }
        QCOMPARE(accepted, 3);
        QCOMPARE(refused, 3);
    }

    void thePortIsBusyForEveryoneElse()
    {
        RestFixture f(threaded(2));
        SIGNOFF_REQUIRE_FIXTURE(f);
        for (int threads : {1, 2}) {
            RestConfig config = threaded(threads);
            config.port = quint16(f.url().port());
            RestServer second(f.services());
            auto started = second.start(config);
            QVERIFY2(!started, qPrintable(QStringLiteral("%1 threads started on a busy port").arg(threads)));
            QVERIFY2(started.error().englishSummary().contains(QStringLiteral("is busy")),
                     qPrintable(started.error().englishSummary()));
        }
        // And a group does not join a single socket either.
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
        RestConfig config = threaded(2);
        config.port = occupant.serverPort();
        RestServer third(f.services());
        auto started = third.start(config);
        QVERIFY(!started);
        QVERIFY(started.error().englishSummary().contains(QStringLiteral("is busy")));
    }

    void stopEndsEveryThreadAndFreesThePort()
    {
        RestFixture f(threaded(3));
        SIGNOFF_REQUIRE_FIXTURE(f);
        const quint16 port = quint16(f.url().port());
        RawClient client(f.url());
        client.send(rawRequest("GET", "/healthz"));
        QCOMPARE(client.readResponse().status, 200);
        f.server().stop();
        QVERIFY(!f.server().isListening());
        QVERIFY(client.waitForClosed());
        RestConfig config = threaded(3);
        config.port = port;
        auto restarted = f.server().start(config);
        QVERIFY2(restarted, restarted ? "" : qPrintable(restarted.error().englishSummary()));
        RawClient again(f.url());
        again.send(rawRequest("GET", "/healthz"));
        QCOMPARE(again.readResponse().status, 200);
    }
};

QTEST_GUILESS_MAIN(TestRestThreads)
#include "tst_rest_threads.moc"
