// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// `signoff serve` as a process: first start on an empty database creates
// admin and prints its password once, the printed URL answers, SIGTERM stops
// it cleanly (exit 0); bad options are exit 2, a busy port exit 1.

#include "RestTestSupport.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QtTest>

#include <csignal>

using namespace signoff;
using namespace signoff::test;

namespace {

QString binary()
{
    return qEnvironmentVariable("SIGNOFF_BINARY");
}

// Reads standard error until `pattern` matches; the whole text so far.
bool waitForLine(QProcess &process, const QRegularExpression &pattern, QString *text, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        *text += QString::fromUtf8(process.readAllStandardError());
        if (pattern.match(*text).hasMatch())
            return true;
        if (process.state() == QProcess::NotRunning)
            return false;
        process.waitForReadyRead(200);
    }
    return false;
}

} // namespace

class TestRestServe : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(binary()), "SIGNOFF_BINARY must name the built signoff executable");
    }

    void servesUntilSigterm()
    {
        TestDatabase database;
        SIGNOFF_REQUIRE_DATABASE(database);
        QProcess serve;
        serve.start(binary(), {QStringLiteral("--database"), database.urlString(), QStringLiteral("serve"),
                               QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QVERIFY(serve.waitForStarted());
        QString output;
        const QRegularExpression listening(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
        QVERIFY2(waitForLine(serve, listening, &output), qPrintable(output));
        const QRegularExpressionMatch password =
            QRegularExpression(QStringLiteral("signoff: created user admin with password (\\S+) — change it")).match(output);
        QVERIFY2(password.hasMatch(), qPrintable(output));
        QCOMPARE(output.count(password.captured(1)), 1);
        const QUrl url(listening.match(output).captured(1));

        QNetworkAccessManager network;
        QNetworkRequest login(QUrl(url.toString() + QStringLiteral("/api/v1/auth/token")));
        login.setRawHeader("Content-Type", "application/json");
        const Reply token = collect(network.post(login, QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("admin")},
                                                                                  {QStringLiteral("password"), password.captured(1)}})
                                                            .toJson()));
        QCOMPARE(token.status, 200);
        QNetworkRequest me(QUrl(url.toString() + QStringLiteral("/api/v1/user/me")));
        me.setRawHeader("Authorization", "Bearer " + token.json.value(QStringLiteral("token")).toString().toLatin1());
        const Reply user = collect(network.get(me));
        QCOMPARE(user.status, 200);
        QCOMPARE(user.json.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));

        ::kill(pid_t(serve.processId()), SIGTERM);
        QVERIFY(serve.waitForFinished(15000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
        output += QString::fromUtf8(serve.readAllStandardError());
        QVERIFY2(!output.contains(token.json.value(QStringLiteral("token")).toString()), "a token was logged");

        // Second start: users exist, no password is printed; SIGINT stops it too.
        QProcess again;
        again.start(binary(), {QStringLiteral("--database"), database.urlString(), QStringLiteral("serve"),
                               QStringLiteral("--listen"), QStringLiteral("localhost:0"), QStringLiteral("--rate-limit"), QStringLiteral("0")});
        QString secondOutput;
        QVERIFY2(waitForLine(again, listening, &secondOutput), qPrintable(secondOutput));
        QVERIFY(!secondOutput.contains(QStringLiteral("password")));
        ::kill(pid_t(again.processId()), SIGINT);
        QVERIFY(again.waitForFinished(15000));
        QCOMPARE(again.exitCode(), 0);
    }

    void badOptionsAreExit2()
    {
        for (const QStringList &options : {QStringList{QStringLiteral("--listen"), QStringLiteral("nowhere")},
                                           QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:70000")},
                                           QStringList{QStringLiteral("--listen"), QStringLiteral("::1:8080")},
                                           QStringList{QStringLiteral("--rate-limit"), QStringLiteral("-1")},
                                           QStringList{QStringLiteral("--rate-limit"), QStringLiteral("lots")}}) {
            QProcess serve;
            serve.start(binary(), QStringList{QStringLiteral("serve")} + options);
            QVERIFY(serve.waitForFinished(15000));
            QCOMPARE(serve.exitCode(), 2);
            const QString error = QString::fromUtf8(serve.readAllStandardError()).trimmed();
            QVERIFY2(!error.contains(u'\n') && error.startsWith(QStringLiteral("signoff: ")), qPrintable(error));
        }
    }

    void busyPortIsExit1()
    {
        QTcpServer occupant;
        QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
        TestDatabase database;
        SIGNOFF_REQUIRE_DATABASE(database);
        QProcess serve;
        serve.start(binary(), {QStringLiteral("--database"), database.urlString(), QStringLiteral("serve"), QStringLiteral("--listen"),
                               QStringLiteral("127.0.0.1:%1").arg(occupant.serverPort())});
        QVERIFY(serve.waitForFinished(30000));
        QCOMPARE(serve.exitCode(), 1);
        const QString error = QString::fromUtf8(serve.readAllStandardError());
        QVERIFY2(error.contains(QStringLiteral("signoff: Port %1 on 127.0.0.1 is busy").arg(occupant.serverPort())), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestRestServe)
#include "tst_rest_serve.moc"
