// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Two people acting on the same item at the same moment, each through their
// own thread and database connection, as the desktop and the REST server do:
// exactly one wins, the other gets a typed error, nothing is half-written;
// approvals of one item are applied one after the other, each counted once.

#include "ServiceFixture.h"

#include <QThread>
#include <QtTest>

#include <atomic>
#include <latch>

using namespace signoff;
using namespace signoff::test;

namespace {

// Runs `first` and `second` in two threads released at the same instant.
template<typename A, typename B>
void race(A first, B second)
{
    std::latch start(2);
    auto runner = [&start](auto work) {
        return QThread::create([&start, work]() mutable {
            start.arrive_and_wait();
            work();
        });
    };
    std::unique_ptr<QThread> one(runner(first));
    std::unique_ptr<QThread> two(runner(second));
    one->start();
    two->start();
    one->wait();
    two->wait();
}

} // namespace

class TestConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void twoReviewersApprovingAtOnceExactlyOneWins()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        for (int round = 0; round < 10; ++round) {
            auto feature = f.services().features().create(f.alice, NewFeature{QStringLiteral("Race %1").arg(round), {}});
            SIGNOFF_VERIFY_OK(feature);
            SIGNOFF_VERIFY_OK(f.services().features().transition(f.alice, feature->id, WorkflowAction::Submit, 1));

            std::optional<Result<Feature>> byRita;
            std::optional<Result<Feature>> byRoy;
            race([&] { byRita = f.services().features().transition(f.rita, feature->id, WorkflowAction::Approve, 2); },
                 [&] { byRoy = f.services().features().transition(f.roy, feature->id, WorkflowAction::Reject, 2, QStringLiteral("No")); });

            QVERIFY(byRita && byRoy);
            QCOMPARE(int(byRita->ok()) + int(byRoy->ok()), 1);
            // Both named the submitted version: the second decision finds
            // the item decided (approvals by others would not have made the
            // version stale).
            const Result<Feature> &loser = byRita->ok() ? *byRoy : *byRita;
            QVERIFY2(loser.error().kind == ErrorKind::Conflict, qPrintable(describe(loser.error())));
            QCOMPARE(loser.error().reason, QStringLiteral("invalid-transition"));

