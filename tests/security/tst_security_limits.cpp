// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Limits a hostile client must not get around, over real HTTP on SQLite and
// PostgreSQL (issue 13): the rate limit holds per user however many tokens
// they hold; a user holds at most 20 tokens; sign-ins are limited per address
// and wait for password hashing in a bounded queue.

#include "RestTestSupport.h"
#include "service/HashingGate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>

using namespace signoff;
using namespace signoff::test;

namespace {

QString describe(const Reply &reply)
{
    return QStringLiteral("status %1, body %2 %3").arg(reply.status).arg(QString::fromUtf8(reply.body), reply.transportError);
}

QByteArray credentials(const QString &username, const QString &password)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestSecurityLimits : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RestFixture> m_fixture;
    RestFixture &f() { return *m_fixture; }

    void start(RestConfig config = RestFixture::testConfig(), ServiceOptions options = RestFixture::testOptions())
    {
        m_fixture = std::make_unique<RestFixture>(config, options);
    }

    Reply signInOverHttp(const QString &username)
    {
        return f().call("POST", QStringLiteral("/api/v1/auth/token"), {},
                        credentials(username, QString::fromLatin1(RestFixture::password)));
    }

private slots:
    void cleanup() { m_fixture.reset(); }

    // Five tokens of one user share one bucket: 1 request a second, bursts
    // of 2, so six requests in a row cannot all pass (they did, one bucket
    // per token, before issue 13).
    void theRateLimitIsPerUser()
    {
        RestConfig config = RestFixture::testConfig();
        config.rateLimitPerSecond = 1;
        start(config);
        SIGNOFF_REQUIRE_FIXTURE(f());
        f().addUser(QStringLiteral("alice"), Role::Requester);
        QList<QByteArray> tokens;
        for (int i = 0; i < 6; ++i)
            tokens.append(f().tokenFor(QStringLiteral("alice")));
        int limited = 0;
        for (const QByteArray &token : tokens) {
            const Reply reply = f().call("GET", QStringLiteral("/api/v1/user/me"), token);
            QVERIFY2(reply.status == 200 || reply.status == 429, qPrintable(describe(reply)));
            if (reply.status == 429) {
                ++limited;
                QVERIFY(reply.header("retry-after").toInt() >= 1);
            }
        }
        QVERIFY2(limited >= 1, "six tokens of one user passed a limit of 1 a second with bursts of 2");
    }

    // Sign-ins with made-up names from one address, under the rate limit:
    // beyond the sign-in burst they are refused before any hashing.
    void signInsAreLimitedPerAddress()
    {
        RestConfig config = RestFixture::testConfig();
        config.rateLimitPerSecond = 1000;
        config.signInsPerSecond = 1;
        config.signInBurst = 3;
        start(config);
        SIGNOFF_REQUIRE_FIXTURE(f());
        int refused = 0;
        for (int i = 0; i < 10; ++i) {
            const Reply reply = signInOverHttp(QStringLiteral("nobody%1").arg(i));
            QVERIFY2(reply.status == 401 || reply.status == 429, qPrintable(describe(reply)));
            if (reply.status == 429) {
                ++refused;
                QVERIFY(reply.header("retry-after").toInt() >= 1);
                QVERIFY(reply.json.value(QStringLiteral("detail")).toString().contains(QStringLiteral("from this address")));
            }
        }
        QVERIFY2(refused >= 5, qPrintable(QStringLiteral("%1 of 10 refused").arg(refused)));
        // Other requests from the address are not sign-ins: still served.
        QCOMPARE(f().call("GET", QStringLiteral("/healthz")).status, 200);
    }

