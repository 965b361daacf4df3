// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The REST API (docs/design.md, "API") against a real server on a free port
// and a real database (SQLite and PostgreSQL): every route's success path,
// every error code of the table where a client meets it, the seed's flows,
// and the workflow of features and orders across users.

#include "RestTestSupport.h"
#include "TestClock.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

const QRegularExpression rfc3339Utc(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$"));
const QRegularExpression uuidText(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));

QJsonObject named(const QString &name)
{
    return {{QStringLiteral("name"), name}};
}

QList<std::pair<QByteArray, QByteArray>> ifMatch(const QByteArray &tag)
{
    return {{"If-Match", tag}};
}

// What the server logs in signoff.rest while a test listens.
struct RestLogCapture
{
    static inline QMutex mutex;
    static inline QStringList lines;
    static inline QLoggingCategory::CategoryFilter previousFilter = nullptr;

    static void filter(QLoggingCategory *category)
    {
        if (previousFilter)
            previousFilter(category);
        if (qstrcmp(category->categoryName(), "signoff.rest") == 0)
            category->setEnabled(QtInfoMsg, true);
    }
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (type != QtInfoMsg || qstrcmp(context.category, "signoff.rest") != 0)
            return;
        QMutexLocker locker(&mutex);
        lines.append(message);
    }
    static QStringList taken()
    {
        QMutexLocker locker(&mutex);
        return lines;
    }
};

QString describe(const Reply &reply)
{
    return QStringLiteral("status %1, body %2 %3").arg(reply.status).arg(QString::fromUtf8(reply.body), reply.transportError);
}

} // namespace

// Each evaluates the reply expression once (it may be a request).
#define EXPECT_STATUS(expression, expected)                                                        \
    do {                                                                                            \
        const Reply expectReply_ = (expression);                                                    \
        QVERIFY2(expectReply_.status == (expected),                                                 \
                 qPrintable(QStringLiteral("expected %1, got ").arg(expected) + describe(expectReply_))); \
    } while (false)

#define EXPECT_PROBLEM(expression, expectedStatus, expectedType)                                   \
    do {                                                                                            \
        const Reply problemReply_ = (expression);                                                   \
        EXPECT_STATUS(problemReply_, expectedStatus);                                               \
        QCOMPARE(problemReply_.header("content-type"), QByteArray("application/problem+json"));     \
        QCOMPARE(problemReply_.problemType(), QStringLiteral(expectedType));                        \
        QCOMPARE(problemReply_.json.value(QStringLiteral("status")).toInt(), expectedStatus);       \
        QVERIFY(!problemReply_.json.value(QStringLiteral("title")).toString().isEmpty());           \
        QVERIFY(!problemReply_.json.value(QStringLiteral("detail")).toString().isEmpty());          \
    } while (false)

class TestRestApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestClock> m_clock; // outlives the fixture that reads it
    std::unique_ptr<RestFixture> m_fixture;
    RestFixture &f() { return *m_fixture; }

    // A feature of `token`'s user, moved to `status` by `reviewer` if needed.
    QJsonObject createFeature(const QByteArray &token, const QString &name)
    {
        const Reply reply = f().call("POST", QStringLiteral("/api/v1/feature"), token, named(name));
        if (reply.status != 201)
            qFatal("create feature: %s", qPrintable(describe(reply)));
        return reply.json;
    }

    QString createProduct(const QByteArray &adminToken, const QString &sku, qint64 price)
    {
        const Reply reply = f().call("POST", QStringLiteral("/api/v1/product"), adminToken,
                                     QJsonObject{{QStringLiteral("sku"), sku}, {QStringLiteral("name"), QString(sku + QStringLiteral(" thing"))},
                                                 {QStringLiteral("price_cents"), price}});
        if (reply.status != 201)
            qFatal("create product: %s", qPrintable(describe(reply)));
        return reply.json.value(QStringLiteral("id")).toString();
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<RestFixture>();
        SIGNOFF_REQUIRE_FIXTURE(*m_fixture);
    }

    void cleanup()
    {
        m_fixture.reset();
        m_clock.reset();
    }

    // The seed's main flow: POST → 201 with id, name, created_at.
    void createFeatureAnswers201WithTheFeature()
    {
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        const Reply reply = f().call("POST", QStringLiteral("/api/v1/feature"), token,
                                     QJsonObject{{QStringLiteral("name"), QStringLiteral("  Dark mode ")},
                                                 {QStringLiteral("options"), QJsonObject{{QStringLiteral("beta"), true}}}});
        EXPECT_STATUS(reply, 201);
        QCOMPARE(reply.header("content-type"), QByteArray("application/json"));
        const QString id = reply.json.value(QStringLiteral("id")).toString();
        QVERIFY2(uuidText.match(id).hasMatch(), qPrintable(id));
        QCOMPARE(reply.json.value(QStringLiteral("name")).toString(), QStringLiteral("Dark mode"));
        QVERIFY(rfc3339Utc.match(reply.json.value(QStringLiteral("created_at")).toString()).hasMatch());
        QVERIFY(rfc3339Utc.match(reply.json.value(QStringLiteral("updated_at")).toString()).hasMatch());
        QCOMPARE(reply.json.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
        QCOMPARE(reply.json.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(reply.json.value(QStringLiteral("owner")).toString(), QStringLiteral("alice"));
        QCOMPARE(reply.json.value(QStringLiteral("options")).toObject().value(QStringLiteral("beta")).toBool(), true);
        QCOMPARE(reply.header("location"), QString(QStringLiteral("/api/v1/feature/") + id).toUtf8());
        QCOMPARE(reply.header("etag"), QByteArray("\"1\""));
        QCOMPARE(reply.header("cache-control"), QByteArray("private, no-cache"));
        QCOMPARE(reply.header("x-content-type-options"), QByteArray("nosniff"));

        const Reply read = f().call("GET", QString::fromUtf8(reply.header("location")), token);
        EXPECT_STATUS(read, 200);
        QCOMPARE(read.json, reply.json);
    }

    // The seed's error flow: the same name again → 409.
    void sameNameAgainIs409Duplicate()
    {
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        createFeature(token, QStringLiteral("Export"));
        const Reply again = f().call("POST", QStringLiteral("/api/v1/feature"), token, named(QStringLiteral("Export")));
        EXPECT_PROBLEM(again, 409, "duplicate");
        QVERIFY(again.json.value(QStringLiteral("detail")).toString().contains(QStringLiteral("Export")));
    }

    void getFeatureHasETagAndAnswers304()
    {
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        const QString path = QStringLiteral("/api/v1/feature/") + createFeature(token, QStringLiteral("A")).value(QStringLiteral("id")).toString();
        const Reply read = f().call("GET", path, token);
        EXPECT_STATUS(read, 200);
        QCOMPARE(read.header("etag"), QByteArray("\"1\""));
        const Reply same = f().call("GET", path, token, QByteArray(), {{"If-None-Match", "\"1\""}});
        EXPECT_STATUS(same, 304);
        QVERIFY(same.body.isEmpty());
        QCOMPARE(same.header("etag"), QByteArray("\"1\""));
        const Reply changed = f().call("GET", path, token, QByteArray(), {{"If-None-Match", "\"7\""}});
        EXPECT_STATUS(changed, 200);
    }

    void listFeaturesPagesAndFilters()
    {
        const QByteArray alice = f().signIn(QStringLiteral("alice"), Role::Requester);
        const QByteArray bob = f().signIn(QStringLiteral("bob"), Role::Requester);
        createFeature(alice, QStringLiteral("alpha one"));
        createFeature(alice, QStringLiteral("alpha two"));
        createFeature(bob, QStringLiteral("beta"));
        const QString third = createFeature(bob, QStringLiteral("gamma")).value(QStringLiteral("id")).toString();
        EXPECT_STATUS(f().call("POST", QStringLiteral("/api/v1/feature/%1/submit").arg(third), bob), 200);

        const Reply first = f().call("GET", QStringLiteral("/api/v1/feature?limit=3"), alice);
        EXPECT_STATUS(first, 200);
        const QJsonArray items = first.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("gamma")); // newest first
        const QString next = first.json.value(QStringLiteral("next")).toString();
        QVERIFY(!next.isEmpty());
        const Reply second = f().call("GET", QStringLiteral("/api/v1/feature?limit=3&after=") + QString::fromLatin1(QUrl::toPercentEncoding(next)), alice);
        EXPECT_STATUS(second, 200);
        QCOMPARE(second.json.value(QStringLiteral("items")).toArray().size(), 1);
        QVERIFY(second.json.value(QStringLiteral("next")).isNull());

        const Reply mine = f().call("GET", QStringLiteral("/api/v1/feature?owner=alice"), bob);
        QCOMPARE(mine.json.value(QStringLiteral("items")).toArray().size(), 2);
        const Reply pending = f().call("GET", QStringLiteral("/api/v1/feature?status=pending"), bob);
        QCOMPARE(pending.json.value(QStringLiteral("items")).toArray().size(), 1);
        const Reply search = f().call("GET", QStringLiteral("/api/v1/feature?q=ALPHA+t"), bob);
        QCOMPARE(search.json.value(QStringLiteral("items")).toArray().size(), 1);
        const Reply spaced = f().call("GET", QStringLiteral("/api/v1/feature?q=alpha%20one"), bob);
        QCOMPARE(spaced.json.value(QStringLiteral("items")).toArray().size(), 1);
    }

    void badListParametersAre400NamingThem()
    {
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        Reply reply = f().call("GET", QStringLiteral("/api/v1/feature?limit=501"), token);
        EXPECT_PROBLEM(reply, 400, "validation");
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("limit")});
        reply = f().call("GET", QStringLiteral("/api/v1/feature?limit=ten"), token);
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("limit")});
        reply = f().call("GET", QStringLiteral("/api/v1/order?status=done"), token);
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("status")});
        reply = f().call("GET", QStringLiteral("/api/v1/feature?after=nonsense"), token);
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("after")});
        reply = f().call("GET", QStringLiteral("/api/v1/feature?colour=red"), token);
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("colour")});
    }

    void patchFeatureWithIfMatch()
    {
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        const QString path = QStringLiteral("/api/v1/feature/") + createFeature(token, QStringLiteral("Old")).value(QStringLiteral("id")).toString();
        const Reply patched = f().call("PATCH", path, token, named(QStringLiteral("New")), ifMatch("\"1\""));
        EXPECT_STATUS(patched, 200);
        QCOMPARE(patched.json.value(QStringLiteral("name")).toString(), QStringLiteral("New"));
        QCOMPARE(patched.json.value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(patched.header("etag"), QByteArray("\"2\""));

        const Reply stale = f().call("PATCH", path, token, named(QStringLiteral("Newer")), ifMatch("\"1\""));
        EXPECT_PROBLEM(stale, 412, "stale-version");
        const Reply malformed = f().call("PATCH", path, token, named(QStringLiteral("Newer")), ifMatch("2"));
        EXPECT_PROBLEM(malformed, 400, "validation");
        QCOMPARE(malformed.errorFields(), QStringList{QStringLiteral("If-Match")});
        const Reply unchanged = f().call("GET", path, token);
        QCOMPARE(unchanged.json.value(QStringLiteral("name")).toString(), QStringLiteral("New"));
        const Reply any = f().call("PATCH", path, token, QJsonObject{{QStringLiteral("options"), QJsonObject{{QStringLiteral("k"), 1}}}},
                                   ifMatch("*"));
        EXPECT_STATUS(any, 200);
    }

    // If-Match compares strongly (RFC 9110 section 13.1.1): a list matches
    // when one of its strong tags is the current version; weak tags and other
    // spellings ("01") never match (412); only what is no entity tag is 400.
    void ifMatchListsAndWeakTags()
    {
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        const QString path = QStringLiteral("/api/v1/feature/") + createFeature(token, QStringLiteral("Tagged")).value(QStringLiteral("id")).toString();
        const auto rename = [&](const QString &name, const QByteArray &tag) { return f().call("PATCH", path, token, named(name), ifMatch(tag)); };
        EXPECT_PROBLEM(rename(QStringLiteral("Weak"), "W/\"1\""), 412, "stale-version");
        EXPECT_PROBLEM(rename(QStringLiteral("Zero"), "\"01\""), 412, "stale-version");
        EXPECT_PROBLEM(rename(QStringLiteral("Other"), "\"3\", W/\"1\", \"x\""), 412, "stale-version");
        Reply reply = rename(QStringLiteral("Listed"), "\"2\", \"1\"");
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(QStringLiteral("version")).toInt(), 2);
        EXPECT_STATUS(rename(QStringLiteral("Any"), "*"), 200);
        reply = rename(QStringLiteral("Bad"), "abc");
        EXPECT_PROBLEM(reply, 400, "validation");
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("If-Match")});
        EXPECT_PROBLEM(rename(QStringLiteral("Bad"), "\"3\", abc"), 400, "validation");
        QCOMPARE(f().call("GET", path, token).json.value(QStringLiteral("name")).toString(), QStringLiteral("Any"));

        // A decision names its version the same way.
        const QByteArray reviewer = f().signIn(QStringLiteral("rob"), Role::Reviewer);
        const Reply submitted = f().call("POST", path + QStringLiteral("/submit"), token, QByteArray(), ifMatch("\"9\", \"3\""));
        EXPECT_STATUS(submitted, 200);
        const QByteArray current = submitted.header("etag");
        QVERIFY(!current.isEmpty());
        EXPECT_PROBLEM(f().call("POST", path + QStringLiteral("/approve"), reviewer, QByteArray(), ifMatch("W/" + current)), 412, "stale-version");
        EXPECT_STATUS(f().call("POST", path + QStringLiteral("/approve"), reviewer, QByteArray(), ifMatch("\"99\", " + current)), 200);
    }

    void deleteFeatureOnlyAsDraft()
    {
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        const QString draft = QStringLiteral("/api/v1/feature/") + createFeature(token, QStringLiteral("Draft")).value(QStringLiteral("id")).toString();
        const Reply deleted = f().call("DELETE", draft, token, QByteArray(), ifMatch("\"1\""));
        EXPECT_STATUS(deleted, 204);
        QVERIFY(deleted.body.isEmpty());
        EXPECT_PROBLEM(f().call("GET", draft, token), 404, "not-found");

        const QString submitted = QStringLiteral("/api/v1/feature/") + createFeature(token, QStringLiteral("Sent")).value(QStringLiteral("id")).toString();
        EXPECT_STATUS(f().call("POST", submitted + QStringLiteral("/submit"), token), 200);
        const Reply refused = f().call("DELETE", submitted, token);
        EXPECT_PROBLEM(refused, 409, "not-deletable");
    }

    // Requester creates and submits; reviewer rejects with a reason; the
    // requester revises and submits again; reviewer approves.
    void featureWorkflowAcrossTwoUsers()
    {
        const QByteArray requester = f().signIn(QStringLiteral("rita"), Role::Requester);
        const QByteArray reviewer = f().signIn(QStringLiteral("rob"), Role::Reviewer);
        const QString path = QStringLiteral("/api/v1/feature/") + createFeature(requester, QStringLiteral("Flow")).value(QStringLiteral("id")).toString();

        Reply reply = f().call("POST", path + QStringLiteral("/submit"), requester, QJsonObject{{QStringLiteral("comment"), QStringLiteral("please")}},
                               ifMatch("\"1\""));
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));

        reply = f().call("POST", path + QStringLiteral("/reject"), reviewer, QByteArray("{}"));
        EXPECT_PROBLEM(reply, 400, "validation");
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("reason")});
        reply = f().call("POST", path + QStringLiteral("/reject"), reviewer, QJsonObject{{QStringLiteral("reason"), QStringLiteral("too vague")}},
                         ifMatch("\"2\""));
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));

        reply = f().call("POST", path + QStringLiteral("/revise"), requester);
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
        EXPECT_STATUS(f().call("PATCH", path, requester, named(QStringLiteral("Flow, precise"))), 200);
        EXPECT_STATUS(f().call("POST", path + QStringLiteral("/submit"), requester), 200);
        reply = f().call("POST", path + QStringLiteral("/approve"), reviewer, QJsonObject{{QStringLiteral("comment"), QStringLiteral("good")}},
                         ifMatch("\"6\""));
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        QCOMPARE(reply.json.value(QStringLiteral("version")).toInt(), 7);

        const Reply history = f().call("GET", path + QStringLiteral("/history"), requester);
        EXPECT_STATUS(history, 200);
        QStringList actions;
        for (const QJsonValue &event : history.json.value(QStringLiteral("items")).toArray())
            actions.append(event.toObject().value(QStringLiteral("action")).toString());
        QCOMPARE(actions, (QStringList{QStringLiteral("create"), QStringLiteral("submit"), QStringLiteral("reject"), QStringLiteral("revise"),
                                       QStringLiteral("update"), QStringLiteral("submit"), QStringLiteral("approve")}));
        const QJsonObject rejection = history.json.value(QStringLiteral("items")).toArray().at(2).toObject();
        QCOMPARE(rejection.value(QStringLiteral("actor")).toString(), QStringLiteral("rob"));
        QCOMPARE(rejection.value(QStringLiteral("comment")).toString(), QStringLiteral("too vague"));
        QCOMPARE(rejection.value(QStringLiteral("from_status")).toString(), QStringLiteral("pending"));
        QCOMPARE(rejection.value(QStringLiteral("to_status")).toString(), QStringLiteral("rejected"));
        QVERIFY(rfc3339Utc.match(rejection.value(QStringLiteral("at")).toString()).hasMatch());
        // What the edit changed, as JSON Pointer paths (docs/design.md, "History").
        const QJsonObject edit = history.json.value(QStringLiteral("items")).toArray().at(4).toObject();
        QCOMPARE(edit.value(QStringLiteral("changes")).toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("path"), QStringLiteral("/name")},
                                         {QStringLiteral("from"), QStringLiteral("Flow")},
                                         {QStringLiteral("to"), QStringLiteral("Flow, precise")}}}));
        QVERIFY(!rejection.contains(QStringLiteral("changes")));

        EXPECT_PROBLEM(f().call("POST", path + QStringLiteral("/approve"), reviewer, QByteArray(), ifMatch("\"7\"")), 409,
                       "invalid-transition");
    }

    void approvingIsForbiddenToRequestersAndOwners()
    {
        const QByteArray requester = f().signIn(QStringLiteral("rita"), Role::Requester);
        const QByteArray other = f().signIn(QStringLiteral("otto"), Role::Requester);
        const QByteArray admin = f().signIn(QStringLiteral("ada"), Role::Admin);
        const QString path = QStringLiteral("/api/v1/feature/") + createFeature(requester, QStringLiteral("Mine")).value(QStringLiteral("id")).toString();
        EXPECT_STATUS(f().call("POST", path + QStringLiteral("/submit"), requester), 200);
        EXPECT_PROBLEM(f().call("POST", path + QStringLiteral("/approve"), other), 403, "forbidden");

        const QString own = QStringLiteral("/api/v1/feature/") + createFeature(admin, QStringLiteral("Admin's")).value(QStringLiteral("id")).toString();
        EXPECT_STATUS(f().call("POST", own + QStringLiteral("/submit"), admin), 200);
        EXPECT_PROBLEM(f().call("POST", own + QStringLiteral("/approve"), admin), 403, "forbidden");
        EXPECT_PROBLEM(f().call("PATCH", path, other, named(QStringLiteral("Not yours"))), 403, "forbidden");
    }

    void approvingADraftIs409InvalidTransition()
    {
        const QByteArray requester = f().signIn(QStringLiteral("rita"), Role::Requester);
        const QByteArray reviewer = f().signIn(QStringLiteral("rob"), Role::Reviewer);
        const QString path = QStringLiteral("/api/v1/feature/") + createFeature(requester, QStringLiteral("Early")).value(QStringLiteral("id")).toString();
        EXPECT_PROBLEM(f().call("POST", path + QStringLiteral("/approve"), reviewer, QByteArray(), ifMatch("\"1\"")), 409,
                       "invalid-transition");
    }

    // A decision names the version it is about (docs/design.md, "State
    // machine"): without If-Match (or with "*") approve and reject are 428 and
    // write nothing.
    void decisionsWithoutIfMatchAre428()
    {
        const QByteArray requester = f().signIn(QStringLiteral("rita"), Role::Requester);
        const QByteArray reviewer = f().signIn(QStringLiteral("rob"), Role::Reviewer);
        const QString path = QStringLiteral("/api/v1/feature/") + createFeature(requester, QStringLiteral("Blind")).value(QStringLiteral("id")).toString();
        EXPECT_STATUS(f().call("POST", path + QStringLiteral("/submit"), requester), 200);
        const QJsonObject reason{{QStringLiteral("reason"), QStringLiteral("no")}};

        EXPECT_PROBLEM(f().call("POST", path + QStringLiteral("/approve"), reviewer), 428, "precondition-required");
        EXPECT_PROBLEM(f().call("POST", path + QStringLiteral("/reject"), reviewer, reason), 428, "precondition-required");
        EXPECT_PROBLEM(f().call("POST", path + QStringLiteral("/approve"), reviewer, QByteArray(), ifMatch("*")), 428,
                       "precondition-required");
        const Reply unchanged = f().call("GET", path, reviewer);
        QCOMPARE(unchanged.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(unchanged.json.value(QStringLiteral("version")).toInt(), 2);

        EXPECT_STATUS(f().call("POST", path + QStringLiteral("/reject"), reviewer, reason, ifMatch("\"2\"")), 200);
    }

    // Two reviewers approve the same version at the same moment: one wins.
    void concurrentApprovalsHaveOneWinner()
    {
        const QByteArray requester = f().signIn(QStringLiteral("rita"), Role::Requester);
        const QByteArray first = f().signIn(QStringLiteral("rob"), Role::Reviewer);
        const QByteArray second = f().signIn(QStringLiteral("ruth"), Role::Reviewer);
        const QString path = QStringLiteral("/api/v1/feature/") + createFeature(requester, QStringLiteral("Race")).value(QStringLiteral("id")).toString();
        EXPECT_STATUS(f().call("POST", path + QStringLiteral("/submit"), requester), 200);

        QNetworkAccessManager network;
        auto approve = [&](const QByteArray &token) {
            QNetworkRequest request(QUrl(f().url().toString() + path + QStringLiteral("/approve")));
            request.setRawHeader("Authorization", "Bearer " + token);
            request.setRawHeader("If-Match", "\"2\"");
            request.setRawHeader("Content-Type", "application/json");
            return network.post(request, QByteArray("{\"comment\":\"mine\"}"));
        };
        QNetworkReply *a = approve(first);
        QNetworkReply *b = approve(second);
        const Reply ra = collect(a);
        const Reply rb = collect(b);
        QList<int> statuses{ra.status, rb.status};
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses.at(0), 200);
        QVERIFY2(statuses.at(1) == 412 || statuses.at(1) == 409, qPrintable(describe(ra) + u' ' + describe(rb)));

        const Reply history = f().call("GET", path + QStringLiteral("/history"), requester);
        int approvals = 0;
        for (const QJsonValue &event : history.json.value(QStringLiteral("items")).toArray())
            approvals += event.toObject().value(QStringLiteral("action")).toString() == QStringLiteral("approve");
        QCOMPARE(approvals, 1);
    }

    void orderWorkflowAcrossTwoUsers()
    {
        const QByteArray admin = f().signIn(QStringLiteral("ada"), Role::Admin);
        const QByteArray requester = f().signIn(QStringLiteral("rita"), Role::Requester);
        const QByteArray reviewer = f().signIn(QStringLiteral("rob"), Role::Reviewer);
        const QString pen = createProduct(admin, QStringLiteral("PEN-1"), 250);
        const QString pad = createProduct(admin, QStringLiteral("PAD-2"), 1000);

        const QJsonObject order{{QStringLiteral("note"), QStringLiteral("office")},
                                {QStringLiteral("lines"), QJsonArray{QJsonObject{{QStringLiteral("product_id"), pen}, {QStringLiteral("quantity"), 4}},
                                                                     QJsonObject{{QStringLiteral("product_id"), pad}, {QStringLiteral("quantity"), 1}}}}};
        Reply reply = f().call("POST", QStringLiteral("/api/v1/order"), requester, order);
        EXPECT_STATUS(reply, 201);
        const QString id = reply.json.value(QStringLiteral("id")).toString();
        QCOMPARE(reply.header("location"), QString(QStringLiteral("/api/v1/order/") + id).toUtf8());
        QCOMPARE(reply.json.value(QStringLiteral("total_cents")).toInteger(), qint64(2000));
        QCOMPARE(reply.json.value(QStringLiteral("owner")).toString(), QStringLiteral("rita"));
        QCOMPARE(reply.json.value(QStringLiteral("note")).toString(), QStringLiteral("office"));
        const QJsonObject line = reply.json.value(QStringLiteral("lines")).toArray().at(0).toObject();
        QCOMPARE(line.value(QStringLiteral("sku")).toString(), QStringLiteral("PEN-1"));
        QCOMPARE(line.value(QStringLiteral("unit_price_cents")).toInteger(), qint64(250));
        QCOMPARE(line.value(QStringLiteral("line_total_cents")).toInteger(), qint64(1000));
        QCOMPARE(line.value(QStringLiteral("product_name")).toString(), QStringLiteral("PEN-1 thing"));
        QVERIFY(uuidText.match(line.value(QStringLiteral("id")).toString()).hasMatch());

        const QString path = QStringLiteral("/api/v1/order/") + id;
        reply = f().call("PATCH", path, requester,
                         QJsonObject{{QStringLiteral("lines"), QJsonArray{QJsonObject{{QStringLiteral("product_id"), pad}, {QStringLiteral("quantity"), 3}}}}},
                         ifMatch("\"1\""));
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(QStringLiteral("total_cents")).toInteger(), qint64(3000));
        EXPECT_STATUS(f().call("POST", path + QStringLiteral("/submit"), requester), 200);
        reply = f().call("POST", path + QStringLiteral("/reject"), reviewer, QJsonObject{{QStringLiteral("reason"), QStringLiteral("budget")}},
                         ifMatch("\"3\""));
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        EXPECT_STATUS(f().call("POST", path + QStringLiteral("/revise"), requester), 200);
        EXPECT_STATUS(f().call("POST", path + QStringLiteral("/submit"), requester), 200);
        reply = f().call("POST", path + QStringLiteral("/approve"), reviewer, QByteArray(), ifMatch("\"6\""));
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));

        EXPECT_STATUS(f().call("GET", path, reviewer), 200);
        const Reply list = f().call("GET", QStringLiteral("/api/v1/order?status=approved"), reviewer);
        QCOMPARE(list.json.value(QStringLiteral("items")).toArray().size(), 1);
        const Reply history = f().call("GET", path + QStringLiteral("/history"), reviewer);
        QCOMPARE(history.json.value(QStringLiteral("items")).toArray().size(), 7);

        // A product an order uses is not deleted.
        EXPECT_PROBLEM(f().call("DELETE", QStringLiteral("/api/v1/product/") + pad, admin), 409, "product-in-use");

        // An order without lines cannot be submitted; an empty draft may be deleted.
        reply = f().call("POST", QStringLiteral("/api/v1/order"), requester, QJsonObject{{QStringLiteral("lines"), QJsonArray()}});
        EXPECT_STATUS(reply, 201);
        const QString empty = QStringLiteral("/api/v1/order/") + reply.json.value(QStringLiteral("id")).toString();
        EXPECT_PROBLEM(f().call("POST", empty + QStringLiteral("/submit"), requester), 409, "empty-order");
        EXPECT_STATUS(f().call("DELETE", empty, requester), 204);
    }

    void orderBodiesAreCheckedFieldByField()
    {
        const QByteArray requester = f().signIn(QStringLiteral("rita"), Role::Requester);
        const Reply reply = f().call("POST", QStringLiteral("/api/v1/order"), requester,
                                     QByteArray(R"({"lines":[{"product_id":"nope","quantity":1.5,"colour":"red"},3],"extra":1})"));
        EXPECT_PROBLEM(reply, 400, "validation");
        const QStringList fields = reply.errorFields();
        for (const char *field : {"lines[0].product_id", "lines[0].quantity", "lines[0].colour", "lines[1]", "extra"})
            QVERIFY2(fields.contains(QLatin1String(field)), qPrintable(fields.join(u',')));
        const Reply missing = f().call("POST", QStringLiteral("/api/v1/order"), requester, QByteArray("{}"));
        QCOMPARE(missing.errorFields(), QStringList{QStringLiteral("lines")});
        const Reply huge = f().call("POST", QStringLiteral("/api/v1/order"), requester,
                                    QByteArray(R"({"lines":[{"product_id":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","quantity":5000000000}]})"));
        EXPECT_PROBLEM(huge, 400, "validation");
        QCOMPARE(huge.errorFields(), QStringList{QStringLiteral("lines[0].quantity")});
    }

    void productRoutes()
    {
        const QByteArray admin = f().signIn(QStringLiteral("ada"), Role::Admin);
        const QByteArray requester = f().signIn(QStringLiteral("rita"), Role::Requester);
        const QJsonObject product{{QStringLiteral("sku"), QStringLiteral("CUP-1")}, {QStringLiteral("name"), QStringLiteral("Cup")},
                                  {QStringLiteral("price_cents"), 499}};
        EXPECT_PROBLEM(f().call("POST", QStringLiteral("/api/v1/product"), requester, product), 403, "forbidden");
        Reply reply = f().call("POST", QStringLiteral("/api/v1/product"), admin, product);
        EXPECT_STATUS(reply, 201);
        QCOMPARE(reply.json.value(QStringLiteral("active")).toBool(), true);
        QCOMPARE(reply.json.value(QStringLiteral("price_cents")).toInteger(), qint64(499));
        const QString path = QString::fromUtf8(reply.header("location"));
        EXPECT_PROBLEM(f().call("POST", QStringLiteral("/api/v1/product"), admin, product), 409, "duplicate");

        reply = f().call("GET", path, requester);
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.header("etag"), QByteArray("\"1\""));
        reply = f().call("GET", QStringLiteral("/api/v1/product?q=cup&active=true"), requester);
        QCOMPARE(reply.json.value(QStringLiteral("items")).toArray().size(), 1);
        reply = f().call("PATCH", path, admin, QJsonObject{{QStringLiteral("active"), false}, {QStringLiteral("price_cents"), 599}}, ifMatch("\"1\""));
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(QStringLiteral("active")).toBool(), false);
        reply = f().call("GET", QStringLiteral("/api/v1/product?active=false"), requester);
        QCOMPARE(reply.json.value(QStringLiteral("items")).toArray().size(), 1);
        EXPECT_PROBLEM(f().call("PATCH", path, requester, QJsonObject{{QStringLiteral("active"), true}}), 403, "forbidden");
        EXPECT_PROBLEM(f().call("POST", QStringLiteral("/api/v1/product"), admin,
                                QJsonObject{{QStringLiteral("sku"), QStringLiteral("X")}, {QStringLiteral("name"), QStringLiteral("X")}}),
                       400, "validation");
        EXPECT_PROBLEM(f().call("DELETE", path, admin, QByteArray(), ifMatch("\"1\"")), 412, "stale-version");
        EXPECT_STATUS(f().call("DELETE", path, admin, QByteArray(), ifMatch("\"2\"")), 204);
        EXPECT_PROBLEM(f().call("GET", path, admin), 404, "not-found");
    }

    void userRoutes()
    {
        const QByteArray admin = f().signIn(QStringLiteral("ada"), Role::Admin);
        const QByteArray requester = f().signIn(QStringLiteral("rita"), Role::Requester);

        Reply reply = f().call("GET", QStringLiteral("/api/v1/user/me"), requester);
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(QStringLiteral("username")).toString(), QStringLiteral("rita"));
        QCOMPARE(reply.json.value(QStringLiteral("role")).toString(), QStringLiteral("requester"));
        QVERIFY(rfc3339Utc.match(reply.json.value(QStringLiteral("last_login_at")).toString()).hasMatch());
        const QStringList keys = reply.json.keys();
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
                 (QSet<QString>{QStringLiteral("id"), QStringLiteral("username"), QStringLiteral("display_name"), QStringLiteral("role"),
                                QStringLiteral("disabled"), QStringLiteral("version"), QStringLiteral("created_at"),
                                QStringLiteral("updated_at"), QStringLiteral("last_login_at")}));
        QVERIFY(!reply.body.contains("argon2"));

        EXPECT_PROBLEM(f().call("GET", QStringLiteral("/api/v1/user"), requester), 403, "forbidden");
        reply = f().call("GET", QStringLiteral("/api/v1/user?limit=1"), admin);
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(QStringLiteral("items")).toArray().size(), 1);
        QVERIFY(!reply.json.value(QStringLiteral("next")).toString().isEmpty());

        const QJsonObject newUser{{QStringLiteral("username"), QStringLiteral("neo")}, {QStringLiteral("display_name"), QStringLiteral("Neo")},
                                  {QStringLiteral("role"), QStringLiteral("reviewer")}, {QStringLiteral("password"), QStringLiteral("a long password")}};
        reply = f().call("POST", QStringLiteral("/api/v1/user"), admin, newUser);
        EXPECT_STATUS(reply, 201);
        QCOMPARE(reply.header("location"), QByteArray("/api/v1/user/neo"));
        QVERIFY(!reply.body.contains("password"));
        EXPECT_PROBLEM(f().call("POST", QStringLiteral("/api/v1/user"), admin, newUser), 409, "duplicate");
        QJsonObject me = newUser;
        me.insert(QStringLiteral("username"), QStringLiteral("me")); // would be /api/v1/user/me
        reply = f().call("POST", QStringLiteral("/api/v1/user"), admin, me);
        EXPECT_PROBLEM(reply, 400, "validation");
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("username")});
        reply = f().call("POST", QStringLiteral("/api/v1/user"), admin,
                         QJsonObject{{QStringLiteral("username"), QStringLiteral("x")}, {QStringLiteral("role"), QStringLiteral("boss")},
                                     {QStringLiteral("password"), QStringLiteral("short")}});
        EXPECT_PROBLEM(reply, 400, "validation");
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("role")});

        reply = f().call("GET", QStringLiteral("/api/v1/user/neo"), admin);
        EXPECT_STATUS(reply, 200);
        QVERIFY(reply.json.value(QStringLiteral("last_login_at")).isNull());
        reply = f().call("PATCH", QStringLiteral("/api/v1/user/neo"), admin,
                         QJsonObject{{QStringLiteral("role"), QStringLiteral("admin")}, {QStringLiteral("display_name"), QStringLiteral("The One")}},
                         ifMatch("\"1\""));
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        EXPECT_PROBLEM(f().call("PATCH", QStringLiteral("/api/v1/user/nobody"), admin, QJsonObject{{QStringLiteral("disabled"), true}}),
                       404, "not-found");

        // A disabled user's token stops working at once.
        EXPECT_STATUS(f().call("PATCH", QStringLiteral("/api/v1/user/rita"), admin, QJsonObject{{QStringLiteral("disabled"), true}}), 200);
        EXPECT_PROBLEM(f().call("GET", QStringLiteral("/api/v1/user/me"), requester), 401, "unauthenticated");
    }

    void auditRoute()
    {
        const QByteArray reviewer = f().signIn(QStringLiteral("rob"), Role::Reviewer);
        const QByteArray requester = f().signIn(QStringLiteral("rita"), Role::Requester);
        const QString id = createFeature(requester, QStringLiteral("Audited")).value(QStringLiteral("id")).toString();
        EXPECT_PROBLEM(f().call("GET", QStringLiteral("/api/v1/audit"), requester), 403, "forbidden");
        Reply reply = f().call("GET", QStringLiteral("/api/v1/audit?entity_type=feature&entity_id=") + id, reviewer);
        EXPECT_STATUS(reply, 200);
        const QJsonArray events = reply.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(events.size(), 1);
        const QJsonObject event = events.at(0).toObject();
        QCOMPARE(event.value(QStringLiteral("action")).toString(), QStringLiteral("create"));
        QCOMPARE(event.value(QStringLiteral("actor")).toString(), QStringLiteral("rita"));
        QCOMPARE(event.value(QStringLiteral("entity_type")).toString(), QStringLiteral("feature"));
        QCOMPARE(event.value(QStringLiteral("version")).toInt(), 1);
        QVERIFY(event.value(QStringLiteral("from_status")).isNull());
        for (const char *key : {"id", "at", "actor", "action", "entity_type", "entity_id", "from_status", "to_status", "version", "comment", "detail"})
            QVERIFY2(event.contains(QLatin1String(key)), key);

        reply = f().call("GET", QStringLiteral("/api/v1/audit?actor=rita&limit=500"), reviewer);
        EXPECT_STATUS(reply, 200);
        QVERIFY(reply.json.value(QStringLiteral("items")).toArray().size() >= 2); // sign-in and create
        EXPECT_PROBLEM(f().call("GET", QStringLiteral("/api/v1/audit?entity_type=spaceship"), reviewer), 400, "validation");
    }

    // Accept's q-values decide between JSON and CSV: the higher wins, a tie
    // is JSON, q=0 is not acceptable.
    void auditHonoursAcceptQValues()
    {
        const QByteArray reviewer = f().signIn(QStringLiteral("rob"), Role::Reviewer);
        const auto contentTypeFor = [&](const QByteArray &accept) {
            const Reply reply = f().call("GET", QStringLiteral("/api/v1/audit"), reviewer, QByteArray(), {{"Accept", accept}});
            if (reply.status != 200)
                qWarning("Accept %s: %s", accept.constData(), qPrintable(describe(reply)));
            return reply.header("content-type");
        };
        QVERIFY(contentTypeFor("text/csv").startsWith("text/csv"));
        QVERIFY(contentTypeFor("application/json;q=0.5, text/csv").startsWith("text/csv"));
        QVERIFY(contentTypeFor("text/*;q=0.8, application/json;q=0.2").startsWith("text/csv"));
        QCOMPARE(contentTypeFor("text/csv;q=0.9, application/json;q=1"), QByteArray("application/json"));
        QCOMPARE(contentTypeFor("text/csv, application/json"), QByteArray("application/json"));
        QCOMPARE(contentTypeFor("text/csv;q=0"), QByteArray("application/json"));
        QVERIFY(contentTypeFor("text/csv; q=0.5, */*;q=0.1").startsWith("text/csv"));
    }

    void signInAndOut()
    {
        f().addUser(QStringLiteral("alice"), Role::Requester);
        Reply reply = f().call("POST", QStringLiteral("/api/v1/auth/token"), QByteArray(),
                               QJsonObject{{QStringLiteral("username"), QStringLiteral("alice")},
                                           {QStringLiteral("password"), QString::fromLatin1(RestFixture::password)}});
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.header("cache-control"), QByteArray("no-store"));
        QCOMPARE(reply.json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QVERIFY(rfc3339Utc.match(reply.json.value(QStringLiteral("expires_at")).toString()).hasMatch());
        const QByteArray token = reply.json.value(QStringLiteral("token")).toString().toLatin1();
        QVERIFY(token.size() >= 32);
        EXPECT_STATUS(f().call("GET", QStringLiteral("/api/v1/user/me"), token), 200);

        EXPECT_STATUS(f().call("DELETE", QStringLiteral("/api/v1/auth/token"), token), 204);
        reply = f().call("GET", QStringLiteral("/api/v1/user/me"), token);
        EXPECT_PROBLEM(reply, 401, "unauthenticated");
        QVERIFY(reply.header("www-authenticate").startsWith("Bearer"));

        reply = f().call("POST", QStringLiteral("/api/v1/auth/token"), QByteArray(),
                         QJsonObject{{QStringLiteral("username"), QStringLiteral("alice")}, {QStringLiteral("password"), QStringLiteral("wrong!")}});
        EXPECT_PROBLEM(reply, 401, "unauthenticated");
        QVERIFY(reply.header("www-authenticate").startsWith("Bearer"));
        reply = f().call("POST", QStringLiteral("/api/v1/auth/token"), QByteArray(), QJsonObject{{QStringLiteral("username"), QStringLiteral("alice")}});
        EXPECT_PROBLEM(reply, 400, "validation");
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("password")});
        // Empty is missing too (docs/design.md, "Errors": 400), not a wrong password.
        reply = f().call("POST", QStringLiteral("/api/v1/auth/token"), QByteArray(),
                         QJsonObject{{QStringLiteral("username"), QString()}, {QStringLiteral("password"), QString()}});
        EXPECT_PROBLEM(reply, 400, "validation");
        QCOMPARE(reply.errorFields(), (QStringList{QStringLiteral("username"), QStringLiteral("password")}));
        reply = f().call("POST", QStringLiteral("/api/v1/auth/token"), QByteArray(),
                         QJsonObject{{QStringLiteral("username"), QStringLiteral("alice")}, {QStringLiteral("password"), QString()}});
        EXPECT_PROBLEM(reply, 400, "validation");
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("password")});
    }

    void protectedRoutesNeedAValidToken()
    {
        const QString paths[] = {QStringLiteral("/api/v1/feature"), QStringLiteral("/api/v1/order"), QStringLiteral("/api/v1/product"),
                                 QStringLiteral("/api/v1/user/me"), QStringLiteral("/api/v1/audit")};
        for (const QString &path : paths) {
            Reply reply = f().call("GET", path);
            EXPECT_PROBLEM(reply, 401, "unauthenticated");
            QCOMPARE(reply.header("www-authenticate"), QByteArray("Bearer realm=\"signoff\""));
            reply = f().call("GET", path, "made-up-token");
            EXPECT_PROBLEM(reply, 401, "unauthenticated");
            QVERIFY(reply.header("www-authenticate").startsWith("Bearer"));
        }
        EXPECT_PROBLEM(f().call("POST", QStringLiteral("/api/v1/feature"), QByteArray(), named(QStringLiteral("x"))), 401, "unauthenticated");
        EXPECT_STATUS(f().call("GET", QStringLiteral("/api/v1/openapi.json")), 200);
    }

    void expiredTokenIs401()
    {
        m_fixture.reset();
        m_clock = std::make_unique<TestClock>();
        ServiceOptions options = RestFixture::testOptions();
        options.tokenLifetime = std::chrono::hours(1);
        m_fixture = std::make_unique<RestFixture>(RestFixture::testConfig(), options);
        SIGNOFF_REQUIRE_FIXTURE(f());
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        EXPECT_STATUS(f().call("GET", QStringLiteral("/api/v1/user/me"), token), 200);
        m_clock->advance(std::chrono::hours(1) - std::chrono::milliseconds(1));
        EXPECT_STATUS(f().call("GET", QStringLiteral("/api/v1/user/me"), token), 200);
        m_clock->advance(std::chrono::milliseconds(1));
        const Reply reply = f().call("GET", QStringLiteral("/api/v1/user/me"), token);
        EXPECT_PROBLEM(reply, 401, "unauthenticated");
        QVERIFY(reply.json.value(QStringLiteral("detail")).toString().contains(QStringLiteral("expired")));
        QVERIFY(reply.header("www-authenticate").startsWith("Bearer"));
    }

    void malformedBodiesAre400()
    {
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        const QString path = QStringLiteral("/api/v1/feature");
        Reply reply = f().call("POST", path, token, QByteArray("{\"name\": "));
        EXPECT_PROBLEM(reply, 400, "invalid-body");
        reply = f().call("POST", path, token, QByteArray("[\"name\"]"));
        EXPECT_PROBLEM(reply, 400, "invalid-body");
        reply = f().call("POST", path, token, QByteArray("{\"name\": 42}"));
        EXPECT_PROBLEM(reply, 400, "validation");
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("name")});
        reply = f().call("POST", path, token, QByteArray("{\"name\": \"x\", \"colour\": \"red\"}"));
        EXPECT_PROBLEM(reply, 400, "validation");
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("colour")});
        reply = f().call("POST", path, token, named(QString(256, u'x')));
        EXPECT_PROBLEM(reply, 400, "validation");
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("name")});
        reply = f().call("POST", path, token, named(QStringLiteral("   ")));
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("name")});
        reply = f().call("POST", path, token, QByteArray("{}"));
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("name")});
        reply = f().call("POST", path, token, QByteArray("{\"name\":\"x\",\"options\":[1]}"));
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("options")});
    }

    // Numbers that would not come back as sent are refused, not rounded.
    void numbersAreKeptExactlyOrRefused()
    {
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        const QString path = QStringLiteral("/api/v1/feature");
        for (const char *number : {"123456789012345678901234567890", "3.14159265358979323846", "-9223372036854775809",
                                   "0.30000000000000001"}) {
            const QByteArray body = QByteArray("{\"name\":\"n") + QByteArray::number(qHash(QByteArray(number)))
                                    + "\",\"options\":{\"n\":" + number + "}}";
            EXPECT_PROBLEM(f().call("POST", path, token, body), 400, "invalid-body");
        }
        // What a double or a 64-bit integer holds exactly goes through, as sent.
        const QList<QByteArray> kept{"9223372036854775807", "-9223372036854775808", "0.1", "0.30000000000000004", "1.5e300",
                                     "100.000", "2.50"};
        for (const QByteArray &number : kept) {
            const QByteArray body = QByteArray("{\"name\":\"k") + QByteArray::number(qHash(number)) + "\",\"options\":{\"n\":" + number + "}}";
            const Reply created = f().call("POST", path, token, body);
            EXPECT_STATUS(created, 201);
            const QJsonValue stored = created.json.value(QStringLiteral("options")).toObject().value(QStringLiteral("n"));
            QCOMPARE(stored.toDouble(), number.toDouble());
        }
        // Digits inside strings are text, whatever their length.
        EXPECT_STATUS(f().call("POST", path, token,
                               QByteArray("{\"name\":\"s\",\"options\":{\"n\":\"123456789012345678901234567890\"}}")), 201);
    }

    void bodiesThatAreNotJsonAre415()
    {
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        Reply reply = f().call("POST", QStringLiteral("/api/v1/feature"), token, QByteArray("name=x"),
                               {{"Content-Type", "application/x-www-form-urlencoded"}});
        EXPECT_PROBLEM(reply, 415, "unsupported-media-type");
        reply = f().call("POST", QStringLiteral("/api/v1/feature"), token, QByteArray("{\"name\":\"x\"}"),
                         {{"Content-Type", "application/json; charset=utf-8"}});
        EXPECT_STATUS(reply, 201);
    }

    void unknownThingsAre404()
    {
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        EXPECT_PROBLEM(f().call("GET", QStringLiteral("/api/v1/feature/3f2504e0-4f89-41d3-9a0c-0305e82c3301"), token), 404, "not-found");
        EXPECT_PROBLEM(f().call("GET", QStringLiteral("/api/v1/feature/not-a-uuid"), token), 404, "not-found");
        EXPECT_PROBLEM(f().call("GET", QStringLiteral("/api/v1/order/%7B3f2504e0-4f89-41d3-9a0c-0305e82c3301%7D"), token), 404, "not-found");
        EXPECT_PROBLEM(f().call("POST", QStringLiteral("/api/v1/feature/xyz/approve"), token), 404, "not-found");
        EXPECT_PROBLEM(f().call("GET", QStringLiteral("/api/v1/nothing"), token), 404, "not-found");
        EXPECT_PROBLEM(f().call("GET", QStringLiteral("/api/v1/feature/"), token), 404, "not-found");
        EXPECT_PROBLEM(f().call("GET", QStringLiteral("/"), token), 404, "not-found");
    }

    void wrongMethodIs405WithAllow()
    {
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        Reply reply = f().call("PUT", QStringLiteral("/api/v1/feature"), token, named(QStringLiteral("x")));
        EXPECT_PROBLEM(reply, 405, "method-not-allowed");
        QCOMPARE(reply.header("allow"), QByteArray("POST, GET, HEAD"));
        reply = f().call("DELETE", QStringLiteral("/healthz"));
        EXPECT_PROBLEM(reply, 405, "method-not-allowed");
        QCOMPARE(reply.header("allow"), QByteArray("GET, HEAD"));
        reply = f().call("GET", QStringLiteral("/api/v1/feature/3f2504e0-4f89-41d3-9a0c-0305e82c3301/approve"), token);
        QCOMPARE(reply.header("allow"), QByteArray("POST"));
        reply = f().call("POST", QStringLiteral("/api/v1/user/me"), token);
        EXPECT_PROBLEM(reply, 405, "method-not-allowed");
        QCOMPARE(reply.header("allow"), QByteArray("GET, HEAD")); // no user is called "me"
    }

    // "batch" is never an {id}: every other method on it is 405 with its own Allow.
    void batchPathsAre405WithAllowPost()
    {
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        for (const QString &path : {QStringLiteral("/api/v1/feature/batch"), QStringLiteral("/api/v1/order/batch")}) {
            for (const QByteArray &method : {QByteArray("GET"), QByteArray("PATCH"), QByteArray("DELETE"), QByteArray("PUT")}) {
                const Reply reply = f().call(method, path, token, method == "GET" || method == "DELETE" ? QByteArray() : QByteArray("{}"));
                QVERIFY2(reply.status == 405, qPrintable(QString::fromLatin1(method) + u' ' + path + u' ' + describe(reply)));
                QCOMPARE(reply.problemType(), QStringLiteral("method-not-allowed"));
                QCOMPARE(reply.header("allow"), QByteArray("POST"));
            }
        }
    }

    void rateLimitIs429WithRetryAfter()
    {
        m_fixture.reset();
        m_clock = std::make_unique<TestClock>(); // no refill while the test runs
        RestConfig config = RestFixture::testConfig();
        config.rateLimitPerSecond = 2; // bursts of 4
        m_fixture = std::make_unique<RestFixture>(config);
        SIGNOFF_REQUIRE_FIXTURE(f());
        int limited = 0;
        Reply last;
        for (int i = 0; i < 8; ++i) {
            last = f().call("GET", QStringLiteral("/metrics"));
            if (last.status == 429)
                ++limited;
        }
        QVERIFY2(limited == 4, qPrintable(describe(last)));
        EXPECT_PROBLEM(last, 429, "rate-limited");
        QCOMPARE(last.header("retry-after"), QByteArray("1"));
        m_clock->advance(std::chrono::milliseconds(500)); // one request's worth
        EXPECT_STATUS(f().call("GET", QStringLiteral("/metrics")), 200);
        EXPECT_PROBLEM(f().call("GET", QStringLiteral("/metrics")), 429, "rate-limited");

        // Another client (by token) has a bucket of its own.
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        EXPECT_STATUS(f().call("GET", QStringLiteral("/api/v1/user/me"), token), 200);
    }

    // After 5 failed sign-ins within a minute, 429 even for the right password.
    void loginThrottlingIs429WithRetryAfter()
    {
        f().addUser(QStringLiteral("alice"), Role::Requester);
        auto signIn = [&](const QString &password) {
            return f().call("POST", QStringLiteral("/api/v1/auth/token"), QByteArray(),
                            QJsonObject{{QStringLiteral("username"), QStringLiteral("alice")}, {QStringLiteral("password"), password}});
        };
        for (int i = 0; i < 5; ++i)
            EXPECT_PROBLEM(signIn(QStringLiteral("guess %1").arg(i)), 401, "unauthenticated");
        const Reply reply = signIn(QString::fromLatin1(RestFixture::password));
        EXPECT_PROBLEM(reply, 429, "rate-limited");
        const int retry = reply.header("retry-after").toInt();
        QVERIFY2(retry >= 1 && retry <= 60, reply.header("retry-after").constData());
    }

    void healthIsOkWhileTheDatabaseAnswers()
    {
        const Reply reply = f().call("GET", QStringLiteral("/healthz"));
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.json, (QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}}));
        QCOMPARE(reply.header("content-type"), QByteArray("application/json"));
        QCOMPARE(reply.header("x-content-type-options"), QByteArray("nosniff"));
    }

    // /readyz and /healthz: anyone, no token, never rate limited (a load
    // balancer polls them).
    void readyIsOkAndNeverRateLimited()
    {
        m_fixture.reset();
        RestConfig config = RestFixture::testConfig();
        config.rateLimitPerSecond = 1; // bursts of 2
        m_fixture = std::make_unique<RestFixture>(config);
        SIGNOFF_REQUIRE_FIXTURE(f());
        for (int i = 0; i < 10; ++i) {
            const Reply reply = f().call("GET", QStringLiteral("/readyz"));
            EXPECT_STATUS(reply, 200);
            QCOMPARE(reply.json, (QJsonObject{{QStringLiteral("status"), QStringLiteral("ready")}}));
            QCOMPARE(reply.header("content-type"), QByteArray("application/json"));
            QCOMPARE(reply.header("cache-control"), QByteArray("no-store"));
        }
        for (int i = 0; i < 10; ++i)
            EXPECT_STATUS(f().call("GET", QStringLiteral("/healthz")), 200);
        // The limit itself is on: the same client's other public routes hit it.
        int limited = 0;
        for (int i = 0; i < 4; ++i)
            limited += f().call("GET", QStringLiteral("/metrics")).status == 429 ? 1 : 0;
        QVERIFY(limited > 0);
        EXPECT_PROBLEM(f().call("POST", QStringLiteral("/readyz")), 405, "method-not-allowed");
    }

    // Starting: 503 until the program says it is ready; draining: 503 again,
    // while every other request is still served, each closing its connection.
    void readyFollowsStartingAndDraining()
    {
        m_fixture.reset();
        RestConfig config = RestFixture::testConfig();
        config.startsReady = false;
        m_fixture = std::make_unique<RestFixture>(config);
        SIGNOFF_REQUIRE_FIXTURE(f());
        Reply reply = f().call("GET", QStringLiteral("/readyz"));
        EXPECT_PROBLEM(reply, 503, "starting");
        QCOMPARE(reply.header("retry-after"), QByteArray("1"));
        f().server().markReady();
        EXPECT_STATUS(f().call("GET", QStringLiteral("/readyz")), 200);

        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        RawClient before(f().url()); // a keep-alive connection opened before draining
        before.send(rawRequest("GET", "/healthz"));
        EXPECT_STATUS(before.readResponse(), 200);

        f().server().beginDraining();
        reply = f().call("GET", QStringLiteral("/readyz"));
        EXPECT_PROBLEM(reply, 503, "draining");
        EXPECT_STATUS(f().call("GET", QStringLiteral("/api/v1/user/me"), token), 200);
        EXPECT_STATUS(f().call("POST", QStringLiteral("/api/v1/feature"), token, named(QStringLiteral("Made while draining"))), 201);
        before.send(rawRequest("GET", "/api/v1/user/me", "Authorization: Bearer " + token + "\r\n"));
        const Reply last = before.readResponse();
        EXPECT_STATUS(last, 200);
        QCOMPARE(last.header("connection").toLower(), QByteArray("close"));
        QVERIFY(before.waitForClosed());
        f().server().markReady(); // too late: a draining server never becomes ready again
        EXPECT_PROBLEM(f().call("GET", QStringLiteral("/readyz")), 503, "draining");
    }

    // The database goes away under a running server: SQLite's folder is
    // replaced by a file before the server thread opened its connection;
    // PostgreSQL's database is dropped.
    void healthIs503WhenTheDatabaseIsGone()
    {
        TestDatabase &database = f().testDatabase();
        const QString folder = QFileInfo(database.url().path).absolutePath();
        auto removeBlocker = qScopeGuard([&] {
            if (database.dialect() == SqlDialect::Sqlite)
                QFile::remove(folder);
        });
        if (database.dialect() == SqlDialect::Sqlite) {
            QVERIFY(QDir(folder).removeRecursively());
            QFile blocker(folder);
            QVERIFY(blocker.open(QIODevice::WriteOnly));
        } else {
            EXPECT_STATUS(f().call("GET", QStringLiteral("/healthz")), 200); // the server thread is connected
            DatabaseUrl admin = database.url();
            const QString name = admin.databaseName;
            admin.databaseName = QStringLiteral("postgres");
            {
                QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("drop"));
                connection.setHostName(admin.host);
                connection.setPort(admin.port);
                connection.setUserName(admin.user);
                connection.setPassword(admin.password);
                connection.setDatabaseName(admin.databaseName);
                QVERIFY2(connection.open(), qPrintable(connection.lastError().text()));
                QSqlQuery drop(connection);
                QVERIFY2(drop.exec(QStringLiteral("DROP DATABASE \"%1\" WITH (FORCE)").arg(name)), qPrintable(drop.lastError().text()));
            }
            QSqlDatabase::removeDatabase(QStringLiteral("drop"));
        }
        const Reply reply = f().call("GET", QStringLiteral("/healthz"));
        EXPECT_PROBLEM(reply, 503, "unavailable");
        const Reply ready = f().call("GET", QStringLiteral("/readyz"));
        EXPECT_PROBLEM(ready, 503, "unavailable");
        // Anyone may ask: where the database is stays in the log.
        for (const Reply &probe : {reply, ready}) {
            QCOMPARE(probe.json.value(QStringLiteral("detail")).toString(), QStringLiteral("The database does not answer."));
            QVERIFY(!probe.json.contains(QStringLiteral("detail_template")));
            const QString body = QString::fromUtf8(probe.body);
            const DatabaseUrl url = database.url();
            QVERIFY2(!body.contains(database.dialect() == SqlDialect::Sqlite ? QFileInfo(url.path).fileName() : url.databaseName),
                     qPrintable(body));
            if (database.dialect() == SqlDialect::Postgresql)
                QVERIFY2(!body.contains(QString::number(url.port)) && !body.contains(url.host), qPrintable(body));
        }
        const Reply metrics = f().call("GET", QStringLiteral("/metrics"));
        QVERIFY(metrics.body.contains("http_requests_total{method=\"GET\",route=\"/healthz\",code=\"503\"}"));
    }

    void metricsUseRouteTemplates()
    {
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        const QString id = createFeature(token, QStringLiteral("Measured")).value(QStringLiteral("id")).toString();
        EXPECT_STATUS(f().call("GET", QStringLiteral("/api/v1/feature/") + id, token), 200);
        EXPECT_PROBLEM(f().call("GET", QStringLiteral("/no/such/path")), 404, "not-found");

        const Reply reply = f().call("GET", QStringLiteral("/metrics"));
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.header("content-type"), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        const QByteArray text = reply.body;
        QVERIFY(text.contains("# TYPE feature_created_total counter"));
        QVERIFY(text.contains("\nfeature_created_total "));
        QVERIFY(text.contains("# TYPE feature_latency_seconds histogram"));
        QVERIFY(text.contains("# TYPE http_requests_total counter"));
        QVERIFY(text.contains("http_requests_total{method=\"GET\",route=\"/api/v1/feature/{id}\",code=\"200\"}"));
        QVERIFY(text.contains("http_requests_total{method=\"POST\",route=\"/api/v1/feature\",code=\"201\"}"));
        QVERIFY(text.contains("http_requests_total{method=\"GET\",route=\"unmatched\",code=\"404\"}"));
        QVERIFY(text.contains("# TYPE http_request_duration_seconds histogram"));
        QVERIFY(text.contains("http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/feature/{id}\",le=\"0.5\"}"));
        QVERIFY(!text.contains(id.toLatin1())); // never a raw path
    }

    // One INFO line per request: method, route template (never the raw
    // path), status, duration and the user; never the token.
    void everyRequestLogsOneLine()
    {
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        const QString id = createFeature(token, QStringLiteral("Logged")).value(QStringLiteral("id")).toString();
        RestLogCapture::lines.clear();
        RestLogCapture::previousFilter = QLoggingCategory::installFilter(&RestLogCapture::filter);
        const QtMessageHandler previousHandler = qInstallMessageHandler(&RestLogCapture::handler);
        const auto restore = qScopeGuard([&] {
            qInstallMessageHandler(previousHandler);
            QLoggingCategory::installFilter(RestLogCapture::previousFilter);
        });

        EXPECT_STATUS(f().call("GET", QStringLiteral("/api/v1/feature/") + id, token), 200);
        EXPECT_PROBLEM(f().call("GET", QStringLiteral("/no/such/path")), 404, "not-found");
        QTRY_COMPARE(RestLogCapture::taken().size(), 2);
        const QStringList lines = RestLogCapture::taken();
        QVERIFY2(QRegularExpression(QStringLiteral("^GET /api/v1/feature/\\{id\\} 200 \\d+\\.\\d ms alice$")).match(lines.at(0)).hasMatch(),
                 qPrintable(lines.at(0)));
        QVERIFY2(QRegularExpression(QStringLiteral("^GET unmatched 404 \\d+\\.\\d ms -$")).match(lines.at(1)).hasMatch(),
                 qPrintable(lines.at(1)));
        for (const QString &line : lines) {
            QVERIFY(!line.contains(id));
            QVERIFY(!line.contains(QString::fromLatin1(token)));
        }
    }

    void openApiDocumentIsServed()
    {
        const Reply reply = f().call("GET", QStringLiteral("/api/v1/openapi.json"));
        EXPECT_STATUS(reply, 200);
        QCOMPARE(reply.header("content-type"), QByteArray("application/json"));
        QVERIFY(reply.json.value(QStringLiteral("openapi")).toString().startsWith(QStringLiteral("3.")));
        QVERIFY(reply.json.value(QStringLiteral("paths")).toObject().contains(QStringLiteral("/api/v1/feature/{id}/approve")));
        // Relative: right for whatever address the server listens on (here a free port).
        const QJsonArray servers = reply.json.value(QStringLiteral("servers")).toArray();
        QCOMPARE(servers.size(), 1);
        QCOMPARE(servers.at(0).toObject().value(QStringLiteral("url")).toString(), QStringLiteral("/"));
    }

    void headAnswersWithoutBody()
    {
        const Reply get = f().call("GET", QStringLiteral("/healthz"));
        const Reply head = f().call("HEAD", QStringLiteral("/healthz"));
        EXPECT_STATUS(head, 200);
        QVERIFY(head.body.isEmpty());
        QCOMPARE(head.header("content-length"), QByteArray::number(get.body.size()));
    }

    // Changes made over REST are announced like any other (the desktop refreshes).
    void changesAreAnnounced()
    {
        QObject receiver; // in this thread: the announcement from the server's thread arrives queued
        QList<std::pair<EntityType, QString>> changes;
        connect(&f().notifier(), &ChangeNotifier::changed, &receiver,
                [&](EntityType type, const QString &id) { changes.append({type, id}); });
        const QByteArray token = f().signIn(QStringLiteral("alice"), Role::Requester);
        const QString id = createFeature(token, QStringLiteral("Announced")).value(QStringLiteral("id")).toString();
        QTRY_VERIFY(changes.contains(std::pair(EntityType::Feature, id)));
    }
};

QTEST_GUILESS_MAIN(TestRestApi)
#include "tst_rest_api.moc"
