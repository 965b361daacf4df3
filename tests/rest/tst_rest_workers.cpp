// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Requests that change something (and sign-ins) run in worker threads
// (RestConfig::workers) while the server thread goes on serving others; the
// answer comes back to the connection and goes out in order. These tests
// hold the server to that: a slow sign-in does not hold up a read, pipelined
// writes and reads are answered in the order they were sent, a client that
// leaves while its write runs harms nobody, and stop() waits for a write
// under way instead of dropping its answer.

#include "RestTestSupport.h"
#include "service/PasswordHasher.h"
#include "storage/SignInAttemptRepository.h"

#include <QtTest>

#include <memory>
#include <vector>

using namespace signoff;
using namespace signoff::test;

namespace {

QByteArray bearer(const QByteArray &token)
{
    return "Authorization: Bearer " + token + "\r\n";
}

QByteArray createBody(const QByteArray &name)
{
    return "{\"name\":\"" + name + "\"}";
}

// The sign-in attempts for `username` the server has recorded (within any window).
int signInAttempts(RestFixture &f, const QString &username)
{
    auto recent = f.database().run([&](Connection &connection) {
        return SignInAttemptRepository(connection).recentFor(sha256Hex(username), QDateTime::fromSecsSinceEpoch(0, Qt::UTC));
    });
    return recent ? recent->count : -1;
}

} // namespace

class TestRestWorkers : public QObject
{
    Q_OBJECT

private slots:
    // Argon2id at the product's cost takes a good part of a second; with the
    // sign-in in a worker, a read sent after it is answered before it.
    void aSlowSignInDoesNotHoldUpReads()
    {
        ServiceOptions options = RestFixture::testOptions();
        options.passwordCost = PasswordHasher::Cost::Interactive;
        RestFixture f(RestFixture::testConfig(), options);
        SIGNOFF_REQUIRE_FIXTURE(f);

        RawClient signingIn(f.url());
        RawClient reading(f.url());
        signingIn.send(rawRequest("POST", "/api/v1/auth/token", {}, "{\"username\":\"nobody\",\"password\":\"not it\"}"));
        // The read goes out once the sign-in is under way: its attempt is
        // recorded (LoginThrottle) before the password is checked.
        QTRY_VERIFY_WITH_TIMEOUT(signInAttempts(f, QStringLiteral("nobody")) == 1, 10000);
        reading.send(rawRequest("GET", "/healthz"));
        const Reply health = reading.readResponse(10000);
        QCOMPARE(health.status, 200);
        QVERIFY2(signingIn.unread().isEmpty(), "the sign-in was answered before the read that came after it");
        const Reply refused = signingIn.readResponse(10000);
        QCOMPARE(refused.status, 401);
    }

    // A write, a read, a refused write and a read, sent in one go on one
    // connection: four answers, in that order, each the right one.
    void pipelinedRequestsAreAnsweredInOrder()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray token = f.signIn(QStringLiteral("alice"), Role::Requester);
        RawClient client(f.url());
        client.send(rawRequest("POST", "/api/v1/feature", bearer(token), createBody("Pipelined"))
                    + rawRequest("GET", "/api/v1/feature?limit=5", bearer(token))
                    + rawRequest("POST", "/api/v1/feature", bearer(token), createBody("Pipelined"))
                    + rawRequest("GET", "/healthz"));
        const Reply created = client.readResponse();
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json.value(QStringLiteral("name")).toString(), QStringLiteral("Pipelined"));
        const Reply listed = client.readResponse();
        QCOMPARE(listed.status, 200);
        const QJsonArray items = listed.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1); // the create before it is committed and visible
        QCOMPARE(items.first().toObject().value(QStringLiteral("id")), created.json.value(QStringLiteral("id")));
        const Reply duplicate = client.readResponse();
        QCOMPARE(duplicate.status, 409);
        QCOMPARE(client.readResponse().status, 200);
        QVERIFY(client.unread().isEmpty());
    }

    // Several connections writing at once: every create answered 201 is
    // there, once, and nothing else is.
    void concurrentWritesAreAllAnsweredAndAllKept()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray token = f.signIn(QStringLiteral("alice"), Role::Requester);
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 12; ++i)
            clients.push_back(std::make_unique<RawClient>(f.url()));
        QSet<QString> acknowledged;
        for (int round = 0; round < 3; ++round) {
            for (size_t i = 0; i < clients.size(); ++i)
                clients[i]->send(rawRequest("POST", "/api/v1/feature", bearer(token),
                                         createBody("Concurrent " + QByteArray::number(round) + '-' + QByteArray::number(int(i)))));
            for (auto &client : clients) {
                const Reply reply = client->readResponse(10000);
                QCOMPARE(reply.status, 201);
                acknowledged.insert(reply.json.value(QStringLiteral("id")).toString());
            }
        }
        QCOMPARE(acknowledged.size(), 36);
        const Reply listed = f.call("GET", QStringLiteral("/api/v1/feature?limit=100"), token);
        QCOMPARE(listed.status, 200);
        QSet<QString> stored;
        for (const QJsonValue &item : listed.json.value(QStringLiteral("items")).toArray())
            stored.insert(item.toObject().value(QStringLiteral("id")).toString());
        QCOMPARE(stored, acknowledged);
    }

    // The client sends a create and leaves at once: the server neither
    // crashes nor stalls, and serves the next client.
    void aClientThatLeavesDuringItsWriteHarmsNobody()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray token = f.signIn(QStringLiteral("alice"), Role::Requester);
        for (int i = 0; i < 5; ++i) {
            auto leaving = std::make_unique<RawClient>(f.url());
            leaving->send(rawRequest("POST", "/api/v1/feature", bearer(token), createBody("Left " + QByteArray::number(i))));
            leaving.reset();
        }
        RawClient staying(f.url());
        staying.send(rawRequest("POST", "/api/v1/feature", bearer(token), createBody("Stayed")));
        QCOMPARE(staying.readResponse().status, 201);
        staying.send(rawRequest("GET", "/healthz"));
        QCOMPARE(staying.readResponse().status, 200);
    }

    // stop() while writes are under way: each one that the server took is
    // answered before its connection closes, and is stored.
    void stopAnswersTheWritesUnderWay()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray token = f.signIn(QStringLiteral("alice"), Role::Requester);
        const auto served = [&f] {
            quint64 total = 0;
            for (quint64 count : f.server().requestsPerThread())
                total += count;
            return total;
        };
        const quint64 before = served();
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 8; ++i) {
            clients.push_back(std::make_unique<RawClient>(f.url()));
            clients.back()->send(rawRequest("POST", "/api/v1/feature", bearer(token),
                                         createBody("Before stop " + QByteArray::number(i))));
        }
        QTRY_COMPARE_WITH_TIMEOUT(served(), before + 8, 10000); // all taken; some still committing
        f.server().stop();
        QSet<QString> acknowledged;
        for (auto &client : clients) {
            const Reply reply = client->readResponse(10000);
            QCOMPARE(reply.status, 201);
            acknowledged.insert(reply.json.value(QStringLiteral("id")).toString());
        }
        ItemQuery query;
        query.page.limit = 100;
        auto stored = f.services().features().list(Actor::system(), query);
        QVERIFY(stored);
        QSet<QString> storedIds;
        for (const Feature &feature : stored->items)
            storedIds.insert(feature.id.toString(QUuid::WithoutBraces));
        QCOMPARE(storedIds, acknowledged);
    }
};

QTEST_GUILESS_MAIN(TestRestWorkers)
#include "tst_rest_workers.moc"
