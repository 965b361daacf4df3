// ChangeWatcher: changes made by another process (here: another Database
// with its own connections and its own notifier) are announced within a poll.

#include "ServiceFixture.h"
#include "service/ChangeWatcher.h"
#include "storage/OpenDatabase.h"

#include <QSignalSpy>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

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

        auto database = openDatabase(writer.testDatabase().url());
        SIGNOFF_VERIFY_OK(database);
        ChangeNotifier notifier;
        ChangeWatcher watcher(*database.value(), notifier);
        QSignalSpy announced(&notifier, &ChangeNotifier::changed);

        watcher.poll(); // learns where the log stands: what happened before is old news
        watcher.poll();
        QCOMPARE(announced.count(), 0);

        auto feature = writer.services().features().create(writer.alice, NewFeature{QStringLiteral("After"), {}});
        SIGNOFF_VERIFY_OK(feature);
        SIGNOFF_VERIFY_OK(writer.services().features().transition(writer.alice, feature->id, WorkflowAction::Submit));
        auto product = writer.services().products().create(writer.adam, NewProduct{QStringLiteral("SKU"), QStringLiteral("Thing"), 5, true});
        SIGNOFF_VERIFY_OK(product);

        watcher.poll();
        QSet<QString> seen;
        for (const QList<QVariant> &signal : announced)
            seen.insert(toString(signal.at(0).value<EntityType>()) + u':' + signal.at(1).toString());
        QCOMPARE(seen, (QSet<QString>{QStringLiteral("feature:") + feature->id.toString(QUuid::WithoutBraces),
                                      QStringLiteral("product:") + product->id.toString(QUuid::WithoutBraces)}));

        announced.clear();
        watcher.poll();
        QCOMPARE(announced.count(), 0);

        // Deletions are changes too.
        SIGNOFF_VERIFY_OK(writer.services().features().remove(writer.alice, created->id));
        watcher.poll();
        QCOMPARE(announced.count(), 1);
        QCOMPARE(announced.first().at(1).toString(), created->id.toString(QUuid::WithoutBraces));
    }

    // Thousands of changes between two polls are still announced one by one
    // (saying "everything changed" would empty every read cache twice a
    // second under load); only a bulk import beyond what a poll reads is
    // announced as "everything changed", once per kind of entity.
    void aBusyLogIsAnnouncedIdByIdAndABulkImportAsEverything()
    {
        ServiceFixture writer;
        SIGNOFF_REQUIRE_FIXTURE(writer);
        auto database = openDatabase(writer.testDatabase().url());
        SIGNOFF_VERIFY_OK(database);
        ChangeNotifier notifier;
        ChangeWatcher watcher(*database.value(), notifier);
        QSignalSpy announced(&notifier, &ChangeNotifier::changed);
        watcher.poll();

        appendChanges(writer, 2500, QStringLiteral("busy-"));
        watcher.poll();
        QSet<QString> ids;
        for (const QList<QVariant> &signal : announced)
            ids.insert(signal.at(1).toString());
        QCOMPARE(announced.count(), 2500);
        QCOMPARE(ids.size(), 2500);
        QVERIFY(ids.contains(QStringLiteral("busy-1")) && ids.contains(QStringLiteral("busy-2500")));

        announced.clear();
        appendChanges(writer, 30000, QStringLiteral("bulk-"));
        watcher.poll();
        QCOMPARE(announced.count(), 4); // feature, order, product, user
        for (const QList<QVariant> &signal : announced)
            QVERIFY(signal.at(1).toString().isEmpty());

        announced.clear();
        watcher.poll(); // the rest of the import, which the first poll did not reach
        QVERIFY(announced.count() > 0);
        for (const QList<QVariant> &signal : announced)
            QVERIFY(signal.at(1).toString().startsWith(QStringLiteral("bulk-")));
    }

    void runsOnItsTimer()
    {
        ServiceFixture writer;
        SIGNOFF_REQUIRE_FIXTURE(writer);
        auto database = openDatabase(writer.testDatabase().url());
        SIGNOFF_VERIFY_OK(database);
        ChangeNotifier notifier;
        ChangeWatcher watcher(*database.value(), notifier);
        QSignalSpy announced(&notifier, &ChangeNotifier::changed);
        watcher.start(50);
        QTest::qWait(120);
        SIGNOFF_VERIFY_OK(writer.services().features().create(writer.bob, NewFeature{QStringLiteral("Timed"), {}}));
        QTRY_COMPARE_WITH_TIMEOUT(announced.count(), 1, 2000);
        watcher.stop();
    }
};

QTEST_GUILESS_MAIN(TestChangeWatcher)
#include "tst_changewatcher.moc"
