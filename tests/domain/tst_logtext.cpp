// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// logText(): what a client sent stays on its own log line, readable.

#include "domain/LogText.h"

#include <QtTest>

using namespace signoff;

class TestLogText : public QObject
{
    Q_OBJECT

private slots:
    void escapes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("logged");
        QTest::newRow("plain") << QStringLiteral("alice") << QStringLiteral("alice");
        QTest::newRow("a forged line") << QStringLiteral("x\nsignoff.service: token issued to eve")
                                       << QStringLiteral("x\\nsignoff.service: token issued to eve");
        QTest::newRow("carriage return and tab") << QStringLiteral("a\rb\tc") << QStringLiteral("a\\rb\\tc");
        QTest::newRow("ANSI escape") << QStringLiteral("\x1b[31mred") << QStringLiteral("\\x1B[31mred");
        QTest::newRow("NUL and DEL") << QString::fromUtf16(u"a\u0000b\u007f", 4) << QStringLiteral("a\\x00b\\x7F");
        QTest::newRow("C1 control") << QString::fromUtf16(u"a\u0085b") << QStringLiteral("a\\x85b");
        QTest::newRow("backslash is doubled") << QStringLiteral("a\\nb") << QStringLiteral("a\\\\nb");
        QTest::newRow("direction override") << QString::fromUtf16(u"a\u202eb") << QStringLiteral("a\\u202Eb");
        QTest::newRow("line separator") << QString::fromUtf16(u"a\u2028b") << QStringLiteral("a\\u2028b");
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << QStringLiteral("\\uD800");
        QTest::newRow("umlauts and emoji stay") << QString::fromUtf16(u"Gr\u00fc\u00dfe \U0001F600")
                                               << QString::fromUtf16(u"Gr\u00fc\u00dfe \U0001F600");
    }
    void escapes()
    {
        QFETCH(QString, text);
        QFETCH(QString, logged);
        QCOMPARE(logText(text), logged);
    }

    void longTextIsCut()
    {
        QCOMPARE(logText(QString(300, u'a'), 10), QString(10, u'a') + QChar(0x2026));
        QCOMPARE(logText(QString(10, u'a'), 10), QString(10, u'a'));
    }
};

QTEST_GUILESS_MAIN(TestLogText)
#include "tst_logtext.moc"
