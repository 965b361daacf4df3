// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The dashboard's figures are the same in both desktop modes (docs/design.md,
// "Team mode" and "The dashboard's figures"): RestBackend::stats against a real
// REST server on a free port, over GET /api/v1/stats, gives the Stats
// LocalBackend computes on the same database, field by field; a period the
// service refuses is the same typed error through both doors.

#include "LocalBackend.h"
#include "RestBackend.h"
#include "RestTestSupport.h"
#include "ClientTestSupport.h"
#include "TestHelpers.h"

#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

// Creates a feature and moves it to `status` through core, as `reviewer` decides.
void addFeature(Services &services, const User &owner, const QString &name, ItemStatus status, const User &reviewer)
{
    auto feature = services.features().create(owner.actor(), NewFeature{name, {}});
    QVERIFY2(feature, qPrintable(feature ? QString() : feature.error().englishSummary()));
    Feature current = feature.value();
    const auto move = [&](const User &actor, WorkflowAction action, const QString &comment = {}) {
        auto moved = services.features().transition(actor.actor(), current.id, action, current.version, comment);
        QVERIFY2(moved, qPrintable(moved ? QString() : moved.error().englishSummary()));
        current = moved.value();
    };
    if (status == ItemStatus::Draft)
        return;
    move(owner, WorkflowAction::Submit);
    if (status == ItemStatus::Approved)
        move(reviewer, WorkflowAction::Approve);
    if (status == ItemStatus::Rejected)
        move(reviewer, WorkflowAction::Reject, QStringLiteral("Not like this."));
}

// `later`: how many seconds after `expected` `actual` was counted; an age
// measured then is that much larger (a time to decision is not: later = 0).
void compareDurations(const DurationSummary &actual, const DurationSummary &expected, double later)
{
    QCOMPARE(actual.count, expected.count);
    const auto sameAge = [later](const std::optional<double> &actual, const std::optional<double> &expected) {
        if (!actual || !expected)
            return actual.has_value() == expected.has_value();
        // Timestamps are kept to the millisecond.
        return qAbs(*actual - (*expected + later)) < 0.002;
    };
    QVERIFY(sameAge(actual.medianSeconds, expected.medianSeconds));
    QVERIFY(sameAge(actual.p90Seconds, expected.p90Seconds));
    QVERIFY(sameAge(actual.maxSeconds, expected.maxSeconds));
}

// Everything but the moment each was counted at.
void compareStats(const Stats &actual, const Stats &expected)
{
    QCOMPARE(actual.days, expected.days);
    QCOMPARE(actual.firstDay, expected.firstDay);
    QCOMPARE(actual.generatedAt.date(), expected.generatedAt.date());
    QCOMPARE(actual.itemsByStatus, expected.itemsByStatus);
    QCOMPARE(actual.decisionsPerDay.size(), expected.decisionsPerDay.size());
    for (qsizetype i = 0; i < expected.decisionsPerDay.size(); ++i) {
        QCOMPARE(actual.decisionsPerDay.at(i).date, expected.decisionsPerDay.at(i).date);
        QCOMPARE(actual.decisionsPerDay.at(i).approved, expected.decisionsPerDay.at(i).approved);
        QCOMPARE(actual.decisionsPerDay.at(i).rejected, expected.decisionsPerDay.at(i).rejected);
    }
    compareDurations(actual.timeToDecision, expected.timeToDecision, 0);
    if (QTest::currentTestFailed())
        return;
    compareDurations(actual.queueAge, expected.queueAge,
                     double(expected.generatedAt.msecsTo(actual.generatedAt)) / 1000.0);
}

} // namespace

class TestClientStats : public QObject
{
    Q_OBJECT

private slots:
    void sameFiguresInBothModes()
    {
        RestFixture server;
        SIGNOFF_REQUIRE_FIXTURE(server);
        const User alice = server.addUser(QStringLiteral("alice"), Role::Requester);
        const User rita = server.addUser(QStringLiteral("rita"), Role::Reviewer);
        Services &services = server.services();
        addFeature(services, alice, QStringLiteral("Draft"), ItemStatus::Draft, rita);
        addFeature(services, alice, QStringLiteral("Waiting"), ItemStatus::Pending, rita);
        addFeature(services, alice, QStringLiteral("Yes"), ItemStatus::Approved, rita);
        addFeature(services, alice, QStringLiteral("Also yes"), ItemStatus::Approved, rita);
        addFeature(services, alice, QStringLiteral("No"), ItemStatus::Rejected, rita);
        QVERIFY(services.orders().create(alice.actor(), NewOrder{}));

        LocalBackend local(services);
        local.actAs(rita);
        RestBackend remote(server.url());
        SIGNOFF_VERIFY_OK(await(remote.signIn(QStringLiteral("rita"), QString::fromLatin1(RestFixture::password))));

        for (const int days : {30, 7, 1}) {
            auto expected = await(local.stats(days));
            SIGNOFF_VERIFY_OK(expected);
            auto actual = await(remote.stats(days));
            SIGNOFF_VERIFY_OK(actual);
            compareStats(actual.value(), expected.value());
            if (QTest::currentTestFailed())
                return;
        }

        // Not two empty answers that agree: the figures are the ones made above.
        const Stats stats = await(remote.stats(30)).value();
        QCOMPARE(stats.itemsByStatus.value(QStringLiteral("feature")).value(QStringLiteral("approved")), 2);
        QCOMPARE(stats.itemsByStatus.value(QStringLiteral("order")).value(QStringLiteral("draft")), 1);
        QCOMPARE(stats.decisionsPerDay.size(), 30);
        QCOMPARE(stats.decisionsPerDay.last().approved, 2);
        QCOMPARE(stats.decisionsPerDay.last().rejected, 1);
        QCOMPARE(stats.timeToDecision.count, 3);
        QVERIFY(stats.timeToDecision.medianSeconds.has_value());
        QCOMPARE(stats.queueAge.count, 1);
        QVERIFY(stats.queueAge.maxSeconds.has_value());
    }

    void refusedPeriodIsTheSameError()
    {
        RestFixture server;
        SIGNOFF_REQUIRE_FIXTURE(server);
        const User rita = server.addUser(QStringLiteral("rita"), Role::Reviewer);
        LocalBackend local(server.services());
        local.actAs(rita);
        RestBackend remote(server.url());
        SIGNOFF_VERIFY_OK(await(remote.signIn(QStringLiteral("rita"), QString::fromLatin1(RestFixture::password))));

        for (const int days : {0, 366}) {
            auto expected = await(local.stats(days));
            auto actual = await(remote.stats(days));
            QVERIFY(!expected);
            QVERIFY(!actual);
            QCOMPARE(toString(actual.error().kind), toString(ErrorKind::Invalid));
            QCOMPARE(toString(actual.error().kind), toString(expected.error().kind));
            QCOMPARE(actual.error().englishSummary(), expected.error().englishSummary());
        }
    }
};

QTEST_MAIN(TestClientStats)
#include "tst_client_stats.moc"
