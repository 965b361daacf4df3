// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Review depth over HTTP (docs/design.md, "State machine", "API" and
// "Approval policies") on both databases: the policy routes, approvals in the
// representations, N-of-M approvals (also three reviewers at once on separate
// connections), withdraw, comments and batches with mixed outcomes.

#include "RestTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

QList<std::pair<QByteArray, QByteArray>> ifMatch(int version)
{
    return {{"If-Match", '"' + QByteArray::number(version) + '"'}};
}

QJsonObject policyBody(int features, int orders, const QJsonArray &thresholds = {})
{
    return {{QStringLiteral("feature"), QJsonObject{{QStringLiteral("required_approvals"), features}}},
            {QStringLiteral("order"), QJsonObject{{QStringLiteral("required_approvals"), orders},
                                                  {QStringLiteral("thresholds"), thresholds}}}};
}

QJsonObject threshold(qint64 total, int required)
{
    return {{QStringLiteral("total_cents_at_least"), total}, {QStringLiteral("required_approvals"), required}};
}

QStringList approvers(const QJsonObject &item)
{
    QStringList names;
    for (const QJsonValue &approval : item.value(QStringLiteral("approvals")).toArray())
        names.append(approval.toObject().value(QStringLiteral("by")).toString());
    return names;
}

QByteArray bearer(const QByteArray &token)
{
    return "Authorization: Bearer " + token + "\r\n";
}

} // namespace

class TestRestReview : public QObject
{
    Q_OBJECT

    // A feature of `owner`, submitted: its id (version 2).
    static QString pendingFeature(RestFixture &f, const QByteArray &owner, const QString &name)
    {
        const Reply created = f.call("POST", QStringLiteral("/api/v1/feature"), owner, QJsonObject{{QStringLiteral("name"), name}});
        if (created.status != 201)
            return {};
        const QString id = created.json.value(QStringLiteral("id")).toString();
        const Reply submitted = f.call("POST", QStringLiteral("/api/v1/feature/") + id + QStringLiteral("/submit"), owner, QByteArray(), ifMatch(1));
        return submitted.status == 200 ? id : QString();
    }

private slots:
    void thePolicyIsReadByEveryoneAndChangedByAdministrators()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        const QByteArray rita = f.signIn(QStringLiteral("rita"), Role::Reviewer);
        const QByteArray adam = f.signIn(QStringLiteral("adam"), Role::Admin);

        const Reply initial = f.call("GET", QStringLiteral("/api/v1/policy"), alice);
        QCOMPARE(initial.status, 200);
        QCOMPARE(initial.json, policyBody(1, 1));
        QCOMPARE(initial.header("ETag"), QByteArray("\"1\""));
        QCOMPARE(f.call("GET", QStringLiteral("/api/v1/policy"), alice, QByteArray(), {{"If-None-Match", "\"1\""}}).status, 304);
        QCOMPARE(f.call("GET", QStringLiteral("/api/v1/policy")).status, 401);