            auto final = f.services().features().get(f.alice, feature->id);
            SIGNOFF_VERIFY_OK(final);
            QCOMPARE(final->version, 3);
            QCOMPARE(toString(final->status), byRita->ok() ? QStringLiteral("approved") : QStringLiteral("rejected"));
            QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("entity_id = ? AND action IN ('approve', 'reject')"),
                             {feature->id.toString(QUuid::WithoutBraces)}),
                     1);
        }
    }

    void threeReviewersApprovingAtOnceAreEachCountedOnce_data()
    {
        QTest::addColumn<int>("required");
        QTest::newRow("three of three") << 3;
        QTest::newRow("two of three") << 2;
    }

    void threeReviewersApprovingAtOnceAreEachCountedOnce()
    {
        QFETCH(int, required);
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        ApprovalPolicy policy;
        policy.featureApprovals = required;
        SIGNOFF_VERIFY_OK(f.services().policy().update(f.adam, policy));
        const QList<Actor> reviewers{f.rita, f.roy, f.adam};
        for (int round = 0; round < 5; ++round) {
            auto feature = f.services().features().create(f.alice, NewFeature{QStringLiteral("Three %1").arg(round), {}});
            SIGNOFF_VERIFY_OK(feature);
            SIGNOFF_VERIFY_OK(f.services().features().transition(f.alice, feature->id, WorkflowAction::Submit, 1));

            std::latch start(3);
            std::vector<std::optional<Result<Feature>>> outcomes(3);
            std::vector<std::unique_ptr<QThread>> threads;
            for (int i = 0; i < 3; ++i) {
                threads.emplace_back(QThread::create([&, i] {
                    start.arrive_and_wait();
                    outcomes[i] = f.services().features().transition(reviewers.at(i), feature->id, WorkflowAction::Approve, 2);
                    f.database().closeThreadConnection();
                }));
                threads.back()->start();
            }
            for (auto &thread : threads)
                thread->wait();

            int approved = 0;
            for (const auto &outcome : outcomes) {
                QVERIFY(outcome);
                if (outcome->ok()) {
                    ++approved;
                } else {
                    QVERIFY2(outcome->error().reason == QStringLiteral("invalid-transition"), qPrintable(describe(outcome->error())));
                }
            }
            QCOMPARE(approved, required);
            auto final = f.services().features().get(f.alice, feature->id);
            SIGNOFF_VERIFY_OK(final);
            QCOMPARE(toString(final->status), QStringLiteral("approved"));
            QCOMPARE(final->approvals.size(), required);
            QCOMPARE(final->version, 2 + required);
            const QString id = feature->id.toString(QUuid::WithoutBraces);
            QCOMPARE(f.count(QStringLiteral("feature_approval"), QStringLiteral("feature_id = ?"), {id}), required);
            QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("entity_id = ? AND action = 'approve'"), {id}), required);
            QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("entity_id = ? AND action = 'approve' AND to_status = 'approved'"), {id}), 1);
        }
    }

    void twoCreatesWithOneNameMakeOneFeature()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        for (int round = 0; round < 10; ++round) {
            const QString name = QStringLiteral("Same name %1").arg(round);
            std::optional<Result<Feature>> byAlice;
            std::optional<Result<Feature>> byBob;
            race([&] { byAlice = f.services().features().create(f.alice, NewFeature{name, {}}); },
                 [&] { byBob = f.services().features().create(f.bob, NewFeature{name, {}}); });
            QVERIFY(byAlice && byBob);
            QCOMPARE(int(byAlice->ok()) + int(byBob->ok()), 1);
            const Result<Feature> &loser = byAlice->ok() ? *byBob : *byAlice;
            QVERIFY2(loser.error().kind == ErrorKind::Conflict, qPrintable(describe(loser.error())));
            QCOMPARE(loser.error().message.english(), QStringLiteral("A feature named ‘%1’ already exists.").arg(name));
            QCOMPARE(f.count(QStringLiteral("feature_data"), QStringLiteral("name = ?"), {name}), 1);
        }
    }

    // The only two administrators disable or demote each other at the same
    // moment: one wins, the other is refused (last-admin), and one enabled
    // administrator always remains (PostgreSQL: READ COMMITTED, issue 13).
    void twoAdminsRemovingEachOtherLeaveOne()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        Actor survivor = f.adam;
        for (int round = 0; round < 12; ++round) {
            auto added = f.services().users().create(
                Actor::system(), NewUser{QStringLiteral("admin%1").arg(round), QString(), Role::Admin, ServiceFixture::password()});
            SIGNOFF_VERIFY_OK(added);
            const Actor other = added->actor();
            const UserPatch removal = round % 2 ? UserPatch{std::nullopt, Role::Reviewer, std::nullopt, std::nullopt}
                                                : UserPatch{std::nullopt, std::nullopt, true, std::nullopt};
            std::optional<Result<User>> bySurvivor;
            std::optional<Result<User>> byOther;
            race([&] { bySurvivor = f.services().users().update(survivor, other.username, removal); },
                 [&] { byOther = f.services().users().update(other, survivor.username, removal); });
            QVERIFY(bySurvivor && byOther);
            QCOMPARE(int(bySurvivor->ok()) + int(byOther->ok()), 1);
            const Result<User> &loser = bySurvivor->ok() ? *byOther : *bySurvivor;
            QVERIFY2(loser.error().kind == ErrorKind::Conflict && loser.error().reason == QStringLiteral("last-admin"),
                     qPrintable(describe(loser.error())));
            QCOMPARE(f.count(QStringLiteral("users"), QStringLiteral("role = 'admin' AND disabled = ?"), {false}), 1);
            if (byOther->ok())
                survivor = other;
        }
    }

    void editsFromManyThreadsLoseNothing()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto product = f.services().products().create(f.adam, NewProduct{QStringLiteral("P"), QStringLiteral("P"), 1, true});
        SIGNOFF_VERIFY_OK(product);
        std::atomic<int> succeeded{0};
        std::atomic<int> refused{0};
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back(QThread::create([&, t] {
                for (int i = 0; i < 10; ++i) {
                    // Read, then write with the version read: a lost update shows as a 200 that was overwritten.
                    auto current = f.services().products().get(f.adam, product->id);
                    if (!current)
                        continue;
                    auto updated = f.services().products().update(
                        f.adam, product->id, ProductPatch{{}, QStringLiteral("T%1-%2").arg(t).arg(i), {}, {}}, current->version);
                    (updated ? succeeded : refused).fetch_add(1);
                }
                f.database().closeThreadConnection();
            }));
            threads.back()->start();
        }
        for (auto &thread : threads)
            thread->wait();
        QCOMPARE(succeeded + refused, 40);
        auto final = f.services().products().get(f.adam, product->id);
        SIGNOFF_VERIFY_OK(final);
        // Every successful write made exactly one new version.
        QCOMPARE(final->version, 1 + succeeded.load());
        QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("entity_type = 'product' AND action = 'update'")), succeeded.load());
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
