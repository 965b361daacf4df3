// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// AuditFeed: the ordered feed's thread seals what this process commits soon
// after the change is announced, and what another process commits on its
// poll, and says how far the feed goes.

#include "ServiceFixture.h"
#include "service/AuditFeed.h"
#include "storage/AuditSealRepository.h"
#include "storage/OpenDatabase.h"

#include <QSignalSpy>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

class TestAuditFeed : public QObject
{
    Q_OBJECT

private slots:
    void sealsWhatThisProcessCommits()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        AuditFeed &feed = f.services().feed();
        QSignalSpy advanced(&feed, &AuditFeed::advanced);
        // A poll too slow to matter: the announcement of the change seals it.
        feed.start(AuditFeed::Options{std::chrono::milliseconds(60000), std::chrono::milliseconds(10)});
        // Each check announces a change: on PostgreSQL a pass can find nothing
        // sealable yet while another test's transaction holds the snapshot's
        // xmin back, and with this slow a poll only an announcement retries.
        const auto announced = [&f] {
            f.notifier().announce(EntityType::Feature, QString());
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(announced() && feed.latestPosition() == f.count(QStringLiteral("audit_event")), 30000);
        const qint64 start = feed.latestPosition();

        auto feature = f.services().features().create(f.alice, NewFeature{QStringLiteral("Sealed soon"), {}});
        SIGNOFF_VERIFY_OK(feature);
        QTRY_VERIFY_WITH_TIMEOUT(announced() && feed.latestPosition() == start + 1, 30000);
        QVERIFY(!advanced.isEmpty());
        QCOMPARE(advanced.last().at(0).toLongLong(), start + 1);

        auto events = f.database().run([&](Connection &c) { return AuditSealRepository(c).eventsAfter(start, 10); });
        SIGNOFF_VERIFY_OK(events);
        QCOMPARE(events->size(), 1);
        QCOMPARE(events->first().event.entityId, feature->id.toString(QUuid::WithoutBraces));
        feed.stop();
        QVERIFY(!feed.isRunning());
    }

    void sealsWhatAnotherProcessCommits()
    {
        ServiceFixture writer; // "the other process", whose own feed does not run
        SIGNOFF_REQUIRE_FIXTURE(writer);
        auto database = openDatabase(writer.testDatabase().url());
        SIGNOFF_VERIFY_OK(database);
        ChangeNotifier notifier;
        AuditFeed feed(*database.value(), notifier);
        feed.start(AuditFeed::Options{std::chrono::milliseconds(50), std::chrono::milliseconds(10)});
        QTRY_VERIFY_WITH_TIMEOUT(feed.latestPosition() == writer.count(QStringLiteral("audit_event")), 5000);
        const qint64 start = feed.latestPosition();
        SIGNOFF_VERIFY_OK(writer.services().features().create(writer.bob, NewFeature{QStringLiteral("Elsewhere"), {}}));
        QTRY_COMPARE_WITH_TIMEOUT(feed.latestPosition(), start + 1, 5000);
        feed.stop();
    }
};

QTEST_GUILESS_MAIN(TestAuditFeed)
#include "tst_auditfeed.moc"
