// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "domain/Identifier.h"

#include <QDateTime>
#include <QSet>
#include <QThread>
#include <QtTest/QTest>

using namespace signoff;

// New row ids are UUIDs of version 7: valid UUIDs for every client, and in
// the order they were made, so that indexes keyed by them grow at their end.
class TestIdentifier : public QObject
{
    Q_OBJECT

    static quint64 milliseconds(const QUuid &id)
    {
        const QByteArray bytes = id.toRfc4122();
        quint64 value = 0;
        for (int i = 0; i < 6; ++i)
            value = (value << 8) | quint8(bytes[i]);
        return value;
    }

private slots:
    void isAVersion7UuidOfTheRfcVariant()
    {
        const QUuid id = newIdentifier();
        QVERIFY(!id.isNull());
        QCOMPARE(id.variant(), QUuid::DCE); // (Qt 6.4's version() knows versions up to 5 only)
        QCOMPARE(quint8(id.toRfc4122().at(6)) >> 4, 7);
        const QString text = id.toString(QUuid::WithoutBraces);
        QCOMPARE(text.size(), 36);
        QCOMPARE(text.at(14), QLatin1Char('7'));
        QCOMPARE(QUuid::fromString(text), id);
    }

    void carriesTheTimeItWasMade()
    {
        const quint64 before = quint64(QDateTime::currentMSecsSinceEpoch());
        const QUuid id = newIdentifier();
        const quint64 after = quint64(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(milliseconds(id) >= before);
        QVERIFY(milliseconds(id) <= after);
    }

    void laterIdsSortAfterEarlierOnesAsText()
    {
        const QString earlier = newIdentifier().toString(QUuid::WithoutBraces);
        QThread::msleep(2);
        const QString later = newIdentifier().toString(QUuid::WithoutBraces);
        QVERIFY2(earlier < later, qPrintable(earlier + QStringLiteral(" >= ") + later));
    }

    // Made one after another, even within a millisecond: each sorts after
    // the one before (newest-first lists break ties by id).
    void idsIncreaseStrictlyWithinAMillisecond()
    {
        QString previous = newIdentifier().toString(QUuid::WithoutBraces);
        for (int i = 0; i < 20000; ++i) {
            const QString next = newIdentifier().toString(QUuid::WithoutBraces);
            QVERIFY2(previous < next, qPrintable(previous + QStringLiteral(" >= ") + next));
            previous = next;
        }
    }

    void idsMadeInTheSameMillisecondDiffer()
    {
        QSet<QUuid> seen;
        for (int i = 0; i < 100000; ++i)
            seen.insert(newIdentifier());
        QCOMPARE(seen.size(), 100000);
    }
};

QTEST_GUILESS_MAIN(TestIdentifier)
#include "tst_identifier.moc"
