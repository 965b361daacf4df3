// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Access: each role can do exactly what docs/design.md allows ("API", "State
// machine") and nothing more, over REST and through the services (both doors, one rule): requesters
// cannot approve, reviewers cannot manage users or products, nobody
// approves or rejects what they own (admins included), only owners submit
// and revise, only owners and admins edit and delete drafts. Tokens of a
// disabled user stop at once; expired, revoked and made-up tokens are
// refused. Every response carries X-Content-Type-Options: nosniff; answers
// to authenticated requests are Cache-Control: private, no-cache (never kept
// by shared caches), and token answers no-store.

#include "RestTestSupport.h"
#include "TestClock.h"

#include <QJsonArray>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

enum Who { Owner, OtherRequester, Reviewer, Admin, AdminOwner };
const char *whoName(Who who)
{
    switch (who) {
    case Owner: return "the owner (requester)";
    case OtherRequester: return "another requester";
    case Reviewer: return "a reviewer";
    case Admin: return "an admin";
    case AdminOwner: return "an admin who owns the item";
    }
    return "?";
}

int statusOf(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Invalid: return 400;
    case ErrorKind::Unauthenticated: return 401;
    case ErrorKind::Forbidden: return 403;
    case ErrorKind::NotFound: return 404;
    case ErrorKind::Conflict: return 409;
    case ErrorKind::PreconditionFailed: return 412;
    case ErrorKind::RateLimited: return 429;
    case ErrorKind::Unavailable: return 503;
    }
    return 0;
}

template<typename T>
int statusOf(const Result<T> &result, int success)
{
    return result ? success : statusOf(result.error().kind);
}

} // namespace

class TestSecurityAccess : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestClock> m_clock; // outlives the fixture that reads it
    std::unique_ptr<RestFixture> m_fixture;
    QHash<Who, QByteArray> m_tokens;
    QHash<Who, Actor> m_actors;
    QString m_productId;
    int m_checked = 0;

    RestFixture &f() { return *m_fixture; }

    Reply call(Who who, const QByteArray &method, const QString &path, const QJsonObject &body = {}, int version = 0)
    {
        QList<std::pair<QByteArray, QByteArray>> headers;
        if (version > 0)
            headers.append({"If-Match", '"' + QByteArray::number(version) + '"'});
        const Reply reply = body.isEmpty() && method != "POST" ? f().call(method, path, m_tokens.value(who), QByteArray(), headers)
                                                                : f().call(method, path, m_tokens.value(who), body, headers);
        checkHeaders(reply, method + ' ' + path.toLatin1());
        return reply;
    }

    void checkHeaders(const Reply &reply, const QByteArray &what)
    {
        if (reply.header("x-content-type-options") != "nosniff")
            QFAIL(qPrintable(QStringLiteral("%1 (%2): no X-Content-Type-Options: nosniff").arg(QString::fromLatin1(what)).arg(reply.status)));
        if (reply.status != 401 && reply.header("cache-control") != "private, no-cache" && reply.header("cache-control") != "no-store")
            QFAIL(qPrintable(QStringLiteral("%1 (%2): Cache-Control is '%3'").arg(QString::fromLatin1(what)).arg(reply.status)
                                 .arg(QString::fromLatin1(reply.header("cache-control")))));
        ++m_checked;
    }

    // A fresh item of `kind` owned by the owner (or by the admin), brought to `status`.
    QJsonObject item(const QString &kind, const QString &status, Who owner = Owner)
    {
        const QJsonObject body = kind == QStringLiteral("feature")
            ? QJsonObject{{QStringLiteral("name"), QStringLiteral("item %1").arg(++m_counter)}}
            : QJsonObject{{QStringLiteral("lines"), QJsonArray{QJsonObject{{QStringLiteral("product_id"), m_productId},
                                                                          {QStringLiteral("quantity"), 1}}}}};
        Reply reply = call(owner, "POST", QStringLiteral("/api/v1/") + kind, body);
        if (reply.status != 201)
            qFatal("cannot create a %s: %s", qPrintable(kind), reply.body.constData());
        const auto step = [&](const char *action, Who who, const QJsonObject &stepBody = {}) {
            reply = call(who, "POST", QStringLiteral("/api/v1/%1/%2/%3").arg(kind, reply.json.value(QStringLiteral("id")).toString(),
                                                                           QLatin1String(action)),
                         stepBody, reply.json.value(QStringLiteral("version")).toInt());
            if (reply.status != 200)
                qFatal("cannot %s: %s", action, reply.body.constData());
        };
        if (status != QStringLiteral("draft"))
            step("submit", owner);
        if (status == QStringLiteral("rejected"))
            step("reject", Reviewer, {{QStringLiteral("reason"), QStringLiteral("no")}});
        return reply.json;
    }
    int m_counter = 0;

