// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "storage/SqlValues.h"

#include <QRandomGenerator>
#include <QTimeZone>
#include <QtTest/QTest>

using namespace signoff;

// How values are written for SQL. Timestamps are compared as text by SQLite
// (lists order by them, keyset pages start after them), so the text written
// must be exactly what the rest of the data holds: Qt's ISO format with
// milliseconds, in UTC, for every instant.
class TestSqlValues : public QObject
{
    Q_OBJECT

    static QString qtText(qint64 msecs)
    {
        return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs);
    }

    static QString written(qint64 msecs)
    {
        return sql::fromTime(QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC)).toString();
    }

private slots:
    void timesAreWrittenAsQtWritesThem_data()
    {
        QTest::addColumn<qint64>("msecs");
        QTest::newRow("epoch") << qint64(0);
        QTest::newRow("just before the epoch") << qint64(-1);
        QTest::newRow("leap day 2000") << QDateTime(QDate(2000, 2, 29), QTime(12, 34, 56, 789), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("day after 2100-02-28 (no leap day)")
            << QDateTime(QDate(2100, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("last millisecond of a year")
            << QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("year 9999") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("year 1969, afternoon")
            << QDateTime(QDate(1969, 7, 20), QTime(20, 17, 40, 5), Qt::UTC).toMSecsSinceEpoch();
    }

    void timesAreWrittenAsQtWritesThem()
    {
        QFETCH(qint64, msecs);
        QCOMPARE(written(msecs), qtText(msecs));
    }

    void randomInstantsFromYear1To9999AreWrittenAsQtWritesThem()
    {
        const qint64 first = QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 last = QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
        QRandomGenerator random(20261126);
        for (int i = 0; i < 20000; ++i) {
            const qint64 msecs = first + qint64(random.generate64() % quint64(last - first + 1));
            QCOMPARE(written(msecs), qtText(msecs));
        }
    }

    void otherTimeZonesAreWrittenInUtc()
    {
        const QDateTime local(QDate(2026, 11, 26), QTime(22, 30, 0, 250), QTimeZone(3600));
        QCOMPARE(sql::fromTime(local).toString(), QStringLiteral("2026-11-26T21:30:00.250Z"));
    }

    void yearsBeyond9999AreWrittenAsQtWritesThem()
    {
        const QDateTime far(QDate(12345, 6, 7), QTime(8, 9, 10, 11), Qt::UTC);
        QCOMPARE(sql::fromTime(far).toString(), far.toString(Qt::ISODateWithMs));
    }

    void writtenTimesReadBackEqual()
    {
        QRandomGenerator random(7);
        for (int i = 0; i < 1000; ++i) {
            const qint64 msecs = qint64(random.generate64() % quint64(4102444800000)); // 1970..2100
            const QDateTime time = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
            QCOMPARE(sql::toTime(sql::fromTime(time)), time);
        }
    }

    void anInvalidTimeIsWrittenAsNull()
    {
        const QVariant value = sql::fromTime(QDateTime());
        QVERIFY(value.isNull());
        QCOMPARE(value.metaType(), QMetaType::fromType<QString>());
    }
};

QTEST_GUILESS_MAIN(TestSqlValues)
#include "tst_sqlvalues.moc"
