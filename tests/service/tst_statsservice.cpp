// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The dashboard's figures (docs/design.md, "The dashboard's figures") computed
// by the database: counts by kind and status, decisions per day, time from
// submission to decision, and the review queue's age, on SQLite and PostgreSQL.

#include "ServiceFixture.h"
#include "domain/Clock.h"
#include "domain/Timestamp.h"

#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

// An audit event written as the workflow would have, at a chosen time.
bool recordEvent(ServiceFixture &f, const QString &entityId, const QString &action, const QString &from,
                 const QString &to, const QDateTime &at)
{
    QString error;
    const bool ok = f.exec(QStringLiteral("INSERT INTO audit_event (at, actor_username, action, entity_type, entity_id, "
                                          "from_status, to_status, version) VALUES ('%1', 'rita', '%2', 'feature', '%3', "
                                          "'%4', '%5', 2)")
                               .arg(QString::fromLatin1(utcTimestampText(at)), action, entityId, from, to),
                           &error);
    if (!ok)
        qWarning() << error;
    return ok;
}

qint64 sumOf(const QList<DecisionDay> &days, qint64 DecisionDay::*member)
{
    qint64 sum = 0;
    for (const DecisionDay &day : days)
        sum += day.*member;
    return sum;
}

} // namespace

class TestStatsService : public QObject
{
    Q_OBJECT

private slots:
    void anEmptyDeskHasZeroesAndEveryDay()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto stats = f.services().stats().compute(f.alice);
        SIGNOFF_VERIFY_OK(stats);
        QCOMPARE(stats->days, 30);
        QCOMPARE(stats->decisionsPerDay.size(), 30);
        QCOMPARE(stats->decisionsPerDay.first().date, stats->firstDay);
        QCOMPARE(stats->decisionsPerDay.last().date, stats->generatedAt.date());
        QCOMPARE(stats->firstDay.daysTo(stats->generatedAt.date()), 29);
        QCOMPARE(stats->itemsByStatus.keys(), (QStringList{QStringLiteral("feature"), QStringLiteral("order")}));
        for (const auto &byStatus : stats->itemsByStatus) {
            QCOMPARE(byStatus.keys(), (QStringList{QStringLiteral("approved"), QStringLiteral("draft"),
                                                    QStringLiteral("pending"), QStringLiteral("rejected")}));
            for (const qint64 count : byStatus)
                QCOMPARE(count, 0);
        }
        QCOMPARE(stats->timeToDecision.count, 0);
        QVERIFY(!stats->timeToDecision.medianSeconds);
        QVERIFY(!stats->queueAge.p90Seconds);
    }

    void theWindowIsOneToAYear()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        for (const int days : {0, -1, 366}) {
            auto refused = f.services().stats().compute(f.alice, days);
            SIGNOFF_VERIFY_ERROR(refused, Invalid);
            QCOMPARE(refused.error().fields.size(), 1);
            QCOMPARE(refused.error().fields.first().field, QStringLiteral("days"));
        }
        auto day = f.services().stats().compute(f.alice, 1);
        SIGNOFF_VERIFY_OK(day);
        QCOMPARE(day->decisionsPerDay.size(), 1);
        QCOMPARE(day->firstDay, day->generatedAt.date());
        auto year = f.services().stats().compute(f.alice, 365);
        SIGNOFF_VERIFY_OK(year);
        QCOMPARE(year->decisionsPerDay.size(), 365);
    }

    void itemsAreCountedByKindAndStatus()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto &features = f.services().features();
        QList<Feature> made;
        for (const QString &name : {QStringLiteral("Draft"), QStringLiteral("Waiting"), QStringLiteral("Yes"), QStringLiteral("No")}) {
            auto feature = features.create(f.alice, NewFeature{name, {}});
            SIGNOFF_VERIFY_OK(feature);
            made.append(feature.value());
        }
        for (int i = 1; i < 4; ++i)
            SIGNOFF_VERIFY_OK(features.transition(f.alice, made[i].id, WorkflowAction::Submit, 1));
        SIGNOFF_VERIFY_OK(features.transition(f.rita, made[2].id, WorkflowAction::Approve, 2));
        SIGNOFF_VERIFY_OK(features.transition(f.rita, made[3].id, WorkflowAction::Reject, 2, QStringLiteral("not now")));
        auto pen = f.services().products().create(f.adam, NewProduct{QStringLiteral("PEN"), QStringLiteral("Pen"), 150, true});
        SIGNOFF_VERIFY_OK(pen);
        SIGNOFF_VERIFY_OK(f.services().orders().create(f.bob, NewOrder{{{pen->id, 2}}, {}}));

        auto stats = f.services().stats().compute(f.bob);
        SIGNOFF_VERIFY_OK(stats);
        const auto feature = stats->itemsByStatus.value(QStringLiteral("feature"));
        QCOMPARE(feature.value(QStringLiteral("draft")), 1);
        QCOMPARE(feature.value(QStringLiteral("pending")), 1);
        QCOMPARE(feature.value(QStringLiteral("approved")), 1);
        QCOMPARE(feature.value(QStringLiteral("rejected")), 1);
        QCOMPARE(stats->itemsByStatus.value(QStringLiteral("order")).value(QStringLiteral("draft")), 1);
        QCOMPARE(stats->itemsByStatus.value(QStringLiteral("order")).value(QStringLiteral("pending")), 0);
        // Today's decisions, made a moment ago through the workflow.
        QCOMPARE(stats->decisionsPerDay.last().approved, 1);
        QCOMPARE(stats->decisionsPerDay.last().rejected, 1);
        QCOMPARE(stats->timeToDecision.count, 2);
        QVERIFY(*stats->timeToDecision.medianSeconds >= 0);
        QCOMPARE(stats->queueAge.count, 1);
    }

    // Durations from events at known times: the latest submission before a
    // decision starts its wait; partial approvals and older decisions do not
    // count; percentiles are by nearest rank.
    void waitsAreMeasuredFromTheLatestSubmission()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QDateTime now = utcNow().addSecs(7200);
        const QString a = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString b = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString c = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString old = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(recordEvent(f, a, QStringLiteral("submit"), QStringLiteral("draft"), QStringLiteral("pending"), now.addSecs(-1000)));
        QVERIFY(recordEvent(f, a, QStringLiteral("approve"), QStringLiteral("pending"), QStringLiteral("approved"), now.addSecs(-900)));
        QVERIFY(recordEvent(f, b, QStringLiteral("submit"), QStringLiteral("draft"), QStringLiteral("pending"), now.addSecs(-9000)));
        QVERIFY(recordEvent(f, b, QStringLiteral("withdraw"), QStringLiteral("pending"), QStringLiteral("draft"), now.addSecs(-8000)));
        QVERIFY(recordEvent(f, b, QStringLiteral("submit"), QStringLiteral("draft"), QStringLiteral("pending"), now.addSecs(-5000)));
        QVERIFY(recordEvent(f, b, QStringLiteral("approve"), QStringLiteral("pending"), QStringLiteral("pending"), now.addSecs(-4900)));
        QVERIFY(recordEvent(f, b, QStringLiteral("reject"), QStringLiteral("pending"), QStringLiteral("rejected"), now.addSecs(-4700)));
        QVERIFY(recordEvent(f, c, QStringLiteral("submit"), QStringLiteral("draft"), QStringLiteral("pending"), now.addSecs(-3000)));
        QVERIFY(recordEvent(f, c, QStringLiteral("approve"), QStringLiteral("pending"), QStringLiteral("approved"), now.addSecs(-2400)));
        QVERIFY(recordEvent(f, old, QStringLiteral("submit"), QStringLiteral("draft"), QStringLiteral("pending"), now.addDays(-41)));
        QVERIFY(recordEvent(f, old, QStringLiteral("approve"), QStringLiteral("pending"), QStringLiteral("approved"), now.addDays(-40)));

        auto stats = f.services().stats().compute(f.alice, 30, now);
        SIGNOFF_VERIFY_OK(stats);
        QCOMPARE(stats->generatedAt, now);
        QCOMPARE(stats->timeToDecision.count, 3); // waits 100, 300, 600
        QCOMPARE(*stats->timeToDecision.medianSeconds, 300.0);
        QCOMPARE(*stats->timeToDecision.p90Seconds, 600.0);
        QCOMPARE(*stats->timeToDecision.maxSeconds, 600.0);
        QCOMPARE(sumOf(stats->decisionsPerDay, &DecisionDay::approved), 2);
        QCOMPARE(sumOf(stats->decisionsPerDay, &DecisionDay::rejected), 1);

        // A longer window takes the old decision in: waits 100, 300, 600, 86400.
        auto longer = f.services().stats().compute(f.alice, 60, now);
        SIGNOFF_VERIFY_OK(longer);
        QCOMPARE(longer->timeToDecision.count, 4);
        QCOMPARE(*longer->timeToDecision.medianSeconds, 300.0);
        QCOMPARE(*longer->timeToDecision.p90Seconds, 86400.0);
        QCOMPARE(sumOf(longer->decisionsPerDay, &DecisionDay::approved), 3);
        const QDate oldDay = now.addDays(-40).date();
        for (const DecisionDay &day : longer->decisionsPerDay) {
            if (day.date == oldDay)
                QCOMPARE(day.approved, 1);
        }
    }

    void theQueueAgesFromEachItemsLatestSubmission()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto &features = f.services().features();
        QList<QUuid> pending;
        for (const QString &name : {QStringLiteral("One"), QStringLiteral("Two"), QStringLiteral("Three")}) {
            auto feature = features.create(f.alice, NewFeature{name, {}});
            SIGNOFF_VERIFY_OK(feature);
            SIGNOFF_VERIFY_OK(features.transition(f.alice, feature->id, WorkflowAction::Submit, 1));
            pending.append(feature->id);
        }
        const QDateTime submitted = utcNow();
        // Seen an hour, a day and a week after their submission.
        for (const qint64 later : {3600, 86400, 7 * 86400}) {
            auto stats = f.services().stats().compute(f.alice, 30, submitted.addSecs(later));
            SIGNOFF_VERIFY_OK(stats);
            QCOMPARE(stats->queueAge.count, 3);
            QVERIFY2(*stats->queueAge.maxSeconds <= later + 60 && *stats->queueAge.medianSeconds >= later - 60,
                     qPrintable(QString::number(*stats->queueAge.medianSeconds)));
        }
        // Decided items leave the queue.
        SIGNOFF_VERIFY_OK(features.transition(f.rita, pending.first(), WorkflowAction::Approve, 2));
        auto after = f.services().stats().compute(f.alice);
        SIGNOFF_VERIFY_OK(after);
        QCOMPARE(after->queueAge.count, 2);
    }
};

QTEST_GUILESS_MAIN(TestStatsService)
#include "tst_statsservice.moc"
