// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Limits a hostile client must not get around, over real HTTP on SQLite and
// PostgreSQL (issue 13): the rate limit holds per user however many tokens
// they hold; a user holds at most 20 tokens.

#include "RestTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

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
