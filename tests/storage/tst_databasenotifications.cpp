// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// DatabaseNotifications on PostgreSQL (migration 20261213_cluster): what
// another Database commits is heard as it commits — also after the
// listener checked its connection (a check that left a result half read
// held every notification back until the next check, a second later) —
// its own Database's changes are not, and seals are heard too. On SQLite
// there is nothing to listen to.

#include "TestDatabase.h"
#include "domain/AuditEvent.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"
#include "storage/DatabaseNotifications.h"
#include "storage/OpenDatabase.h"

#include <QSignalSpy>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

// An audit row written through `database` (as any change writes one).
bool writeChange(Database &database, const QString &entityId)
{
    AuditEvent event;
    event.at = QDateTime::currentDateTimeUtc();
    event.actorUsername = QStringLiteral("tester");
    event.action = QStringLiteral("update");
    event.entityType = QStringLiteral("feature");
    event.entityId = entityId;
    return static_cast<bool>(database.write([&](Connection &connection) { return AuditRepository(connection).append(event); }));
}

bool heard(const QSignalSpy &spy, const QString &entityId)
{
    for (const QList<QVariant> &arguments : spy) {
        if (arguments.at(0).toString() == QStringLiteral("feature") && arguments.at(1).toString() == entityId)
            return true;
    }
    return false;
}

} // namespace

class TestDatabaseNotifications : public QObject
{
    Q_OBJECT

private slots:
    void othersChangesAreHeardEvenAfterACheck()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        if (testDatabase.dialect() != SqlDialect::Postgresql)
            QSKIP("LISTEN/NOTIFY is PostgreSQL's");
        auto writer = openDatabase(testDatabase.url());
        auto own = openDatabase(testDatabase.url());
        QVERIFY(writer && own);

        // Checks only when asked: anything heard below came by itself.
        DatabaseNotifications listener(testDatabase.url(), own.value()->instanceName(), std::chrono::hours(1));
        QSignalSpy listening(&listener, &DatabaseNotifications::listening);
        QSignalSpy changes(&listener, &DatabaseNotifications::changeCommitted);
        listener.start();
        QTRY_COMPARE_WITH_TIMEOUT(listening.count(), 1, 10000);

        QVERIFY(writeChange(*writer.value(), QStringLiteral("before-check")));
        QTRY_VERIFY_WITH_TIMEOUT(heard(changes, QStringLiteral("before-check")), 5000);

        listener.checkNow();
        QVERIFY(writeChange(*writer.value(), QStringLiteral("after-check")));
        QTRY_VERIFY_WITH_TIMEOUT(heard(changes, QStringLiteral("after-check")), 5000);

        // The listener's own Database: announced by itself already, not heard.
        QVERIFY(writeChange(*own.value(), QStringLiteral("own")));
        QVERIFY(writeChange(*writer.value(), QStringLiteral("marker")));
        QTRY_VERIFY_WITH_TIMEOUT(heard(changes, QStringLiteral("marker")), 5000);
        QVERIFY(!heard(changes, QStringLiteral("own")));
        QCOMPARE(listening.count(), 1); // the check found the connection well
    }

    void nothingToListenToOnSqlite()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        if (testDatabase.dialect() != SqlDialect::Sqlite)
            QSKIP("SQLite only");
        DatabaseNotifications listener(testDatabase.url(), QStringLiteral("signoff-test"));
        QSignalSpy listening(&listener, &DatabaseNotifications::listening);
        listener.start();
        listener.checkNow();
        QTest::qWait(100);
        QCOMPARE(listening.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseNotifications)
#include "tst_databasenotifications.moc"
