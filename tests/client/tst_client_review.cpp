// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Review depth in server mode (docs/design.md, "Team mode" and "Approval
// policies"): RestBackend's comments, withdraw and approval policy against a
// real REST server on a free port give what LocalBackend gives, with the same
// typed errors (a stale policy version is PreconditionFailed, a requester may
// not change the policy, an empty comment is Invalid).

#include "RestBackend.h"
#include "UiFixture.h"
#undef SIGNOFF_REQUIRE_FIXTURE
#include "RestTestSupport.h"
#include "ClientTestSupport.h"

#include <QtTest>

using namespace signoff;
using namespace signoff::test;

class TestClientReview : public QObject
{
    Q_OBJECT

private slots:
    void commentsOverTheServer()
    {
        RestFixture server;
        SIGNOFF_REQUIRE_FIXTURE(server);
        const User alice = server.addUser(QStringLiteral("alice"), Role::Requester);
        server.addUser(QStringLiteral("rita"), Role::Reviewer);
        auto feature = server.services().features().create(alice.actor(), NewFeature{QStringLiteral("Dark mode"), {}});
        SIGNOFF_VERIFY_OK(feature);

        RestBackend desk(server.url());
        SIGNOFF_VERIFY_OK(await(desk.signIn(QStringLiteral("rita"), password())));
        auto none = await(desk.comments(EntityType::Feature, feature->id));
        SIGNOFF_VERIFY_OK(none);
        QCOMPARE(none->size(), 0);
        auto posted = await(desk.addComment(EntityType::Feature, feature->id, QStringLiteral("Which screens?")));
        SIGNOFF_VERIFY_OK(posted);
        QCOMPARE(posted->author, QStringLiteral("rita"));
        QVERIFY(posted->at.isValid());
        SIGNOFF_VERIFY_OK(server.services().features().addComment(alice.actor(), feature->id, QStringLiteral("All.")));
        auto both = await(desk.comments(EntityType::Feature, feature->id));
        SIGNOFF_VERIFY_OK(both);
        QCOMPARE(both->size(), 2);
        QCOMPARE(both->at(0).body, QStringLiteral("Which screens?"));
        QCOMPARE(both->at(1).author, QStringLiteral("alice"));

        SIGNOFF_VERIFY_ERROR(await(desk.addComment(EntityType::Feature, feature->id, QString())), Invalid);
        SIGNOFF_VERIFY_ERROR(await(desk.comments(EntityType::Feature, QUuid::createUuid())), NotFound);
    }

    void withdrawOverTheServer()
    {
        RestFixture server;
        SIGNOFF_REQUIRE_FIXTURE(server);
        server.addUser(QStringLiteral("alice"), Role::Requester);
        RestBackend desk(server.url());
        SIGNOFF_VERIFY_OK(await(desk.signIn(QStringLiteral("alice"), password())));
        auto created = await(desk.createFeature(NewFeature{QStringLiteral("Offline"), {}}));
        SIGNOFF_VERIFY_OK(created);
        auto submitted = await(desk.transitionFeature(created->id, WorkflowAction::Submit, created->version, QString()));
        SIGNOFF_VERIFY_OK(submitted);
        auto withdrawn = await(desk.transitionFeature(created->id, WorkflowAction::Withdraw, submitted->version, QString()));
        SIGNOFF_VERIFY_OK(withdrawn);
        QVERIFY(withdrawn->status == ItemStatus::Draft);
    }

