// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Text a hostile client sends, over real HTTP on SQLite and PostgreSQL
// (issue 13): NUL in query parameters, bodies and path parameters and
// forged cursors are 400 (or 404 for a name no user can have), never a
// database error; invisible, direction-reversing and look-alike text is
// refused or found to be the name it looks like, also when two clients race;
// and nothing a client sends can start a log line of its own.

#include "RestTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkReply>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

QString describe(const Reply &reply)
{
    return QStringLiteral("status %1, body %2 %3").arg(reply.status).arg(QString::fromUtf8(reply.body), reply.transportError);
}

QString cursorOf(const QJsonArray &parts)
{
    return QString::fromLatin1(QJsonDocument(parts).toJson(QJsonDocument::Compact).toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QJsonObject named(const QString &name)
{
    return {{QStringLiteral("name"), name}};
}

// Every message of every category (debug and info too) while it is installed.
struct LogCapture
{
    static inline QMutex mutex;
    static inline QStringList lines;
    static inline QtMessageHandler previous = nullptr;

    LogCapture()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("*=true\nqt.*=false"));
        previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));
    }
    static void handle(QtMsgType, const QMessageLogContext &context, const QString &message)
    {
        QMutexLocker locker(&mutex);
        lines.append(QString::fromLatin1(context.category ? context.category : "default") + QStringLiteral(": ") + message);
    }
    QStringList taken() const
    {
        QMutexLocker locker(&mutex);
        return std::exchange(lines, {});
    }
};

} // namespace

#define EXPECT_PROBLEM(expression, expectedStatus, expectedType)                                   \
    do {                                                                                            \
        const Reply problemReply_ = (expression);                                                   \
        QVERIFY2(problemReply_.status == (expectedStatus), qPrintable(describe(problemReply_)));    \
        QCOMPARE(problemReply_.header("content-type"), QByteArray("application/problem+json"));     \
        QCOMPARE(problemReply_.problemType(), QStringLiteral(expectedType));                        \
    } while (false)

#define EXPECT_INVALID_FIELD(expression, field)                                                    \
    do {                                                                                            \
        const Reply invalidReply_ = (expression);                                                   \
        EXPECT_PROBLEM(invalidReply_, 400, "validation");                                           \
        QVERIFY2(invalidReply_.errorFields().contains(QStringLiteral(field)), qPrintable(describe(invalidReply_))); \
    } while (false)