    // Password hashing has its own small pool: with every place taken and
    // the queue full, a sign-in is 503 with Retry-After at once (not a wait
    // holding a server thread); with a place free, it is served.
    void aFullHashingQueueIs503()
    {
        ServiceOptions options = RestFixture::testOptions();
        options.hashingConcurrency = 1;
        options.hashingQueue = 0;
        start(RestFixture::testConfig(), options);
        SIGNOFF_REQUIRE_FIXTURE(f());
        f().addUser(QStringLiteral("alice"), Role::Requester);
        {
            const auto held = f().services().hashing().enter();
            QVERIFY(held.has_value());
            QVERIFY(!f().services().hashing().enter().has_value());
            const Reply busy = signInOverHttp(QStringLiteral("alice"));
            QCOMPARE(busy.status, 503);
            QCOMPARE(busy.header("retry-after"), QByteArray("1"));
            QCOMPARE(busy.problemType(), QStringLiteral("busy"));
        }
        const Reply served = signInOverHttp(QStringLiteral("alice"));
        QCOMPARE(served.status, 200);
    }

    // The queue in front of the hashing: a caller waits while there is room
    // and gets the place that frees; one more is refused.
    void theHashingQueueWaitsItsTurn()
    {
        HashingGate gate(1, 1);
        std::optional<HashingGate::Slot> first = gate.enter();
        QVERIFY(first.has_value());
        std::atomic<bool> entered{false};
        std::unique_ptr<QThread> waiter(QThread::create([&] {
            const auto slot = gate.enter();
            entered = slot.has_value();
        }));
        waiter->start();
        QTRY_COMPARE(gate.waiting(), 1);
        QVERIFY(!entered);
        QVERIFY(!gate.enter().has_value()); // one running, one waiting: full
        first.reset();
        QVERIFY(waiter->wait(10000));
        QVERIFY(entered);
        QVERIFY(gate.enter().has_value());
    }

    // What the server holds in answers its clients have not read is bounded:
    // a large answer beyond the budget is a short 503 with Retry-After, small
    // ones still go out. (The budget here is below one page, so the refusal
    // does not depend on how much the kernel buffers for non-reading clients.)
    void largeAnswersBeyondTheUnsentBudgetAre503()
    {
        RestConfig config = RestFixture::testConfig();
        config.maxUnsentBytes = 512 * 1024;
        start(config);
        SIGNOFF_REQUIRE_FIXTURE(f());
        const QByteArray alice = f().signIn(QStringLiteral("alice"), Role::Requester);
        const QString filler(60 * 1024, u'x');
        QString lastId;
        for (int i = 0; i < 12; ++i) {
            const Reply created = f().call("POST", QStringLiteral("/api/v1/feature"), alice,
                                           QJsonObject{{QStringLiteral("name"), QStringLiteral("Big %1").arg(i)},
                                                       {QStringLiteral("options"), QJsonObject{{QStringLiteral("text"), filler}}}});
            QCOMPARE(created.status, 201);
            lastId = created.json.value(QStringLiteral("id")).toString();
        }
        const Reply page = f().call("GET", QStringLiteral("/api/v1/feature?limit=500"), alice);
        QCOMPARE(page.status, 503);
        QCOMPARE(page.problemType(), QStringLiteral("server-busy"));
        QCOMPARE(page.header("retry-after"), QByteArray("1"));
        QCOMPARE(f().call("GET", QStringLiteral("/api/v1/feature/") + lastId, alice).status, 200); // 60 KiB: always written
        QCOMPARE(f().call("GET", QStringLiteral("/api/v1/feature?limit=5"), alice).status, 200);  // ~300 KiB: fits
    }

    // A user holds at most 20 tokens: each new one beyond revokes the oldest.
    void aUserHoldsAtMost20Tokens()
    {
        start();
        SIGNOFF_REQUIRE_FIXTURE(f());
        f().addUser(QStringLiteral("alice"), Role::Requester);
        QList<QByteArray> tokens;
        for (int i = 0; i < 25; ++i) {
            const Reply reply = signInOverHttp(QStringLiteral("alice"));
            QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
            tokens.append(reply.json.value(QStringLiteral("token")).toString().toLatin1());
        }
        for (int i = 0; i < tokens.size(); ++i) {
            const int status = f().call("GET", QStringLiteral("/api/v1/user/me"), tokens.at(i)).status;
            QVERIFY2(status == (i < 5 ? 401 : 200), qPrintable(QStringLiteral("token %1: %2").arg(i).arg(status)));
        }
    }
};

QTEST_GUILESS_MAIN(TestSecurityLimits)
#include "tst_security_limits.moc"
