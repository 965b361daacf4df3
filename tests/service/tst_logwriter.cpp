// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// LogWriter, Qt's message handler while it lives: every line arrives whole
// and in order, warnings and errors are written before the call that logged
// them returns, other lines follow within their batch window, the message
// pattern applies, and the handler that was there before comes back.

#include "service/LogWriter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryFile>
#include <QThread>
#include <QtTest>
#include <memory>
#include <vector>

using namespace signoff;

namespace {

Q_LOGGING_CATEGORY(lcTest, "signoff.test", QtInfoMsg)

QStringList handledElsewhere;

void rememberingHandler(QtMsgType, const QMessageLogContext &, const QString &message)
{
    handledElsewhere.append(message);
}

QStringList linesOf(QTemporaryFile &file)
{
    QFile reader(file.fileName());
    if (!reader.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(reader.readAll()).split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestLogWriter : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        qSetMessagePattern(QStringLiteral("%{category}: %{message}"));
    }

    void linesFromManyThreadsArriveWholeAndInOrder()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        constexpr int threads = 4;
        constexpr int linesEach = 5000;
        {
            LogWriter writer(file.handle());
            std::vector<std::unique_ptr<QThread>> loggers;
            for (int t = 0; t < threads; ++t) {
                loggers.emplace_back(QThread::create([t] {
                    for (int i = 0; i < linesEach; ++i)
                        qCInfo(lcTest).noquote() << QStringLiteral("thread %1 line %2 %3").arg(t).arg(i).arg(QString(i % 97, u'é'));
                }));
                loggers.back()->start();
            }
            for (auto &logger : loggers)
                QVERIFY(logger->wait(60000));
        }
        const QStringList lines = linesOf(file);
        QCOMPARE(lines.size(), threads * linesEach);
        std::vector<int> next(threads, 0);
        for (const QString &line : lines) {
            const QStringList words = line.split(u' ');
            QCOMPARE(words.size(), 6);
            QCOMPARE(words.at(0), QStringLiteral("signoff.test:"));
            const int thread = words.at(2).toInt();
            const int index = words.at(4).toInt();
            QCOMPARE(index, next[thread]);
            QCOMPARE(words.at(5), QString(index % 97, u'é'));
            ++next[thread];
        }
    }

    void aWarningIsWrittenBeforeTheCallReturnsWithWhatCameBefore()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        LogWriter writer(file.handle());
        qCInfo(lcTest) << "first";
        qCInfo(lcTest) << "second";
        qCWarning(lcTest) << "careful";
        QCOMPARE(linesOf(file), (QStringList{QStringLiteral("signoff.test: first"), QStringLiteral("signoff.test: second"),
                                             QStringLiteral("signoff.test: careful")}));
        qCCritical(lcTest) << "failed";
        QCOMPARE(linesOf(file).size(), 4);
    }

    void otherLinesFollowWithoutAFlush()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        LogWriter writer(file.handle());
        qCInfo(lcTest) << "on its way";
        QElapsedTimer waited;
        waited.start();
        while (linesOf(file).isEmpty() && waited.elapsed() < 10000)
            QThread::msleep(5);
        QCOMPARE(linesOf(file), QStringList{QStringLiteral("signoff.test: on its way")});

        qCInfo(lcTest) << "flushed";
        writer.flush();
        QCOMPARE(linesOf(file).size(), 2);
        LogWriter::flushActive();
    }

    void theMessagePatternApplies()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        {
            LogWriter writer(file.handle());
            qSetMessagePattern(QStringLiteral("%{type}|%{category}|%{message}"));
            qCInfo(lcTest) << "patterned";
            qCDebug(lcTest) << "filtered out by the category";
        }
        QCOMPARE(linesOf(file), QStringList{QStringLiteral("info|signoff.test|patterned")});
    }

    void theHandlerBeforeComesBack()
    {
        const QtMessageHandler before = qInstallMessageHandler(&rememberingHandler);
        handledElsewhere.clear();
        {
            QTemporaryFile file;
            QVERIFY(file.open());
            LogWriter writer(file.handle());
            qCInfo(lcTest) << "to the file";
        }
        qCInfo(lcTest).noquote() << "to the handler before";
        qInstallMessageHandler(before);
        QCOMPARE(handledElsewhere, QStringList{QStringLiteral("to the handler before")});
        LogWriter::flushActive(); // no writer: nothing to do
    }
};

QTEST_GUILESS_MAIN(TestLogWriter)
#include "tst_logwriter.moc"