class TestSecurityInput : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RestFixture> m_fixture;
    QByteArray m_admin;
    QByteArray m_alice;
    QByteArray m_rob;

    RestFixture &f() { return *m_fixture; }

    QString createFeature(const QString &name)
    {
        const Reply reply = f().call("POST", QStringLiteral("/api/v1/feature"), m_alice, named(name));
        if (reply.status != 201)
            qFatal("create feature: %s", qPrintable(describe(reply)));
        return QStringLiteral("/api/v1/feature/") + reply.json.value(QStringLiteral("id")).toString();
    }

    QString pendingFeature(const QString &name)
    {
        const QString path = createFeature(name);
        const Reply reply = f().call("POST", path + QStringLiteral("/submit"), m_alice, QByteArray(), {{"If-Match", "\"1\""}});
        if (reply.status != 200)
            qFatal("submit: %s", qPrintable(describe(reply)));
        return path;
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<RestFixture>();
        SIGNOFF_REQUIRE_FIXTURE(*m_fixture);
        m_admin = f().signIn(QStringLiteral("ada"), Role::Admin);
        m_alice = f().signIn(QStringLiteral("alice"), Role::Requester);
        m_rob = f().signIn(QStringLiteral("rob"), Role::Reviewer);
    }
    void cleanup() { m_fixture.reset(); }

    // %00 in any query parameter of any list: 400 naming it.
    void nulInQueryParametersIs400_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("field");
        QTest::newRow("feature q") << "/api/v1/feature?q=a%00b" << "q";
        QTest::newRow("feature owner") << "/api/v1/feature?owner=alice%00" << "owner";
        QTest::newRow("order q") << "/api/v1/order?q=%00" << "q";
        QTest::newRow("product q") << "/api/v1/product?q=x%00y" << "q";
        QTest::newRow("user q") << "/api/v1/user?q=%00" << "q";
        QTest::newRow("audit actor") << "/api/v1/audit?actor=ada%00" << "actor";
        QTest::newRow("audit entity_id") << "/api/v1/audit?entity_id=%00" << "entity_id";
        QTest::newRow("cursor") << "/api/v1/feature?after=%00" << "after";
    }
    void nulInQueryParametersIs400()
    {
        QFETCH(QString, target);
        QFETCH(QString, field);
        const Reply reply = f().call("GET", target, m_admin);
        EXPECT_PROBLEM(reply, 400, "validation");
        QCOMPARE(reply.errorFields(), QStringList{field});
    }

    // \u0000 anywhere in a body: 400 naming the top-level field.
    void nulInBodiesIs400()
    {
        const QString path = pendingFeature(QStringLiteral("Pending"));
        EXPECT_INVALID_FIELD(f().call("POST", QStringLiteral("/api/v1/feature"), m_alice,
                                      QByteArray("{\"name\":\"ok\",\"options\":{\"k\":\"a\\u0000b\"}}")), "options");
        EXPECT_INVALID_FIELD(f().call("POST", QStringLiteral("/api/v1/feature"), m_alice,
                                      QByteArray("{\"name\":\"ok\",\"options\":{\"deep\":[{\"k\\u0000\":1}]}}")), "options");
        EXPECT_INVALID_FIELD(f().call("POST", QStringLiteral("/api/v1/auth/token"), {},
                                      QByteArray("{\"username\":\"ada\\u0000\",\"password\":\"correct horse 42\"}")), "username");
        EXPECT_INVALID_FIELD(f().call("POST", path + QStringLiteral("/reject"), m_rob, QByteArray("{\"reason\":\"no\\u0000\"}"),
                                      {{"If-Match", "\"2\""}}), "reason");
        EXPECT_INVALID_FIELD(f().call("POST", QStringLiteral("/api/v1/order"), m_alice,
                                      QByteArray("{\"lines\":[],\"note\":\"\\u0000\"}")), "note");
        EXPECT_INVALID_FIELD(f().call("PATCH", QStringLiteral("/api/v1/user/alice"), m_admin,
                                      QByteArray("{\"display_name\":\"A\\u0000\"}")), "display_name");
        EXPECT_INVALID_FIELD(f().call("POST", QStringLiteral("/api/v1/product"), m_admin,
                                      QByteArray("{\"sku\":\"S-1\",\"name\":\"x\\u0000\",\"price_cents\":1}")), "name");
    }

    // A user name in the path that no user can have is nobody.
    void nulInAUserNameIs404()
    {
        EXPECT_PROBLEM(f().call("GET", QStringLiteral("/api/v1/user/ada%00"), m_admin), 404, "not-found");
        EXPECT_PROBLEM(f().call("PATCH", QStringLiteral("/api/v1/user/ada%00x"), m_admin, QByteArray("{\"role\":\"admin\"}")),
                       404, "not-found");
    }

    // Cursors are checked in full: only what a page of this list hands out.
    void forgedCursorsAre400_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QString>("cursor");
        const QStringList lists{QStringLiteral("/api/v1/feature"), QStringLiteral("/api/v1/order"),
                                QStringLiteral("/api/v1/product"), QStringLiteral("/api/v1/user"),
                                QStringLiteral("/api/v1/audit")};
        const QList<std::pair<const char *, QString>> cursors{
            {"text for a time", cursorOf({QStringLiteral("x"), QStringLiteral("1")})},
            {"a time not as stored", cursorOf({QStringLiteral("2026-01-01T00:00:00Z"), QStringLiteral("1")})},
            {"a tie-break that is no number", cursorOf({QStringLiteral("2026-01-01T00:00:00.000Z"), QStringLiteral("x")})},
            {"a negative tie-break", cursorOf({QStringLiteral("2026-01-01T00:00:00.000Z"), QStringLiteral("-1")})},
            {"a tie-break beyond 64 bits", cursorOf({QStringLiteral("2026-01-01T00:00:00.000Z"), QStringLiteral("99999999999999999999")})},
            {"numbers", cursorOf({1, 2})},
            {"three parts", cursorOf({QStringLiteral("a"), QStringLiteral("1"), QStringLiteral("2")})},
            {"NUL in the value", cursorOf(QJsonArray{QString(QStringLiteral("a") + QChar(u'\0')), QStringLiteral("1")})},
            {"not base64", QStringLiteral("!!!")},
        };
        for (const QString &list : lists) {
            for (const auto &[name, cursor] : cursors)
                QTest::addRow("%s: %s", qPrintable(list.section(u'/', -1)), name) << list << cursor;
        }
    }
    void forgedCursorsAre400()
    {
        QFETCH(QString, list);
        QFETCH(QString, cursor);
        const Reply reply = f().call("GET", list + QStringLiteral("?after=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor)), m_admin);
        EXPECT_PROBLEM(reply, 400, "validation");
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("after")});
    }

    // The cursors pages hand out still work, for every sort value kind.
    void genuineCursorsPage()
    {
        createFeature(QStringLiteral("One"));
        createFeature(QStringLiteral("Two"));
        for (const QString &list : {QStringLiteral("/api/v1/feature"), QStringLiteral("/api/v1/audit"), QStringLiteral("/api/v1/user")}) {
            const Reply first = f().call("GET", list + QStringLiteral("?limit=1"), m_admin);
            QCOMPARE(first.status, 200);
            const QString next = first.json.value(QStringLiteral("next")).toString();
            QVERIFY2(!next.isEmpty(), qPrintable(list));
            const Reply second = f().call("GET", list + QStringLiteral("?limit=1&after=") + next, m_admin);
            QVERIFY2(second.status == 200, qPrintable(list + u' ' + describe(second)));
            QCOMPARE(second.json.value(QStringLiteral("items")).toArray().size(), 1);
            QVERIFY(second.json.value(QStringLiteral("items")).toArray().at(0) != first.json.value(QStringLiteral("items")).toArray().at(0));
        }
    }

    // Invisible text is no text; direction controls are refused everywhere.
    void invisibleAndBidiTextIs400()
    {
        const QString path = pendingFeature(QStringLiteral("Visible"));
        const QList<std::pair<QByteArray, QByteArray>> seen{{"If-Match", "\"2\""}};
        EXPECT_INVALID_FIELD(f().call("POST", path + QStringLiteral("/reject"), m_rob, QByteArray("{\"reason\":\"\\u200b\"}"), seen),
                             "reason");
        EXPECT_INVALID_FIELD(f().call("POST", path + QStringLiteral("/reject"), m_rob, QByteArray("{\"reason\":\" \\u2060\\ufeff\\u3164 \"}"), seen),
                             "reason");
        EXPECT_INVALID_FIELD(f().call("POST", path + QStringLiteral("/approve"), m_rob, QByteArray("{\"comment\":\"\\u200b\"}"), seen),
                             "comment");
        EXPECT_INVALID_FIELD(f().call("POST", path + QStringLiteral("/approve"), m_rob, QByteArray("{\"comment\":\"ok \\u202e\"}"), seen),
                             "comment");
        EXPECT_INVALID_FIELD(f().call("POST", QStringLiteral("/api/v1/feature"), m_alice, QByteArray("{\"name\":\"\\u200b\\u200d\"}")), "name");
        EXPECT_INVALID_FIELD(f().call("POST", QStringLiteral("/api/v1/feature"), m_alice, QByteArray("{\"name\":\"report\\u202etxt.exe\"}")), "name");
        EXPECT_INVALID_FIELD(f().call("POST", QStringLiteral("/api/v1/feature"), m_alice, QByteArray("{\"name\":\"a\\u2066b\"}")), "name");
        EXPECT_INVALID_FIELD(f().call("POST", QStringLiteral("/api/v1/order"), m_alice, QByteArray("{\"lines\":[],\"note\":\"\\u200f\"}")), "note");
        EXPECT_INVALID_FIELD(f().call("PATCH", QStringLiteral("/api/v1/user/alice"), m_admin, QByteArray("{\"display_name\":\"\\u200b\"}")),
                             "display_name");
        EXPECT_INVALID_FIELD(f().call("POST", QStringLiteral("/api/v1/product"), m_admin,
                                      QByteArray("{\"sku\":\"S-1\",\"name\":\"\\u061cx\",\"price_cents\":1}")), "name");
        const Reply unchanged = f().call("GET", path, m_rob);
        QCOMPARE(unchanged.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    }

    // Text is stored in NFC; names are unique as people read them.
    void lookAlikeNamesAre409()
    {
        const Reply decomposed = f().call("POST", QStringLiteral("/api/v1/feature"), m_alice, QByteArray("{\"name\":\"cafe\\u0301\"}"));
        QCOMPARE(decomposed.status, 201);
        QCOMPARE(decomposed.json.value(QStringLiteral("name")).toString(), QStringLiteral("caf") + QChar(0x00E9));
        EXPECT_PROBLEM(f().call("POST", QStringLiteral("/api/v1/feature"), m_alice, named(QStringLiteral("caf") + QChar(0x00E9))),
                       409, "duplicate");
        EXPECT_PROBLEM(f().call("POST", QStringLiteral("/api/v1/feature"), m_alice, named(QStringLiteral("CAF") + QChar(0x00C9))),
                       409, "duplicate");
        createFeature(QStringLiteral("Dark mode"));
        const QStringList twins{QStringLiteral("dark mode"), QStringLiteral("DARK MODE"),
                                QString(QStringLiteral("Dark") + QChar(0x200B) + QStringLiteral(" mode")),
                                QString(QString(QChar(0xFF24)) + QStringLiteral("ark mode"))};
        for (const QString &twin : twins)
            EXPECT_PROBLEM(f().call("POST", QStringLiteral("/api/v1/feature"), m_alice, named(twin)), 409, "duplicate");
        const QString other = createFeature(QStringLiteral("Light mode"));
        EXPECT_PROBLEM(f().call("PATCH", other, m_alice, named(QStringLiteral("dark MODE")), {{"If-Match", "\"1\""}}), 409, "duplicate");
        // Its own name in another case is a rename, not a clash.
        QCOMPARE(f().call("PATCH", other, m_alice, named(QStringLiteral("light mode")), {{"If-Match", "\"1\""}}).status, 200);

        const auto product = [this](const char *sku) {
            return f().call("POST", QStringLiteral("/api/v1/product"), m_admin,
                            QJsonObject{{QStringLiteral("sku"), QString::fromLatin1(sku)}, {QStringLiteral("name"), QStringLiteral("Pen")},
                                        {QStringLiteral("price_cents"), 100}});
        };
        QCOMPARE(product("PEN-1").status, 201);
        EXPECT_PROBLEM(product("pen-1"), 409, "duplicate");
    }

    // Two clients create look-alike names at the same moment: the database's
    // unique key decides, not a look-up before the insert (READ COMMITTED).
    void racingLookAlikesHaveOneWinner()
    {
        QNetworkAccessManager network;
        for (int round = 0; round < 10; ++round) {
            QList<QNetworkReply *> replies;
            for (const QString &name : {QStringLiteral("Race %1").arg(round), QStringLiteral("RACE %1").arg(round),
                                        QStringLiteral("race %1").arg(round)}) {
                QNetworkRequest request(QUrl(f().url().toString() + QStringLiteral("/api/v1/feature")));
                request.setRawHeader("Authorization", "Bearer " + m_alice);
                request.setRawHeader("Content-Type", "application/json");
                replies.append(network.post(request, QJsonDocument(named(name)).toJson(QJsonDocument::Compact)));
            }
            QList<int> statuses;
            for (QNetworkReply *reply : replies)
                statuses.append(collect(reply).status);
            std::sort(statuses.begin(), statuses.end());
            QCOMPARE(statuses, (QList<int>{201, 409, 409}));
        }
    }

    // A user name sent to sign in is logged escaped: it cannot forge a line.
    void clientTextCannotForgeLogLines()
    {
        LogCapture capture;
        const QByteArray forged = "{\"username\":\"x\\nsignoff.service: token issued to eve\",\"password\":\"wrong password\"}";
        const QByteArray ansi = "{\"username\":\"\\u001b[2J\\u001b[31mroot\\r\",\"password\":\"wrong password\"}";
        QCOMPARE(f().call("POST", QStringLiteral("/api/v1/auth/token"), {}, forged).status, 401);
        QCOMPARE(f().call("POST", QStringLiteral("/api/v1/auth/token"), {}, ansi).status, 401);
        const QStringList lines = capture.taken();
        bool seen = false;
        for (const QString &line : lines) {
            QVERIFY2(!line.contains(u'\n') && !line.contains(u'\r') && !line.contains(QChar(0x1b)), qPrintable(line));
            seen = seen || line.contains(QStringLiteral("x\\nsignoff.service: token issued to eve"));
        }
        QVERIFY2(seen, qPrintable(lines.join(u'|')));
    }
};

QTEST_GUILESS_MAIN(TestSecurityInput)
#include "tst_security_input.moc"
