// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Webhook endpoints over real HTTP (docs/design.md, "API" and "Webhooks"): admins
// only; validation as problem documents; the secret shown once; URLs that
// would reach loopback, private or link-local addresses refused unless
// private webhooks are allowed; the outbox written with the change it
// reports, and never for a change that did not commit.

#include "RestTestSupport.h"
#include "service/HostResolver.h"
#include "storage/AuditRepository.h"
#include "storage/WebhookRepository.h"

#include <QJsonArray>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

QByteArray v4(int a, int b, int c, int d)
{
    QByteArray bytes;
    for (const int octet : {a, b, c, d})
        bytes.append(char(octet));
    return bytes;
}

// Names the tests resolve without a network: one public, one private, one
// both; IP literals and localhost as the system resolves them.
QList<QByteArray> testResolver(const QString &host)
{
    if (host == QStringLiteral("hooks.example.com"))
        return {v4(93, 184, 216, 34)};
    if (host == QStringLiteral("internal.example.com"))
        return {v4(10, 1, 2, 3)};
    if (host == QStringLiteral("mixed.example.com"))
        return {v4(93, 184, 216, 34), v4(127, 0, 0, 1)};
    if (host.endsWith(QStringLiteral(".example.com")))
        return {};
    return resolveHost(host);
}

ServiceOptions webhookOptions(bool allowPrivate = false)
{
    ServiceOptions options = RestFixture::testOptions();
    options.webhooks.resolve = testResolver;
    options.webhooks.allowPrivateAddresses = allowPrivate;
    return options;
}

QJsonObject endpointBody(const QString &url, const QStringList &events)
{
    return {{QStringLiteral("url"), url}, {QStringLiteral("events"), QJsonArray::fromStringList(events)}};
}

// JSON written with single quotes, for readable literals.
QByteArray json(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

QJsonArray itemsOf(const Reply &reply)
{
    return reply.json.value(QStringLiteral("items")).toArray();
}

} // namespace

class TestRestWebhooks : public QObject
{
    Q_OBJECT

private slots:
    void registerReadChangeDelete()
    {
        RestFixture f(RestFixture::testConfig(), webhookOptions());
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("ada"), Role::Admin);

        const Reply created = f.call("POST", QStringLiteral("/api/v1/webhook"), admin,
                                     endpointBody(QStringLiteral("https://hooks.example.com/signoff"),
                                                  {QStringLiteral("feature.approved"), QStringLiteral("order.*")}));
        QCOMPARE(created.status, 201);
        const QString id = created.json.value(QStringLiteral("id")).toString();
        QVERIFY(!QUuid::fromString(id).isNull());
        QCOMPARE(created.header("Location"), (QStringLiteral("/api/v1/webhook/") + id).toUtf8());
        QCOMPARE(created.json.value(QStringLiteral("url")).toString(), QStringLiteral("https://hooks.example.com/signoff"));
        QCOMPARE(created.json.value(QStringLiteral("events")).toArray(),
                 QJsonArray({QStringLiteral("feature.approved"), QStringLiteral("order.*")}));
        QCOMPARE(created.json.value(QStringLiteral("active")).toBool(), true);
        QCOMPARE(created.json.value(QStringLiteral("version")).toInt(), 1);
        // The secret, once: Standard Webhooks' whsec_ and base64 of at least 24 bytes.
        const QString secret = created.json.value(QStringLiteral("secret")).toString();
        QVERIFY2(secret.startsWith(QStringLiteral("whsec_")), qPrintable(secret));
        const auto key = QByteArray::fromBase64Encoding(secret.mid(6).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        QVERIFY(key && key.decoded.size() >= 24);

        const Reply read = f.call("GET", QStringLiteral("/api/v1/webhook/") + id, admin);
        QCOMPARE(read.status, 200);
        QVERIFY(!read.json.contains(QStringLiteral("secret")));
        QVERIFY(!read.body.contains(secret.toUtf8()));
        QCOMPARE(read.header("ETag"), QByteArray("\"1\""));

        const Reply listed = f.call("GET", QStringLiteral("/api/v1/webhook"), admin);
        QCOMPARE(listed.status, 200);
        QCOMPARE(itemsOf(listed).size(), 1);
        QVERIFY(!listed.body.contains(secret.toUtf8()));
        QVERIFY(listed.json.value(QStringLiteral("next")).isNull());

        const Reply changed = f.call("PATCH", QStringLiteral("/api/v1/webhook/") + id, admin,
                                     QJsonObject{{QStringLiteral("events"), QJsonArray{QStringLiteral("*")}},
                                                 {QStringLiteral("active"), false}},
                                     {{"If-Match", "\"1\""}});
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.json.value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(changed.json.value(QStringLiteral("events")).toArray(), QJsonArray{QStringLiteral("*")});
        QCOMPARE(changed.json.value(QStringLiteral("active")).toBool(), false);
        QVERIFY(!changed.json.contains(QStringLiteral("secret")));
        const Reply stale = f.call("PATCH", QStringLiteral("/api/v1/webhook/") + id, admin,
                                   QJsonObject{{QStringLiteral("active"), true}}, {{"If-Match", "\"1\""}});
        QCOMPARE(stale.status, 412);

        // The audit log names the changes, never the secret.
        const Reply audit = f.call("GET", QStringLiteral("/api/v1/audit?entity_type=webhook"), admin);
        QCOMPARE(audit.status, 200);
        QCOMPARE(itemsOf(audit).size(), 2);
        QVERIFY(!audit.body.contains(secret.mid(6).toUtf8()));

        QCOMPARE(f.call("DELETE", QStringLiteral("/api/v1/webhook/") + id, admin).status, 204);
        QCOMPARE(f.call("GET", QStringLiteral("/api/v1/webhook/") + id, admin).status, 404);
        QCOMPARE(f.call("GET", QStringLiteral("/api/v1/webhook/not-a-uuid"), admin).status, 404);
        QCOMPARE(f.call("GET", QStringLiteral("/api/v1/webhook/") + id + QStringLiteral("/delivery"), admin).status, 404);
    }