private slots:
    void init()
    {
        m_fixture = std::make_unique<RestFixture>();
        SIGNOFF_REQUIRE_FIXTURE(f());
        const QList<std::tuple<Who, QString, Role>> users{{Owner, QStringLiteral("alice"), Role::Requester},
                                                          {OtherRequester, QStringLiteral("bob"), Role::Requester},
                                                          {Reviewer, QStringLiteral("rita"), Role::Reviewer},
                                                          {Admin, QStringLiteral("adam"), Role::Admin}};
        for (const auto &[who, name, role] : users) {
            m_actors.insert(who, f().addUser(name, role).actor());
            m_tokens.insert(who, f().tokenFor(name));
        }
        m_actors.insert(AdminOwner, m_actors.value(Admin));
        m_tokens.insert(AdminOwner, m_tokens.value(Admin));
        const Reply product = call(Admin, "POST", QStringLiteral("/api/v1/product"),
                                   {{QStringLiteral("sku"), QStringLiteral("P-1")}, {QStringLiteral("name"), QStringLiteral("Part")},
                                    {QStringLiteral("price_cents"), 100}});
        QCOMPARE(product.status, 201);
        m_productId = product.json.value(QStringLiteral("id")).toString();
    }

    void cleanup()
    {
        m_fixture.reset();
        m_clock.reset();
    }

    void workflowOverRest_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("from");
        QTest::addColumn<int>("who");
        QTest::addColumn<int>("expected");
        const QList<std::tuple<const char *, const char *, QList<std::pair<Who, int>>>> rules{
            {"submit", "draft", {{Owner, 200}, {OtherRequester, 403}, {Reviewer, 403}, {Admin, 403}}},
            {"approve", "pending", {{Owner, 403}, {OtherRequester, 403}, {Reviewer, 200}, {Admin, 200}, {AdminOwner, 403}}},
            {"reject", "pending", {{Owner, 403}, {OtherRequester, 403}, {Reviewer, 200}, {Admin, 200}, {AdminOwner, 403}}},
            {"revise", "rejected", {{Owner, 200}, {OtherRequester, 403}, {Reviewer, 403}, {Admin, 403}}},
            {"edit", "draft", {{Owner, 200}, {OtherRequester, 403}, {Reviewer, 403}, {Admin, 200}}},
            {"delete", "draft", {{Owner, 204}, {OtherRequester, 403}, {Reviewer, 403}, {Admin, 204}}},
            {"read", "pending", {{Owner, 200}, {OtherRequester, 200}, {Reviewer, 200}, {Admin, 200}}},
            {"history", "pending", {{Owner, 200}, {OtherRequester, 200}, {Reviewer, 200}, {Admin, 200}}},
        };
        for (const char *kind : {"feature", "order"}) {
            for (const auto &[action, from, cases] : rules) {
                for (const auto &[who, expected] : cases) {
                    QTest::addRow("%s %s by %s", kind, action, whoName(who))
                        << QString::fromLatin1(kind) << QString::fromLatin1(action) << QString::fromLatin1(from) << int(who) << expected;
                }
            }
        }
    }

    // Each case on a fresh item, over REST and then through the service.
    void workflowOverRest()
    {
        QFETCH(QString, kind);
        QFETCH(QString, action);
        QFETCH(QString, from);
        QFETCH(int, who);
        QFETCH(int, expected);
        const Who actor = Who(who);
        const Who owner = actor == AdminOwner ? AdminOwner : Owner;

        for (const bool overRest : {true, false}) {
            const QJsonObject current = item(kind, from, owner);
            const QString id = current.value(QStringLiteral("id")).toString();
            const QUuid uuid = QUuid::fromString(id);
            const int version = current.value(QStringLiteral("version")).toInt();
            const QString path = QStringLiteral("/api/v1/%1/%2").arg(kind, id);
            const Actor &user = m_actors.value(actor);
            const bool feature = kind == QStringLiteral("feature");
            int status = 0;
            if (action == QStringLiteral("edit")) {
                const QJsonObject body = feature ? QJsonObject{{QStringLiteral("name"), QStringLiteral("renamed %1").arg(++m_counter)}}
                                                 : QJsonObject{{QStringLiteral("note"), QStringLiteral("changed")}};
                status = overRest ? call(actor, "PATCH", path, body, version).status
                         : feature ? statusOf(f().services().features().update(user, uuid, FeaturePatch{body.value(QStringLiteral("name")).toString(), {}}, version), 200)
                                   : statusOf(f().services().orders().update(user, uuid, OrderPatch{{}, QStringLiteral("changed")}, version), 200);
            } else if (action == QStringLiteral("delete")) {
                status = overRest ? call(actor, "DELETE", path, {}, version).status
                         : feature ? statusOf(f().services().features().remove(user, uuid, version), 204)
                                   : statusOf(f().services().orders().remove(user, uuid, version), 204);
            } else if (action == QStringLiteral("read")) {
                status = overRest ? call(actor, "GET", path).status
                         : feature ? statusOf(f().services().features().get(user, uuid), 200)
                                   : statusOf(f().services().orders().get(user, uuid), 200);
            } else if (action == QStringLiteral("history")) {
                status = overRest ? call(actor, "GET", path + QStringLiteral("/history")).status
                         : feature ? statusOf(f().services().features().history(user, uuid), 200)
                                   : statusOf(f().services().orders().history(user, uuid), 200);
            } else {
                const WorkflowAction workflowAction = action == QStringLiteral("submit") ? WorkflowAction::Submit
                    : action == QStringLiteral("approve")                               ? WorkflowAction::Approve
                    : action == QStringLiteral("reject")                                ? WorkflowAction::Reject
                                                                                        : WorkflowAction::Revise;
                const QString reason = workflowAction == WorkflowAction::Reject ? QStringLiteral("because") : QString();
                const QJsonObject body = reason.isEmpty() ? QJsonObject() : QJsonObject{{QStringLiteral("reason"), reason}};
                status = overRest ? call(actor, "POST", path + u'/' + action, body, version).status
                         : feature ? statusOf(f().services().features().transition(user, uuid, workflowAction, version, reason), 200)
                                   : statusOf(f().services().orders().transition(user, uuid, workflowAction, version, reason), 200);
            }
            QVERIFY2(status == expected, qPrintable(QStringLiteral("%1: %2, expected %3")
                                                         .arg(overRest ? QStringLiteral("REST") : QStringLiteral("service"))
                                                         .arg(status).arg(expected)));
        }
    }

    void administrationOverRestAndServices()
    {
        struct Case
        {
            QByteArray method;
            QString path;
            QJsonObject body;
            std::function<int(const Actor &)> service;
            QHash<Who, int> expected;
        };
        const QUuid productId = QUuid::fromString(m_productId);
        int counter = 0;
        const QList<Case> cases{
            {"POST", QStringLiteral("/api/v1/product"), {},
             [&](const Actor &actor) {
                 return statusOf(f().services().products().create(actor, NewProduct{QStringLiteral("S-%1").arg(++counter), QStringLiteral("N"), 1, true}), 201);
             },
             {{Owner, 403}, {Reviewer, 403}, {Admin, 201}}},
            {"PATCH", QStringLiteral("/api/v1/product/") + m_productId, {{QStringLiteral("price_cents"), 5}},
             [&](const Actor &actor) {
                 auto current = f().services().products().get(actor, productId);
                 return statusOf(f().services().products().update(actor, productId, ProductPatch{{}, {}, 7, {}}, current->version), 200);
             },
             {{Owner, 403}, {Reviewer, 403}, {Admin, 200}}},
            {"GET", QStringLiteral("/api/v1/product"), {},
             [&](const Actor &actor) { return statusOf(f().services().products().list(actor, ProductQuery{}), 200); },
             {{Owner, 200}, {Reviewer, 200}, {Admin, 200}}},
            {"GET", QStringLiteral("/api/v1/user"), {},
             [&](const Actor &actor) { return statusOf(f().services().users().list(actor, UserQuery{}), 200); },
             {{Owner, 403}, {Reviewer, 403}, {Admin, 200}}},
            {"POST", QStringLiteral("/api/v1/user"), {},
             [&](const Actor &actor) {
                 return statusOf(f().services().users().create(actor, NewUser{QStringLiteral("new%1").arg(++counter), {}, Role::Admin, QStringLiteral("long enough 1")}), 201);
             },
             {{Owner, 403}, {Reviewer, 403}, {Admin, 201}}},
            {"PATCH", QStringLiteral("/api/v1/user/bob"), {{QStringLiteral("display_name"), QStringLiteral("Bob")}},
             [&](const Actor &actor) {
                 return statusOf(f().services().users().update(actor, QStringLiteral("bob"), UserPatch{QStringLiteral("Bob B"), {}, {}, {}}, {}), 200);
             },
             {{Owner, 403}, {Reviewer, 403}, {Admin, 200}}},
            {"GET", QStringLiteral("/api/v1/user/me"), {},
             [&](const Actor &actor) { return statusOf(f().services().users().me(actor), 200); },
             {{Owner, 200}, {Reviewer, 200}, {Admin, 200}}},
            {"GET", QStringLiteral("/api/v1/audit"), {},
             [&](const Actor &actor) { return statusOf(f().services().audit().list(actor, AuditQuery{}), 200); },
             {{Owner, 403}, {Reviewer, 200}, {Admin, 200}}},
        };
        for (const Case &item : cases) {
            for (auto it = item.expected.cbegin(); it != item.expected.cend(); ++it) {
                QJsonObject body = item.body;
                if (item.method == "POST" && item.path.endsWith(QStringLiteral("product")))
                    body = {{QStringLiteral("sku"), QStringLiteral("R-%1").arg(++counter)}, {QStringLiteral("name"), QStringLiteral("N")},
                            {QStringLiteral("price_cents"), 1}};
                if (item.method == "POST" && item.path.endsWith(QStringLiteral("user")))
                    body = {{QStringLiteral("username"), QStringLiteral("rest%1").arg(++counter)}, {QStringLiteral("role"), QStringLiteral("admin")},
                            {QStringLiteral("password"), QStringLiteral("long enough 1")}};
                const Reply reply = call(it.key(), item.method, item.path, body);
                QVERIFY2(reply.status == it.value(), qPrintable(QStringLiteral("REST %1 %2 by %3: %4, expected %5")
                                                                   .arg(QString::fromLatin1(item.method), item.path, QLatin1String(whoName(it.key())))
                                                                   .arg(reply.status).arg(it.value())));
                const int status = item.service(m_actors.value(it.key()));
                QVERIFY2(status == it.value(), qPrintable(QStringLiteral("service %1 %2 by %3: %4, expected %5")
                                                             .arg(QString::fromLatin1(item.method), item.path, QLatin1String(whoName(it.key())))
                                                             .arg(status).arg(it.value())));
            }
        }
        // Nobody made themselves admin on the way.
        QCOMPARE(toString(f().services().users().me(m_actors.value(OtherRequester))->role), toString(Role::Requester));
    }

    void refusedTokens()
    {
        // A disabled user's token stops at once, in the middle of its life.
        const QByteArray bob = m_tokens.value(OtherRequester);
        QCOMPARE(call(OtherRequester, "GET", QStringLiteral("/api/v1/user/me")).status, 200);
        const Reply disabled = call(Admin, "PATCH", QStringLiteral("/api/v1/user/bob"), {{QStringLiteral("disabled"), true}});
        QCOMPARE(disabled.status, 200);
        const Reply afterDisable = f().call("GET", QStringLiteral("/api/v1/user/me"), bob);
        QCOMPARE(afterDisable.status, 401);
        QVERIFY(afterDisable.header("www-authenticate").startsWith("Bearer"));
        QCOMPARE(afterDisable.header("x-content-type-options"), QByteArray("nosniff"));
        SIGNOFF_VERIFY_ERROR(f().services().auth().authenticate(QString::fromLatin1(bob)), Unauthenticated);
        // ... and they cannot get a new one.
        const Reply signIn = f().call("POST", QStringLiteral("/api/v1/auth/token"), {},
                                      QJsonObject{{QStringLiteral("username"), QStringLiteral("bob")},
                                                  {QStringLiteral("password"), QString::fromLatin1(RestFixture::password)}});
        QCOMPARE(signIn.status, 401);

        // A revoked token is refused, and revoking does not touch other tokens.
        const QByteArray second = f().tokenFor(QStringLiteral("alice"));
        const Reply revoked = f().call("DELETE", QStringLiteral("/api/v1/auth/token"), second);
        QCOMPARE(revoked.status, 204);
        QCOMPARE(f().call("GET", QStringLiteral("/api/v1/user/me"), second).status, 401);
        QCOMPARE(f().call("GET", QStringLiteral("/api/v1/user/me"), m_tokens.value(Owner)).status, 200);

        // Made-up, truncated and extended tokens, and other schemes.
        const QByteArray good = m_tokens.value(Owner);
        for (const QByteArray &token : {QByteArray("made-up"), good.left(good.size() - 1), QByteArray(good + 'x'), good.toUpper(),
                                        QByteArray(300, 'a')}) {
            const Reply reply = f().call("GET", QStringLiteral("/api/v1/user/me"), token);
            QCOMPARE(reply.status, 401);
        }
        QCOMPARE(f().call("GET", QStringLiteral("/api/v1/user/me"), {}, QByteArray(),
                          {{"Authorization", "Basic " + QByteArray("alice:correct horse 42").toBase64()}}).status, 401);
        QCOMPARE(f().call("GET", QStringLiteral("/api/v1/user/me?access_token=") + QString::fromLatin1(good)).status, 401);
    }

    void expiredTokensAreRefused()
    {
        m_fixture.reset();
        m_clock = std::make_unique<TestClock>();
        ServiceOptions options = RestFixture::testOptions();
        options.tokenLifetime = std::chrono::hours(1);
        m_fixture = std::make_unique<RestFixture>(RestFixture::testConfig(), options);
        SIGNOFF_REQUIRE_FIXTURE(f());
        const QByteArray token = f().signIn(QStringLiteral("erin"), Role::Reviewer);
        QCOMPARE(f().call("GET", QStringLiteral("/api/v1/user/me"), token).status, 200);
        m_clock->advance(std::chrono::hours(1));
        const Reply expired = f().call("GET", QStringLiteral("/api/v1/user/me"), token);
        QCOMPARE(expired.status, 401);
        QVERIFY(expired.header("www-authenticate").startsWith("Bearer"));
        SIGNOFF_VERIFY_ERROR(f().services().auth().authenticate(QString::fromLatin1(token)), Unauthenticated);
    }

    void securityHeadersOnEveryKindOfAnswer()
    {
        const QByteArray token = m_tokens.value(Owner);
        // Token answers are never stored.
        const Reply issued = f().call("POST", QStringLiteral("/api/v1/auth/token"), {},
                                      QJsonObject{{QStringLiteral("username"), QStringLiteral("alice")},
                                                  {QStringLiteral("password"), QString::fromLatin1(RestFixture::password)}});
        QCOMPARE(issued.status, 200);
        QCOMPARE(issued.header("cache-control"), QByteArray("no-store"));
        QCOMPARE(issued.header("x-content-type-options"), QByteArray("nosniff"));
        const Reply wrong = f().call("POST", QStringLiteral("/api/v1/auth/token"), {},
                                     QJsonObject{{QStringLiteral("username"), QStringLiteral("alice")}, {QStringLiteral("password"), QStringLiteral("nope")}});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.header("cache-control"), QByteArray("no-store"));

        // Public answers, errors of every kind, authenticated answers.
        const QList<std::tuple<QByteArray, QString, QByteArray, int>> requests{
            {"GET", QStringLiteral("/healthz"), {}, 200},
            {"GET", QStringLiteral("/metrics"), {}, 200},
            {"GET", QStringLiteral("/api/v1/openapi.json"), {}, 200},
            {"GET", QStringLiteral("/nowhere"), {}, 404},
            {"DELETE", QStringLiteral("/healthz"), {}, 405},
            {"GET", QStringLiteral("/api/v1/feature"), {}, 401},
            {"GET", QStringLiteral("/api/v1/feature"), token, 200},
            {"GET", QStringLiteral("/api/v1/feature/not-an-id"), token, 404},
            {"POST", QStringLiteral("/api/v1/feature"), token, 400},
            {"GET", QStringLiteral("/api/v1/audit"), token, 403},
        };
        for (const auto &[method, path, auth, expected] : requests) {
            const Reply reply = f().call(method, path, auth, method == "POST" ? QByteArray("[]") : QByteArray());
            QVERIFY2(reply.status == expected, qPrintable(QStringLiteral("%1 %2: %3").arg(QString::fromLatin1(method), path).arg(reply.status)));
            QVERIFY2(reply.header("x-content-type-options") == "nosniff", qPrintable(path));
            if (!auth.isEmpty())
                QVERIFY2(reply.header("cache-control") == "private, no-cache", qPrintable(path + QString::fromLatin1(reply.header("cache-control"))));
        }
        // The guard's own answers (head too large) carry it as well.
        RawClient raw(f().url());
        raw.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(20 * 1024, 'a') + "\r\n\r\n");
        const Reply tooLarge = raw.readResponse();
        QCOMPARE(tooLarge.status, 431);
        QCOMPARE(tooLarge.header("x-content-type-options"), QByteArray("nosniff"));
        qInfo("%d answers checked for their headers", m_checked);
    }
};

QTEST_GUILESS_MAIN(TestSecurityAccess)
#include "tst_security_access.moc"