        const QJsonObject wanted = policyBody(2, 1, {threshold(100000, 2), threshold(500000, 3)});
        const Reply byReviewer = f.call("PUT", QStringLiteral("/api/v1/policy"), rita, wanted);
        QCOMPARE(byReviewer.status, 403);
        QCOMPARE(byReviewer.header("Content-Type"), QByteArray("application/problem+json"));
        // Permission first: a non-admin learns nothing about a body it may not send.
        const QJsonObject invalid{{QStringLiteral("feature"), QJsonObject{{QStringLiteral("required_approvals"), 99}}},
                                  {QStringLiteral("colour"), QStringLiteral("red")}};
        QCOMPARE(f.call("PUT", QStringLiteral("/api/v1/policy"), rita, invalid).status, 403);
        QCOMPARE(f.call("PUT", QStringLiteral("/api/v1/policy"), alice, QByteArray("{\"feature\": ")).status, 403);
        QCOMPARE(f.call("PUT", QStringLiteral("/api/v1/policy"), alice, invalid, {{"If-Match", "abc"}}).status, 403);
        QCOMPARE(f.call("PUT", QStringLiteral("/api/v1/policy"), adam, invalid).status, 400);
        const Reply updated = f.call("PUT", QStringLiteral("/api/v1/policy"), adam, wanted, ifMatch(1));
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.json, wanted);
        QCOMPARE(updated.header("ETag"), QByteArray("\"2\""));
        QCOMPARE(f.call("GET", QStringLiteral("/api/v1/policy"), rita).json, wanted);
        QCOMPARE(f.call("PUT", QStringLiteral("/api/v1/policy"), adam, policyBody(1, 1), ifMatch(1)).status, 412);

        // Thresholds may be left out: none.
        QJsonObject withoutThresholds = policyBody(1, 2);
        QJsonObject order = withoutThresholds.value(QStringLiteral("order")).toObject();
        order.remove(QStringLiteral("thresholds"));
        withoutThresholds.insert(QStringLiteral("order"), order);
        const Reply plain = f.call("PUT", QStringLiteral("/api/v1/policy"), adam, withoutThresholds);
        QCOMPARE(plain.status, 200);
        QCOMPARE(plain.json, policyBody(1, 2));

        const Reply audit = f.call("GET", QStringLiteral("/api/v1/audit?entity_type=policy"), adam);
        QCOMPARE(audit.status, 200);
        const QJsonArray events = audit.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(1).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("update"));
        QCOMPARE(events.at(1).toObject().value(QStringLiteral("detail")).toObject().value(QStringLiteral("to")).toObject(), wanted);
    }

    void anInvalidPolicyIs400NamingTheFields_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("zero") << QByteArray(R"({"feature":{"required_approvals":0},"order":{"required_approvals":1}})")
                              << QStringList{QStringLiteral("feature.required_approvals")};
        QTest::newRow("six") << QByteArray(R"({"feature":{"required_approvals":1},"order":{"required_approvals":6}})")
                             << QStringList{QStringLiteral("order.required_approvals")};
        QTest::newRow("not ascending")
            << QByteArray(R"({"feature":{"required_approvals":1},"order":{"required_approvals":1,"thresholds":[)"
                          R"({"total_cents_at_least":500,"required_approvals":2},{"total_cents_at_least":500,"required_approvals":3}]}})")
            << QStringList{QStringLiteral("order.thresholds[1].total_cents_at_least")};
        QTest::newRow("unknown field") << QByteArray(R"({"feature":{"required_approvals":1},"order":{"required_approvals":1},"user":{}})")
                                       << QStringList{QStringLiteral("user")};
        QTest::newRow("unknown nested field")
            << QByteArray(R"({"feature":{"required_approvals":1,"thresholds":[]},"order":{"required_approvals":1}})")
            << QStringList{QStringLiteral("feature.thresholds")};
        QTest::newRow("missing order") << QByteArray(R"({"feature":{"required_approvals":1}})")
                                       << QStringList{QStringLiteral("order")};
        QTest::newRow("wrong type") << QByteArray(R"({"feature":{"required_approvals":"2"},"order":{"required_approvals":1.5}})")
                                    << QStringList{QStringLiteral("feature.required_approvals"), QStringLiteral("order.required_approvals")};
        QTest::newRow("threshold not an object")
            << QByteArray(R"({"feature":{"required_approvals":1},"order":{"required_approvals":1,"thresholds":[3]}})")
            << QStringList{QStringLiteral("order.thresholds[0]")};
    }

    void anInvalidPolicyIs400NamingTheFields()
    {
        QFETCH(QByteArray, body);
        QFETCH(QStringList, fields);
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray adam = f.signIn(QStringLiteral("adam"), Role::Admin);
        const Reply refused = f.call("PUT", QStringLiteral("/api/v1/policy"), adam, body);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorFields(), fields);
        QCOMPARE(f.call("GET", QStringLiteral("/api/v1/policy"), adam).json, policyBody(1, 1));
    }

    void itemsCarryTheirApprovalsFromSubmitToDecision()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        const QByteArray rita = f.signIn(QStringLiteral("rita"), Role::Reviewer);
        const QByteArray roy = f.signIn(QStringLiteral("roy"), Role::Reviewer);
        const QByteArray adam = f.signIn(QStringLiteral("adam"), Role::Admin);
        QCOMPARE(f.call("PUT", QStringLiteral("/api/v1/policy"), adam, policyBody(2, 1)).status, 200);

        const Reply created = f.call("POST", QStringLiteral("/api/v1/feature"), alice, QJsonObject{{QStringLiteral("name"), QStringLiteral("Two of two")}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json.value(QStringLiteral("approvals")).toArray(), QJsonArray());
        QCOMPARE(created.json.value(QStringLiteral("required_approvals")).toInt(), 1);
        const QString path = QStringLiteral("/api/v1/feature/") + created.json.value(QStringLiteral("id")).toString();

        const Reply submitted = f.call("POST", path + QStringLiteral("/submit"), alice, QByteArray(), ifMatch(1));
        QCOMPARE(submitted.status, 200);
        QCOMPARE(submitted.json.value(QStringLiteral("required_approvals")).toInt(), 2);

        QCOMPARE(f.call("POST", path + QStringLiteral("/approve"), alice, QByteArray(), ifMatch(2)).status, 403);
        const Reply first = f.call("POST", path + QStringLiteral("/approve"), rita,
                                   QJsonObject{{QStringLiteral("comment"), QStringLiteral("Good")}}, ifMatch(2));
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(first.json.value(QStringLiteral("version")).toInt(), 3);
        QCOMPARE(first.header("ETag"), QByteArray("\"3\""));
        const QJsonObject approval = first.json.value(QStringLiteral("approvals")).toArray().first().toObject();
        QCOMPARE(approval.value(QStringLiteral("by")).toString(), QStringLiteral("rita"));
        QCOMPARE(approval.value(QStringLiteral("comment")).toString(), QStringLiteral("Good"));
        QVERIFY(approval.value(QStringLiteral("at")).toString().endsWith(u'Z'));

        const Reply twice = f.call("POST", path + QStringLiteral("/approve"), rita, QByteArray(), ifMatch(3));
        QCOMPARE(twice.status, 409);
        QCOMPARE(twice.problemType(), QStringLiteral("already-approved"));

        // The reader's cached copy changes with each approval (a new ETag).
        QCOMPARE(f.call("GET", path, roy, QByteArray(), {{"If-None-Match", "\"2\""}}).status, 200);
        const Reply second = f.call("POST", path + QStringLiteral("/approve"), roy, QByteArray(), ifMatch(2));
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        QCOMPARE(approvers(second.json), (QStringList{QStringLiteral("rita"), QStringLiteral("roy")}));
        QCOMPARE(second.json.value(QStringLiteral("approvals")).toArray().at(1).toObject().value(QStringLiteral("comment")),
                 QJsonValue(QJsonValue::Null));

        const Reply read = f.call("GET", path, alice);
        QCOMPARE(read.json, second.json);
        const Reply listed = f.call("GET", QStringLiteral("/api/v1/feature?status=approved"), alice);
        QCOMPARE(listed.json.value(QStringLiteral("items")).toArray().first().toObject(), second.json);
        const Reply late = f.call("POST", path + QStringLiteral("/approve"), adam, QByteArray(), ifMatch(2));
        QCOMPARE(late.status, 409);
        QCOMPARE(late.problemType(), QStringLiteral("invalid-transition"));
    }

    void threeReviewersApprovingAtOnceOverHttpAreEachCounted_data()
    {
        QTest::addColumn<int>("required");
        QTest::newRow("three of three") << 3;
        QTest::newRow("two of three") << 2;
    }

    void threeReviewersApprovingAtOnceOverHttpAreEachCounted()
    {
        QFETCH(int, required);
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        const QList<QByteArray> reviewers{f.signIn(QStringLiteral("rita"), Role::Reviewer),
                                          f.signIn(QStringLiteral("roy"), Role::Reviewer),
                                          f.signIn(QStringLiteral("adam"), Role::Admin)};
        QCOMPARE(f.call("PUT", QStringLiteral("/api/v1/policy"), reviewers.at(2), policyBody(required, 1)).status, 200);
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 3; ++i)
            clients.push_back(std::make_unique<RawClient>(f.url()));
        for (int round = 0; round < 4; ++round) {
            const QString id = pendingFeature(f, alice, QStringLiteral("Concurrent %1").arg(round));
            QVERIFY(!id.isEmpty());
            const QByteArray target = "/api/v1/feature/" + id.toLatin1() + "/approve";
            for (int i = 0; i < 3; ++i) {
                QVERIFY(clients[i]->isConnected());
                clients[i]->send(rawRequest("POST", target, bearer(reviewers.at(i)) + "If-Match: \"2\"\r\n"));
            }
            QList<int> statuses;
            for (auto &client : clients) {
                const Reply reply = client->readResponse(15000);
                statuses.append(reply.status);
                if (reply.status == 409)
                    QCOMPARE(reply.problemType(), QStringLiteral("invalid-transition"));
            }
            QCOMPARE(statuses.count(200), required);
            QCOMPARE(statuses.count(409), 3 - required);
            const Reply final = f.call("GET", QStringLiteral("/api/v1/feature/") + id, alice);
            QCOMPARE(final.json.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
            QCOMPARE(final.json.value(QStringLiteral("approvals")).toArray().size(), required);
            const QStringList names = approvers(final.json);
            QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), required);
            QCOMPARE(final.json.value(QStringLiteral("version")).toInt(), 2 + required);
        }
    }

    void withdrawTakesAPendingItemBackToDraft()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        const QByteArray rita = f.signIn(QStringLiteral("rita"), Role::Reviewer);
        const QByteArray adam = f.signIn(QStringLiteral("adam"), Role::Admin);
        QCOMPARE(f.call("PUT", QStringLiteral("/api/v1/policy"), adam, policyBody(2, 1)).status, 200);
        const QString id = pendingFeature(f, alice, QStringLiteral("Withdrawn"));
        const QString path = QStringLiteral("/api/v1/feature/") + id;
        QCOMPARE(f.call("POST", path + QStringLiteral("/approve"), rita, QByteArray(), ifMatch(2)).status, 200);

        QCOMPARE(f.call("POST", path + QStringLiteral("/withdraw"), rita, QByteArray(), ifMatch(3)).status, 403);
        QCOMPARE(f.call("POST", path + QStringLiteral("/withdraw"), adam, QByteArray(), ifMatch(3)).status, 403);
        QCOMPARE(f.call("POST", path + QStringLiteral("/withdraw"), alice, QByteArray(), ifMatch(1)).status, 412);
        const Reply withdrawn = f.call("POST", path + QStringLiteral("/withdraw"), alice, QByteArray(), ifMatch(3));
        QCOMPARE(withdrawn.status, 200);
        QCOMPARE(withdrawn.json.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
        QCOMPARE(withdrawn.json.value(QStringLiteral("approvals")).toArray(), QJsonArray());
        QCOMPARE(withdrawn.json.value(QStringLiteral("version")).toInt(), 4);
        QCOMPARE(f.call("POST", path + QStringLiteral("/withdraw"), alice, QByteArray(), ifMatch(4)).status, 409);
        QCOMPARE(f.call("PATCH", path, alice, QJsonObject{{QStringLiteral("name"), QStringLiteral("Withdrawn, better")}}, ifMatch(4)).status, 200);

        const Reply history = f.call("GET", path + QStringLiteral("/history"), alice);
        const QJsonObject last = history.json.value(QStringLiteral("items")).toArray().at(3).toObject();
        QCOMPARE(last.value(QStringLiteral("action")).toString(), QStringLiteral("withdraw"));
        QCOMPARE(last.value(QStringLiteral("detail")).toObject().value(QStringLiteral("dropped_approvals")).toArray(),
                 QJsonArray{QStringLiteral("rita")});
    }

    void commentsAreAThreadForEveryone()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        const QByteArray bob = f.signIn(QStringLiteral("bob"), Role::Requester);
        const QByteArray rita = f.signIn(QStringLiteral("rita"), Role::Reviewer);
        const QString id = pendingFeature(f, alice, QStringLiteral("Talked about"));
        const QString path = QStringLiteral("/api/v1/feature/") + id + QStringLiteral("/comment");

        const Reply first = f.call("POST", path, bob, QJsonObject{{QStringLiteral("body"), QStringLiteral("  Why?  ")}});
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json.value(QStringLiteral("by")).toString(), QStringLiteral("bob"));
        QCOMPARE(first.json.value(QStringLiteral("body")).toString(), QStringLiteral("Why?"));
        QVERIFY(first.json.value(QStringLiteral("id")).toInteger() > 0);
        QVERIFY(first.json.value(QStringLiteral("at")).toString().endsWith(u'Z'));
        QCOMPARE(f.call("POST", path, rita, QJsonObject{{QStringLiteral("body"), QStringLiteral("Line one\nline two")}}).status, 201);

        const Reply thread = f.call("GET", path, alice);
        QCOMPARE(thread.status, 200);
        const QJsonArray items = thread.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject(), first.json);
        QCOMPARE(items.at(1).toObject().value(QStringLiteral("body")).toString(), QStringLiteral("Line one\nline two"));
        // The item did not change.
        QCOMPARE(f.call("GET", QStringLiteral("/api/v1/feature/") + id, alice).json.value(QStringLiteral("version")).toInt(), 2);

        const QList<QByteArray> refused{
            R"({})", R"({"body":""})", R"({"body":"   "})", R"({"body":"bell\u0007"})", R"({"body":"nul\u0000"})",
            R"({"body":7})", R"({"body":"x","extra":1})",
        };
        for (const QByteArray &body : refused) {
            const Reply reply = f.call("POST", path, bob, body);
            QVERIFY2(reply.status == 400, body.constData());
            QVERIFY2(reply.errorFields().contains(QStringLiteral("body")) || reply.errorFields().contains(QStringLiteral("extra")),
                     body.constData());
        }
        QCOMPARE(f.call("POST", path, bob, QJsonObject{{QStringLiteral("body"), QString(4001, u'x')}}).status, 400);
        QCOMPARE(f.call("POST", path, bob, QJsonObject{{QStringLiteral("body"), QString(4000, u'x')}}).status, 201);
        QCOMPARE(f.call("GET", QStringLiteral("/api/v1/feature/%1/comment").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)), bob).status, 404);
        QCOMPARE(f.call("POST", QStringLiteral("/api/v1/order/not-an-id/comment"), bob, QJsonObject{{QStringLiteral("body"), QStringLiteral("?")}}).status, 404);
        QCOMPARE(f.call("GET", path).status, 401);

        const Reply history = f.call("GET", QStringLiteral("/api/v1/feature/") + id + QStringLiteral("/history"), alice);
        QCOMPARE(history.json.value(QStringLiteral("items")).toArray().at(2).toObject().value(QStringLiteral("action")).toString(),
                 QStringLiteral("comment"));
    }

    void aBatchDecidesEachItemOnItsOwn()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        const QByteArray rita = f.signIn(QStringLiteral("rita"), Role::Reviewer);
        const QString fresh = pendingFeature(f, alice, QStringLiteral("Batch fresh"));
        const QString stale = pendingFeature(f, alice, QStringLiteral("Batch stale"));
        const QString unversioned = pendingFeature(f, alice, QStringLiteral("Batch unversioned"));
        const Reply draft = f.call("POST", QStringLiteral("/api/v1/feature"), alice, QJsonObject{{QStringLiteral("name"), QStringLiteral("Batch draft")}});
        const QString draftId = draft.json.value(QStringLiteral("id")).toString();
        const Reply ritasOwn = f.call("POST", QStringLiteral("/api/v1/feature"), rita, QJsonObject{{QStringLiteral("name"), QStringLiteral("Rita's")}});
        const QString ownId = ritasOwn.json.value(QStringLiteral("id")).toString();
        QCOMPARE(f.call("POST", QStringLiteral("/api/v1/feature/") + ownId + QStringLiteral("/submit"), rita, QByteArray(), ifMatch(1)).status, 200);
        const QString missing = QUuid::createUuid().toString(QUuid::WithoutBraces);

        auto entry = [](const QString &id, std::optional<int> version) {
            QJsonObject item{{QStringLiteral("id"), id}};
            if (version)
                item.insert(QStringLiteral("version"), *version);
            return item;
        };
        const QJsonObject body{
            {QStringLiteral("action"), QStringLiteral("approve")},
            {QStringLiteral("comment"), QStringLiteral("All good")},
            {QStringLiteral("items"), QJsonArray{entry(fresh, 2), entry(stale, 1), entry(unversioned, std::nullopt),
                                                 entry(draftId, 1), entry(ownId, 2), entry(missing, 1),
                                                 entry(QStringLiteral("nonsense"), 1)}},
        };
        const Reply batch = f.call("POST", QStringLiteral("/api/v1/feature/batch"), rita, body);
        QCOMPARE(batch.status, 200);
        const QJsonArray results = batch.json.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 7);
        QList<int> statuses;
        for (const QJsonValue &result : results)
            statuses.append(result.toObject().value(QStringLiteral("status")).toInt());
        QCOMPARE(statuses, (QList<int>{200, 412, 428, 409, 403, 404, 404}));
        const QJsonObject approved = results.at(0).toObject();
        QCOMPARE(approved.value(QStringLiteral("id")).toString(), fresh);
        QCOMPARE(approved.value(QStringLiteral("item")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        QCOMPARE(approved.value(QStringLiteral("item")).toObject().value(QStringLiteral("approvals")).toArray().first()
                     .toObject().value(QStringLiteral("comment")).toString(), QStringLiteral("All good"));
        QVERIFY(!approved.contains(QStringLiteral("problem")));
        for (int i = 1; i < results.size(); ++i) {
            const QJsonObject result = results.at(i).toObject();
            QVERIFY(!result.contains(QStringLiteral("item")));
            const QJsonObject problem = result.value(QStringLiteral("problem")).toObject();
            QCOMPARE(problem.value(QStringLiteral("status")).toInt(), statuses.at(i));
            QVERIFY(problem.value(QStringLiteral("type")).toString().startsWith(QStringLiteral("https://signoff.example/problems/")));
        }
        QCOMPARE(results.at(2).toObject().value(QStringLiteral("problem")).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("https://signoff.example/problems/precondition-required"));
        QCOMPARE(results.at(6).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("nonsense"));
        // The stale one was left as it was, the fresh one decided.
        QCOMPARE(f.call("GET", QStringLiteral("/api/v1/feature/") + stale, alice).json.value(QStringLiteral("status")).toString(),
                 QStringLiteral("pending"));

        // The owner withdraws and resubmits in batches.
        const Reply withdrawn = f.call("POST", QStringLiteral("/api/v1/feature/batch"), alice,
                                       QJsonObject{{QStringLiteral("action"), QStringLiteral("withdraw")},
                                                   {QStringLiteral("items"), QJsonArray{entry(stale, 2), entry(unversioned, std::nullopt), entry(fresh, 3)}}});
        QCOMPARE(withdrawn.status, 200);
        statuses.clear();
        for (const QJsonValue &result : withdrawn.json.value(QStringLiteral("results")).toArray())
            statuses.append(result.toObject().value(QStringLiteral("status")).toInt());
        QCOMPARE(statuses, (QList<int>{200, 200, 409}));
        const Reply rejected = f.call("POST", QStringLiteral("/api/v1/feature/batch"), rita,
                                      QJsonObject{{QStringLiteral("action"), QStringLiteral("reject")},
                                                  {QStringLiteral("reason"), QStringLiteral("No")},
                                                  {QStringLiteral("items"), QJsonArray{entry(stale, 3)}}});
        QCOMPARE(rejected.json.value(QStringLiteral("results")).toArray().first().toObject().value(QStringLiteral("status")).toInt(), 409);
    }

    void aBatchThatIsWrongAsAWholeIs400()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray rita = f.signIn(QStringLiteral("rita"), Role::Reviewer);
        const QJsonObject one{{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)}, {QStringLiteral("version"), 1}};
        QJsonArray tooMany;
        for (int i = 0; i < 101; ++i)
            tooMany.append(one);
        const QList<std::pair<QJsonObject, QString>> cases{
            {QJsonObject{{QStringLiteral("action"), QStringLiteral("approve")}, {QStringLiteral("items"), QJsonArray()}}, QStringLiteral("items")},
            {QJsonObject{{QStringLiteral("action"), QStringLiteral("approve")}, {QStringLiteral("items"), tooMany}}, QStringLiteral("items")},
            {QJsonObject{{QStringLiteral("action"), QStringLiteral("revise")}, {QStringLiteral("items"), QJsonArray{one}}}, QStringLiteral("action")},
            {QJsonObject{{QStringLiteral("action"), QStringLiteral("delete")}, {QStringLiteral("items"), QJsonArray{one}}}, QStringLiteral("action")},
            {QJsonObject{{QStringLiteral("items"), QJsonArray{one}}}, QStringLiteral("action")},
            {QJsonObject{{QStringLiteral("action"), QStringLiteral("reject")}, {QStringLiteral("items"), QJsonArray{one}}}, QStringLiteral("reason")},
            {QJsonObject{{QStringLiteral("action"), QStringLiteral("reject")}, {QStringLiteral("reason"), QStringLiteral("  ")},
                         {QStringLiteral("items"), QJsonArray{one}}}, QStringLiteral("reason")},
            {QJsonObject{{QStringLiteral("action"), QStringLiteral("approve")}, {QStringLiteral("reason"), QStringLiteral("x")},
                         {QStringLiteral("items"), QJsonArray{one}}}, QStringLiteral("reason")},
            {QJsonObject{{QStringLiteral("action"), QStringLiteral("approve")}, {QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("version"), 1}}}}},
             QStringLiteral("items[0].id")},
            {QJsonObject{{QStringLiteral("action"), QStringLiteral("approve")},
                         {QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("x")}, {QStringLiteral("version"), QStringLiteral("1")}}}}},
             QStringLiteral("items[0].version")},
            {QJsonObject{{QStringLiteral("action"), QStringLiteral("approve")}, {QStringLiteral("items"), QJsonArray{7}}}, QStringLiteral("items[0]")},
        };
        for (const auto &[body, field] : cases) {
            const Reply reply = f.call("POST", QStringLiteral("/api/v1/order/batch"), rita, body);
            QVERIFY2(reply.status == 400, qPrintable(QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact))));
            QVERIFY2(reply.errorFields().contains(field), qPrintable(field + QStringLiteral(": ") + reply.errorFields().join(u',')));
        }
        const Reply get = f.call("GET", QStringLiteral("/api/v1/order/batch"), rita); // a path of its own, not an {id}
        QCOMPARE(get.status, 405);
        QCOMPARE(get.header("Allow"), QByteArray("POST"));
        QCOMPARE(f.call("POST", QStringLiteral("/api/v1/order/batch"), QByteArray(), QJsonObject{}).status, 401);
    }

    void ordersFollowTheirThresholds()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        const QByteArray rita = f.signIn(QStringLiteral("rita"), Role::Reviewer);
        const QByteArray adam = f.signIn(QStringLiteral("adam"), Role::Admin);
        QCOMPARE(f.call("PUT", QStringLiteral("/api/v1/policy"), adam, policyBody(1, 1, {threshold(100000, 2)})).status, 200);
        const Reply product = f.call("POST", QStringLiteral("/api/v1/product"), adam,
                                     QJsonObject{{QStringLiteral("sku"), QStringLiteral("DESK")}, {QStringLiteral("name"), QStringLiteral("Desk")},
                                                 {QStringLiteral("price_cents"), 60000}});
        QCOMPARE(product.status, 201);
        const QJsonObject line{{QStringLiteral("product_id"), product.json.value(QStringLiteral("id"))}, {QStringLiteral("quantity"), 2}};
        const Reply order = f.call("POST", QStringLiteral("/api/v1/order"), alice, QJsonObject{{QStringLiteral("lines"), QJsonArray{line}}});
        QCOMPARE(order.status, 201);
        const QString path = QStringLiteral("/api/v1/order/") + order.json.value(QStringLiteral("id")).toString();
        const Reply submitted = f.call("POST", path + QStringLiteral("/submit"), alice, QByteArray(), ifMatch(1));
        QCOMPARE(submitted.status, 200);
        QCOMPARE(submitted.json.value(QStringLiteral("required_approvals")).toInt(), 2);
        const Reply first = f.call("POST", path + QStringLiteral("/approve"), rita, QByteArray(), ifMatch(2));
        QCOMPARE(first.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(approvers(first.json), QStringList{QStringLiteral("rita")});
        const Reply comment = f.call("POST", path + QStringLiteral("/comment"), alice, QJsonObject{{QStringLiteral("body"), QStringLiteral("Urgent")}});
        QCOMPARE(comment.status, 201);
        const Reply second = f.call("POST", path + QStringLiteral("/approve"), adam, QByteArray(), ifMatch(3));
        QCOMPARE(second.json.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        QCOMPARE(f.call("GET", path + QStringLiteral("/comment"), rita).json.value(QStringLiteral("items")).toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRestReview)
#include "tst_rest_review.moc"