    // The review queue's batch over the server: one request, each item on
    // its own, one stale item refused without undoing the others; both
    // backends answer alike.
    void batchDecisionsOverTheServer()
    {
        RestFixture server;
        SIGNOFF_REQUIRE_FIXTURE(server);
        const User alice = server.addUser(QStringLiteral("alice"), Role::Requester);
        server.addUser(QStringLiteral("rita"), Role::Reviewer);
        QList<Feature> pending;
        for (int i = 0; i < 3; ++i) {
            auto created = server.services().features().create(alice.actor(), NewFeature{QStringLiteral("Batch %1").arg(i), {}});
            SIGNOFF_VERIFY_OK(created);
            auto submitted = server.services().features().transition(alice.actor(), created->id, WorkflowAction::Submit,
                                                                     created->version, QString());
            SIGNOFF_VERIFY_OK(submitted);
            pending.append(submitted.value());
        }
        RestBackend desk(server.url());
        SIGNOFF_VERIFY_OK(await(desk.signIn(QStringLiteral("rita"), password())));
        const QList<Backend::Decision> items{{pending.at(0).id, pending.at(0).version},
                                             {pending.at(1).id, pending.at(1).version - 1}, // stale
                                             {pending.at(2).id, pending.at(2).version}};
        auto outcomes = await(desk.decideEach(EntityType::Feature, WorkflowAction::Reject, items, QStringLiteral("Not now.")));
        SIGNOFF_VERIFY_OK(outcomes);
        QCOMPARE(outcomes->size(), 3);
        QVERIFY(!outcomes->at(0));
        QVERIFY(outcomes->at(1) && outcomes->at(1)->kind == ErrorKind::PreconditionFailed);
        QVERIFY(!outcomes->at(2));
        QVERIFY(server.services().features().get(alice.actor(), pending.at(0).id)->status == ItemStatus::Rejected);
        QVERIFY(server.services().features().get(alice.actor(), pending.at(1).id)->status == ItemStatus::Pending);
        QVERIFY(server.services().features().get(alice.actor(), pending.at(2).id)->status == ItemStatus::Rejected);

        // A reason is required for a rejection: every item refused alike.
        auto noReason = await(desk.decideEach(EntityType::Feature, WorkflowAction::Reject,
                                              {{pending.at(1).id, pending.at(1).version}}, QString()));
        SIGNOFF_VERIFY_OK(noReason);
        QVERIFY(noReason->at(0) && noReason->at(0)->kind == ErrorKind::Invalid);

        // Through the batch route, not item by item.
        const Reply metrics = server.call("GET", QStringLiteral("/metrics"));
        QVERIFY2(metrics.body.contains("route=\"/api/v1/feature/{id}/batch\"") || metrics.body.contains("route=\"/api/v1/feature/batch\""),
                 metrics.body.left(2000).constData());
        QVERIFY(!metrics.body.contains("route=\"/api/v1/feature/{id}/reject\""));
    }

    void thePolicyOverTheServer()
    {
        RestFixture server;
        SIGNOFF_REQUIRE_FIXTURE(server);
        server.addUser(QStringLiteral("adam"), Role::Admin);
        server.addUser(QStringLiteral("alice"), Role::Requester);
        RestBackend admin(server.url());
        SIGNOFF_VERIFY_OK(await(admin.signIn(QStringLiteral("adam"), password())));
        auto policy = await(admin.policy());
        SIGNOFF_VERIFY_OK(policy);
        QCOMPARE(policy->featureApprovals, 1);
        const int loadedAt = policy->version;

        ApprovalPolicy stricter = policy.value();
        stricter.featureApprovals = 2;
        stricter.orderThresholds = {ApprovalThreshold{100000, 3}};
        auto saved = await(admin.updatePolicy(stricter, loadedAt));
        SIGNOFF_VERIFY_OK(saved);
        QCOMPARE(saved->featureApprovals, 2);
        QCOMPARE(saved->version, loadedAt + 1);
        QVERIFY(server.services().policy().get(Actor{})->sameRules(stricter));
        // Saved from a stale version: refused, nothing changed.
        stricter.featureApprovals = 5;
        SIGNOFF_VERIFY_ERROR(await(admin.updatePolicy(stricter, loadedAt)), PreconditionFailed);
        QCOMPARE(server.services().policy().get(Actor{})->featureApprovals, 2);

        RestBackend requester(server.url());
        SIGNOFF_VERIFY_OK(await(requester.signIn(QStringLiteral("alice"), password())));
        auto read = await(requester.policy());
        SIGNOFF_VERIFY_OK(read);
        QCOMPARE(read->featureApprovals, 2);
        SIGNOFF_VERIFY_ERROR(await(requester.updatePolicy(read.value(), read->version)), Forbidden);
    }

    // "Stay signed in" needs the system keyring. Where there is none (a test
    // machine without a session bus), keeping fails with a message, the
    // session goes on in memory, and nothing is found to resume.
    void keepingASessionWithoutAKeyringSaysSo()
    {
        if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("a session bus may have a keyring here; this checks the case without one");
        RestFixture server;
        SIGNOFF_REQUIRE_FIXTURE(server);
        server.addUser(QStringLiteral("alice"), Role::Requester);
        RestBackend desk(server.url());
        SIGNOFF_VERIFY_ERROR(await(desk.keepSession()), Unauthenticated); // nothing to keep yet
        SIGNOFF_VERIFY_OK(await(desk.signIn(QStringLiteral("alice"), password())));
        auto kept = await(desk.keepSession());
        SIGNOFF_VERIFY_ERROR(kept, Unavailable);
        QVERIFY2(kept.error().message.english().contains(QStringLiteral("keyring")), qPrintable(kept.error().message.english()));
        SIGNOFF_VERIFY_OK(await(desk.me())); // still signed in, in memory

        RestBackend later(server.url());
        auto resumed = await(later.resumeKeptSession(QStringLiteral("alice")));
        QVERIFY(!resumed);
        QVERIFY(later.token().isEmpty());
        SIGNOFF_VERIFY_OK(await(desk.signOut()));
    }
};

QTEST_MAIN(TestClientReview)
#include "tst_client_review.moc"
