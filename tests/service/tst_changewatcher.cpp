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
