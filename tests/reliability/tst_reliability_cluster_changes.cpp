// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Two `signoff serve` processes on one PostgreSQL (docs/design.md, "Several
// instances"): what one of them does is known to the other at once, through
// LISTEN/NOTIFY: a token revoked or a user disabled on one is refused by the
// other although it had the token in its cache (300 s by default), and the
// sign-in throttle counts the failures made on both.

#include "ServeProcess.h"

#include <QElapsedTimer>
#include <QtTest>

#include <array>

using namespace signoff;
using namespace signoff::test;

namespace {
const QString password = QStringLiteral("cluster password");

// Asks `http` for /api/v1/user/me with `token` until it is refused (at most
// `timeoutMs`); how long that took, or -1.
qint64 msUntilRefused(HttpClient &http, const QByteArray &token, int timeoutMs = 5000)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        if (http.send("GET", QStringLiteral("/api/v1/user/me"), token).status == 401)
            return clock.elapsed();
        QThread::msleep(5);
    }
    return -1;
}
} // namespace

class TestReliabilityClusterChanges : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(signoffBinary()), "SIGNOFF_BINARY must name the built signoff executable");
        QVERIFY(m_database.isValid());
        QString error;
        QVERIFY2(!seedUsersAndProduct(m_database.url(), password, &error).isEmpty(), qPrintable(error));
        for (ServeProcess &serve : m_serves)
            QVERIFY2(serve.start(m_database.urlString(), {QStringLiteral("--drain-seconds"), QStringLiteral("0")}),
                     qPrintable(serve.output()));
    }

    void cleanupTestCase()
    {
        for (ServeProcess &serve : m_serves)
            QVERIFY2(serve.terminate(), qPrintable(serve.output()));
    }

    void aTokenRevokedOnOneIsRefusedByTheOther()
    {
        HttpClient first(m_serves[0].url());
        HttpClient second(m_serves[1].url());
        const QByteArray token = first.signIn(QStringLiteral("alice"), password);
        QVERIFY(!token.isEmpty());
        QCOMPARE(second.send("GET", QStringLiteral("/api/v1/user/me"), token).status, 200);
        QCOMPARE(second.send("GET", QStringLiteral("/api/v1/user/me"), token).status, 200); // from its cache

        QCOMPARE(first.send("DELETE", QStringLiteral("/api/v1/auth/token"), token).status, 204);
        const qint64 ms = msUntilRefused(second, token);
        QVERIFY2(ms >= 0, "the other instance still took the revoked token after 5 s");
        qInfo("the other instance refused the revoked token after %lld ms", ms);
    }

    void aUserDisabledOnOneIsRefusedByTheOther()
    {
        HttpClient first(m_serves[0].url());
        HttpClient second(m_serves[1].url());
        const QByteArray admin = first.signIn(QStringLiteral("admin"), password);
        const QByteArray bobs = second.signIn(QStringLiteral("bob"), password);
        QVERIFY(!admin.isEmpty() && !bobs.isEmpty());
        QCOMPARE(second.send("GET", QStringLiteral("/api/v1/user/me"), bobs).status, 200);

        const Reply bob = first.send("GET", QStringLiteral("/api/v1/user/bob"), admin);
        QCOMPARE(bob.status, 200);
        const Reply disabled = first.send("PATCH", QStringLiteral("/api/v1/user/bob"), admin, QJsonObject{{QStringLiteral("disabled"), true}},
                                          {{"If-Match", bob.header("etag")}});
        QCOMPARE(disabled.status, 200);
        const qint64 ms = msUntilRefused(second, bobs);
        QVERIFY2(ms >= 0, "the other instance still served a disabled user after 5 s");
        qInfo("the other instance refused the disabled user after %lld ms", ms);
    }

    void failedSignInsCountOnBoth()
    {
        HttpClient first(m_serves[0].url());
        HttpClient second(m_serves[1].url());
        const QJsonObject wrong{{QStringLiteral("username"), QStringLiteral("carol")}, {QStringLiteral("password"), QStringLiteral("wrong")}};
        for (int i = 0; i < 5; ++i) {
            HttpClient &http = i % 2 ? second : first;
            QCOMPARE(http.send("POST", QStringLiteral("/api/v1/auth/token"), {}, wrong).status, 401);
        }
        for (HttpClient *http : {&first, &second}) {
            const Reply locked = http->send("POST", QStringLiteral("/api/v1/auth/token"), {},
                                            QJsonObject{{QStringLiteral("username"), QStringLiteral("carol")},
                                                        {QStringLiteral("password"), password}});
            QCOMPARE(locked.status, 429);
            QVERIFY(locked.header("retry-after").toInt() > 0);
        }
    }

private:
    TestDatabase m_database;
    std::array<ServeProcess, 2> m_serves;
};

QTEST_GUILESS_MAIN(TestReliabilityClusterChanges)
#include "tst_reliability_cluster_changes.moc"