    void onlyAdministrators()
    {
        RestFixture f(RestFixture::testConfig(), webhookOptions());
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("ada"), Role::Admin);
        const QByteArray reviewer = f.signIn(QStringLiteral("rita"), Role::Reviewer);
        const QByteArray requester = f.signIn(QStringLiteral("alice"), Role::Requester);
        const Reply created = f.call("POST", QStringLiteral("/api/v1/webhook"), admin,
                                     endpointBody(QStringLiteral("https://hooks.example.com/"), {QStringLiteral("*")}));
        QCOMPARE(created.status, 201);
        const QString path = QStringLiteral("/api/v1/webhook/") + created.json.value(QStringLiteral("id")).toString();
        const QString retry = path + QStringLiteral("/delivery/") + QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral("/retry");
        const QJsonObject body = endpointBody(QStringLiteral("https://hooks.example.com/"), {QStringLiteral("*")});
        for (const QByteArray &token : {reviewer, requester}) {
            QCOMPARE(f.call("GET", QStringLiteral("/api/v1/webhook"), token).status, 403);
            QCOMPARE(f.call("POST", QStringLiteral("/api/v1/webhook"), token, body).status, 403);
            QCOMPARE(f.call("GET", path, token).status, 403);
            QCOMPARE(f.call("PATCH", path, token, QJsonObject{{QStringLiteral("active"), false}}).status, 403);
            QCOMPARE(f.call("DELETE", path, token).status, 403);
            QCOMPARE(f.call("GET", path + QStringLiteral("/delivery"), token).status, 403);
            QCOMPARE(f.call("POST", retry, token).status, 403);
        }
        const Reply anonymous = f.call("GET", QStringLiteral("/api/v1/webhook"));
        QCOMPARE(anonymous.status, 401);
        QVERIFY(!anonymous.header("WWW-Authenticate").isEmpty());
        QCOMPARE(f.call("PUT", path, admin, body).status, 405);
        // Nothing was registered by those who may not.
        QCOMPARE(itemsOf(f.call("GET", QStringLiteral("/api/v1/webhook"), admin)).size(), 1);
    }

    void validation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no url") << json("{'events':['*']}") << QStringLiteral("url");
        QTest::newRow("url not text") << json("{'url':5,'events':['*']}") << QStringLiteral("url");
        QTest::newRow("empty url") << json("{'url':'','events':['*']}") << QStringLiteral("url");
        QTest::newRow("relative url") << json("{'url':'/hook','events':['*']}") << QStringLiteral("url");
        QTest::newRow("ftp") << json("{'url':'ftp://hooks.example.com/','events':['*']}") << QStringLiteral("url");
        QTest::newRow("javascript") << json("{'url':'javascript:alert(1)','events':['*']}") << QStringLiteral("url");
        QTest::newRow("credentials") << json("{'url':'https://u:p@hooks.example.com/','events':['*']}") << QStringLiteral("url");
        QTest::newRow("newline") << json("{'url':'https://hooks.example.com/\\r\\nX: y','events':['*']}") << QStringLiteral("url");
        QTest::newRow("NUL") << json("{'url':'https://hooks.example.com/\\u0000','events':['*']}") << QStringLiteral("url");
        QTest::newRow("unresolvable") << json("{'url':'https://nowhere.example.com/','events':['*']}") << QStringLiteral("url");
        QTest::newRow("no events") << json("{'url':'https://hooks.example.com/'}") << QStringLiteral("events");
        QTest::newRow("empty events") << json("{'url':'https://hooks.example.com/','events':[]}") << QStringLiteral("events");
        QTest::newRow("events not a list") << json("{'url':'https://hooks.example.com/','events':'*'}") << QStringLiteral("events");
        QTest::newRow("event not text") << json("{'url':'https://hooks.example.com/','events':[1]}") << QStringLiteral("events[0]");
        QTest::newRow("unknown event") << json("{'url':'https://hooks.example.com/','events':['feature.exploded']}") << QStringLiteral("events");
        QTest::newRow("unknown entity") << json("{'url':'https://hooks.example.com/','events':['invoice.*']}") << QStringLiteral("events");
        QTest::newRow("active not bool") << json("{'url':'https://hooks.example.com/','events':['*'],'active':'yes'}") << QStringLiteral("active");
        QTest::newRow("unknown field") << json("{'url':'https://hooks.example.com/','events':['*'],'secret':'mine'}") << QStringLiteral("secret");
    }

    void validation()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        RestFixture f(RestFixture::testConfig(), webhookOptions());
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("ada"), Role::Admin);
        const Reply reply = f.call("POST", QStringLiteral("/api/v1/webhook"), admin, body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/problem+json"));
        QVERIFY2(reply.errorFields().contains(field), qPrintable(reply.errorFields().join(u',') + u' ' + QString::fromUtf8(reply.body)));
        QVERIFY(itemsOf(f.call("GET", QStringLiteral("/api/v1/webhook"), admin)).isEmpty());
    }

    void noServerSideRequestForgery_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("withFlag"); // 1: allowed, 0: refused, -1: depends on the system resolver
        QTest::newRow("private literal") << QStringLiteral("https://10.0.0.1/") << 1;
        QTest::newRow("metadata service") << QStringLiteral("https://169.254.169.254/latest/meta-data/") << 1;
        QTest::newRow("loopback literal") << QStringLiteral("https://127.0.0.1/") << 1;
        QTest::newRow("loopback http") << QStringLiteral("http://127.0.0.1:9/") << 1;
        QTest::newRow("ipv6 loopback http") << QStringLiteral("http://[::1]:9/") << 1;
        QTest::newRow("localhost") << QStringLiteral("https://localhost/") << 1;
        QTest::newRow("localhost with dot") << QStringLiteral("https://localhost./") << -1; // may not resolve at all
        QTest::newRow("sub.localhost") << QStringLiteral("https://x.localhost/") << -1;
        QTest::newRow("mapped ipv6") << QStringLiteral("https://[::ffff:10.0.0.1]/") << 1;
        QTest::newRow("unique local ipv6") << QStringLiteral("https://[fd00::1]/") << 1;
        QTest::newRow("decimal loopback") << QStringLiteral("https://2130706433/") << 1;
        QTest::newRow("name resolving private") << QStringLiteral("https://internal.example.com/") << 1;
        QTest::newRow("name resolving partly loopback") << QStringLiteral("https://mixed.example.com/") << 1;
        QTest::newRow("unspecified") << QStringLiteral("https://0.0.0.0/") << 0;
        QTest::newRow("http to a public host") << QStringLiteral("http://hooks.example.com/") << 0;
        QTest::newRow("http to a private host") << QStringLiteral("http://10.0.0.1/") << 0;
    }

    void noServerSideRequestForgery()
    {
        QFETCH(QString, url);
        QFETCH(int, withFlag);
        {
            RestFixture f(RestFixture::testConfig(), webhookOptions(false));
            SIGNOFF_REQUIRE_FIXTURE(f);
            const QByteArray admin = f.signIn(QStringLiteral("ada"), Role::Admin);
            const Reply refused = f.call("POST", QStringLiteral("/api/v1/webhook"), admin, endpointBody(url, {QStringLiteral("*")}));
            QCOMPARE(refused.status, 400);
            QCOMPARE(refused.errorFields(), QStringList{QStringLiteral("url")});
            // Nor can an endpoint registered elsewhere be pointed there.
            const Reply created = f.call("POST", QStringLiteral("/api/v1/webhook"), admin,
                                         endpointBody(QStringLiteral("https://hooks.example.com/"), {QStringLiteral("*")}));
            QCOMPARE(created.status, 201);
            const Reply moved = f.call("PATCH", QStringLiteral("/api/v1/webhook/") + created.json.value(QStringLiteral("id")).toString(),
                                       admin, QJsonObject{{QStringLiteral("url"), url}});
            QCOMPARE(moved.status, 400);
            QCOMPARE(moved.errorFields(), QStringList{QStringLiteral("url")});
        }
        {
            RestFixture f(RestFixture::testConfig(), webhookOptions(true));
            SIGNOFF_REQUIRE_FIXTURE(f);
            const QByteArray admin = f.signIn(QStringLiteral("ada"), Role::Admin);
            const Reply reply = f.call("POST", QStringLiteral("/api/v1/webhook"), admin, endpointBody(url, {QStringLiteral("*")}));
            if (withFlag == 1)
                QCOMPARE(reply.status, 201);
            else if (withFlag == 0)
                QCOMPARE(reply.status, 400);
        }
    }

    // The outbox row is part of the change: an endpoint's patterns select
    // events; inactive endpoints and refused changes get nothing.
    void outboxFollowsCommittedChanges()
    {
        RestFixture f(RestFixture::testConfig(), webhookOptions());
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("ada"), Role::Admin);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        const auto endpoint = [&](const QStringList &events, bool active) -> QString {
            QJsonObject body = endpointBody(QStringLiteral("https://hooks.example.com/"), events);
            body.insert(QStringLiteral("active"), active);
            const Reply created = f.call("POST", QStringLiteral("/api/v1/webhook"), admin, body);
            if (created.status != 201)
                qWarning() << created.status << created.body;
            return QStringLiteral("/api/v1/webhook/") + created.json.value(QStringLiteral("id")).toString();
        };
        const QString features = endpoint({QStringLiteral("feature.*")}, true);
        const QString submitted = endpoint({QStringLiteral("feature.submitted"), QStringLiteral("order.approved")}, true);
        const QString paused = endpoint({QStringLiteral("*")}, false);
        const QString everything = endpoint({QStringLiteral("*")}, true);

        const Reply created = f.call("POST", QStringLiteral("/api/v1/feature"), alice, QJsonObject{{QStringLiteral("name"), QStringLiteral("Hooked")}});
        QCOMPARE(created.status, 201);
        const QString featureId = created.json.value(QStringLiteral("id")).toString();
        QCOMPARE(f.call("POST", QStringLiteral("/api/v1/feature/%1/submit").arg(featureId), alice).status, 200);
        // Refused changes: a duplicate name, a transition from the wrong status.
        QCOMPARE(f.call("POST", QStringLiteral("/api/v1/feature"), alice, QJsonObject{{QStringLiteral("name"), QStringLiteral("Hooked")}}).status, 409);
        QCOMPARE(f.call("POST", QStringLiteral("/api/v1/feature/%1/submit").arg(featureId), alice).status, 409);

        const auto types = [&](const QString &path) {
            const Reply log = f.call("GET", path + QStringLiteral("/delivery"), admin);
            if (log.status != 200)
                qWarning() << path << log.status << log.body;
            QStringList list;
            for (const QJsonValue &delivery : itemsOf(log)) {
                list.append(delivery.toObject().value(QStringLiteral("event_type")).toString());
                if (delivery.toObject().value(QStringLiteral("status")).toString() != QStringLiteral("pending"))
                    list.append(QStringLiteral("not pending"));
            }
            return list;
        };
        // Newest first.
        QCOMPARE(types(features), (QStringList{QStringLiteral("feature.submitted"), QStringLiteral("feature.created")}));
        QCOMPARE(types(submitted), QStringList{QStringLiteral("feature.submitted")});
        QCOMPARE(types(paused), QStringList());
        // "*" hears of webhooks too (the endpoints made after it) and of sign-ins.
        const QStringList all = types(everything);
        QVERIFY2(all.value(0) == QStringLiteral("feature.submitted"), qPrintable(all.join(u',')));
        QCOMPARE(all.count(QStringLiteral("feature.created")), 1);
        QCOMPARE(all.count(QStringLiteral("feature.submitted")), 1);

        // Paging, as every list pages.
        const Reply first = f.call("GET", features + QStringLiteral("/delivery?limit=1"), admin);
        QCOMPARE(itemsOf(first).size(), 1);
        const QString next = first.json.value(QStringLiteral("next")).toString();
        QVERIFY(!next.isEmpty());
        const Reply second = f.call("GET", features + QStringLiteral("/delivery?limit=1&after=") + next, admin);
        QCOMPARE(itemsOf(second).size(), 1);
        QCOMPARE(itemsOf(second).at(0).toObject().value(QStringLiteral("event_type")).toString(), QStringLiteral("feature.created"));
        QCOMPARE(f.call("GET", features + QStringLiteral("/delivery?limit=0"), admin).status, 400);
    }

    // A unit of work that writes an audit event and then fails leaves no
    // delivery behind: the outbox row is in the same transaction.
    void rolledBackChangeWritesNoDelivery()
    {
        RestFixture f(RestFixture::testConfig(), webhookOptions());
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("ada"), Role::Admin);
        const Reply created = f.call("POST", QStringLiteral("/api/v1/webhook"), admin,
                                     endpointBody(QStringLiteral("https://hooks.example.com/"), {QStringLiteral("product.*")}));
        QCOMPARE(created.status, 201);
        const QUuid endpointId = QUuid::fromString(created.json.value(QStringLiteral("id")).toString());

        AuditEvent event;
        event.at = QDateTime::currentDateTimeUtc();
        event.actorUsername = QStringLiteral("system");
        event.action = QStringLiteral("create");
        event.entityType = QStringLiteral("product");
        event.entityId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto failed = f.database().write([&](Connection &connection) -> Result<void> {
            if (auto appended = AuditRepository(connection).append(event); !appended)
                return appended;
            // The delivery is there inside the transaction...
            auto inside = WebhookRepository(connection).deliveries(endpointId, PageRequest{});
            if (!inside || inside->items.size() != 1)
                return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "no delivery inside")));
            return Error::conflict(QStringLiteral("test"), Message(QT_TRANSLATE_NOOP("Core", "rolled back on purpose")));
        });
        QVERIFY(!failed);
        QCOMPARE(failed.error().reason, QStringLiteral("test"));
        // ...and gone with it.
        QVERIFY(itemsOf(f.call("GET", QStringLiteral("/api/v1/webhook/") + endpointId.toString(QUuid::WithoutBraces) + QStringLiteral("/delivery"), admin)).isEmpty());

        auto committed = f.database().write([&](Connection &connection) { return AuditRepository(connection).append(event); });
        QVERIFY(static_cast<bool>(committed));
        QCOMPARE(itemsOf(f.call("GET", QStringLiteral("/api/v1/webhook/") + endpointId.toString(QUuid::WithoutBraces) + QStringLiteral("/delivery"), admin)).size(), 1);
    }

    void redeliverAnswersTheDelivery()
    {
        RestFixture f(RestFixture::testConfig(), webhookOptions());
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("ada"), Role::Admin);
        const Reply created = f.call("POST", QStringLiteral("/api/v1/webhook"), admin,
                                     endpointBody(QStringLiteral("https://hooks.example.com/"), {QStringLiteral("webhook.*")}));
        const QString path = QStringLiteral("/api/v1/webhook/") + created.json.value(QStringLiteral("id")).toString();
        // Its own creation is the first event it hears of.
        const QJsonArray log = itemsOf(f.call("GET", path + QStringLiteral("/delivery"), admin));
        QCOMPARE(log.size(), 1);
        const QJsonObject delivery = log.at(0).toObject();
        QCOMPARE(delivery.value(QStringLiteral("event_type")).toString(), QStringLiteral("webhook.created"));
        QCOMPARE(delivery.value(QStringLiteral("attempts")).toArray().size(), 0);
        const QString deliveryId = delivery.value(QStringLiteral("id")).toString();

        const Reply retried = f.call("POST", path + QStringLiteral("/delivery/") + deliveryId + QStringLiteral("/retry"), admin);
        QCOMPARE(retried.status, 202);
        QCOMPARE(retried.json.value(QStringLiteral("id")).toString(), deliveryId);
        QCOMPARE(retried.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(f.call("POST", path + QStringLiteral("/delivery/") + QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral("/retry"), admin).status, 404);
        QCOMPARE(f.call("POST", path + QStringLiteral("/delivery/nope/retry"), admin).status, 404);
        // Another endpoint's delivery is not this one's.
        const Reply other = f.call("POST", QStringLiteral("/api/v1/webhook"), admin,
                                   endpointBody(QStringLiteral("https://hooks.example.com/"), {QStringLiteral("order.*")}));
        QCOMPARE(f.call("POST", QStringLiteral("/api/v1/webhook/") + other.json.value(QStringLiteral("id")).toString() + QStringLiteral("/delivery/") + deliveryId + QStringLiteral("/retry"), admin).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestRestWebhooks)
#include "tst_rest_webhooks.moc"
