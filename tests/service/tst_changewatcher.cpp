// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// ChangeWatcher: changes made by another process (here: another Database
// with its own connections and its own notifier) are announced within a poll
// once sealed into the ordered feed (the watcher reads by position).

#include "ServiceFixture.h"
#include "service/AuditFeed.h"
#include "service/AuditSealer.h"
#include "service/ChangeWatcher.h"
#include "storage/AuditSealRepository.h"
#include "storage/OpenDatabase.h"

#include <QSignalSpy>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

// A watcher over the database `writer` ("the other process") writes to,
// through connections and a notifier of its own, and what it announces.
struct Watcher
{
    explicit Watcher(ServiceFixture &writer)
        : database(openDatabase(writer.testDatabase().url()))
    {
        if (database)
            watcher = std::make_unique<ChangeWatcher>(*database.value(), notifier);
    }
    // What the feed's thread does in a running program: seal what was
    // committed (here: everything), then the watcher reads by position.
    void poll()
    {
        sealEverything();
        watcher->poll();
    }

    // On PostgreSQL, what was just committed waits for older transactions
    // anywhere on the server (other tests' too) before it can be sealed.
    void sealEverything()
    {
        for (int attempt = 0; attempt < 100; ++attempt) {
            QVERIFY(static_cast<bool>(AuditSealer::sealPending(*database.value(), 1000)));
            auto pending = database.value()->run([](Connection &c) { return AuditSealRepository(c).unsealedCount(); });
            QVERIFY(static_cast<bool>(pending));
            if (pending.value() == 0)
                return;
            QTest::qWait(50);
        }
        QFAIL("events stayed unsealed");
    }

    Result<std::unique_ptr<Database>> database;
    ChangeNotifier notifier;
    std::unique_ptr<ChangeWatcher> watcher;
    QSignalSpy announced{&notifier, &ChangeNotifier::changed};
};

} // namespace

class TestChangeWatcher : public QObject
{
    Q_OBJECT

    // `count` audit rows at once, as a busy server or a bulk import writes them.
    static void appendChanges(ServiceFixture &f, int count, const QString &prefix)
    {
        QString error;
        QVERIFY2(f.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                                       "INSERT INTO audit_event (action, entity_type, entity_id) "
                                       "SELECT 'update', 'feature', '%2' || i FROM n")
                            .arg(count)
                            .arg(prefix),
                        &error),
                 qPrintable(error));
    }

private slots:
    void announcesWhatOthersChanged()
    {
        ServiceFixture writer; // "the other process"
        SIGNOFF_REQUIRE_FIXTURE(writer);
        auto created = writer.services().features().create(writer.alice, NewFeature{QStringLiteral("Before"), {}});
        SIGNOFF_VERIFY_OK(created);

        Watcher watching(writer);
        SIGNOFF_VERIFY_OK(watching.database);

        watching.poll(); // learns where the log stands: what happened before is old news
        watching.poll();
        QCOMPARE(watching.announced.count(), 0);

        auto feature = writer.services().features().create(writer.alice, NewFeature{QStringLiteral("After"), {}});
        SIGNOFF_VERIFY_OK(feature);
        SIGNOFF_VERIFY_OK(writer.services().features().transition(writer.alice, feature->id, WorkflowAction::Submit));
        auto product = writer.services().products().create(writer.adam, NewProduct{QStringLiteral("SKU"), QStringLiteral("Thing"), 5, true});
        SIGNOFF_VERIFY_OK(product);

        watching.poll();
        QSet<QString> seen;
        for (const QList<QVariant> &signal : watching.announced)
            seen.insert(toString(signal.at(0).value<EntityType>()) + u':' + signal.at(1).toString());
        QCOMPARE(seen, (QSet<QString>{QStringLiteral("feature:") + feature->id.toString(QUuid::WithoutBraces),
                                      QStringLiteral("product:") + product->id.toString(QUuid::WithoutBraces)}));

        watching.announced.clear();
        watching.poll();
        QCOMPARE(watching.announced.count(), 0);

        // Deletions are changes too.
        SIGNOFF_VERIFY_OK(writer.services().features().remove(writer.alice, created->id));
        watching.poll();
        QCOMPARE(watching.announced.count(), 1);
        QCOMPARE(watching.announced.first().at(1).toString(), created->id.toString(QUuid::WithoutBraces));
    }

    // Thousands of changes between two polls are still announced one by one
    // (saying "everything changed" would empty every read cache twice a
    // second under load); only a bulk import beyond what a poll reads is
    // announced as "everything changed", once per kind of entity.
    void aBusyLogIsAnnouncedIdByIdAndABulkImportAsEverything()
    {
        ServiceFixture writer;
        SIGNOFF_REQUIRE_FIXTURE(writer);
        Watcher watching(writer);
        SIGNOFF_VERIFY_OK(watching.database);
        watching.poll();

        appendChanges(writer, 2500, QStringLiteral("busy-"));
        watching.poll();
        QSet<QString> ids;
        for (const QList<QVariant> &signal : watching.announced)
            ids.insert(signal.at(1).toString());
        QCOMPARE(watching.announced.count(), 2500);
        QCOMPARE(ids.size(), 2500);
        QVERIFY(ids.contains(QStringLiteral("busy-1")) && ids.contains(QStringLiteral("busy-2500")));

        watching.announced.clear();
        appendChanges(writer, 30000, QStringLiteral("bulk-"));
        watching.poll();
        QCOMPARE(watching.announced.count(), 4); // feature, order, product, user
        for (const QList<QVariant> &signal : watching.announced)
            QVERIFY(signal.at(1).toString().isEmpty());

        watching.announced.clear();
        watching.poll(); // the rest of the import, which the first poll did not reach
        QVERIFY(watching.announced.count() > 0);
        for (const QList<QVariant> &signal : watching.announced)
            QVERIFY(signal.at(1).toString().startsWith(QStringLiteral("bulk-")));
    }

    void runsOnItsTimer()
    {
        ServiceFixture writer;
        SIGNOFF_REQUIRE_FIXTURE(writer);
        Watcher watching(writer);
        SIGNOFF_VERIFY_OK(watching.database);
        watching.sealEverything(); // the watcher's first look finds the fixture's events sealed
        AuditFeed feed(*watching.database.value(), watching.notifier);
        // Without LISTEN: what is announced here, the watcher announced.
        feed.start(AuditFeed::Options{std::chrono::milliseconds(50), std::chrono::milliseconds(10), false});
        watching.watcher->start(50);
        QTest::qWait(120);
        SIGNOFF_VERIFY_OK(writer.services().features().create(writer.bob, NewFeature{QStringLiteral("Timed"), {}}));
        QTRY_COMPARE_WITH_TIMEOUT(watching.announced.count(), 1, 2000);
        watching.watcher->stop();
    }
};

QTEST_GUILESS_MAIN(TestChangeWatcher)
#include "tst_changewatcher.moc"
