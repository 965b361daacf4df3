// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// `signoff serve` as a process: first start on an empty database creates
// admin and prints its password once, the printed URL answers, SIGTERM stops
// it cleanly (exit 0) after draining (/readyz 503 first, requests in flight
// finish, event streams end); bad options are exit 2, a busy port exit 1.

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

    // SIGTERM: /readyz answers 503 at once while requests are still served
    // (each closing its connection); a second signal ends the drain delay;
    // then the server stops accepting, a request it had begun still gets its
    // answer, the event stream ends, and the process exits 0.
    void drainsOnSigterm()
    {
        TestDatabase database;
        SIGNOFF_REQUIRE_DATABASE(database);
        QProcess serve;
        // A drain delay far longer than the test: the second signal ends it.
        serve.start(binary(), {QStringLiteral("--database"), database.urlString(), QStringLiteral("serve"),
                               QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--rate-limit"),
                               QStringLiteral("0"), QStringLiteral("--drain-seconds"), QStringLiteral("600")});
        QVERIFY(serve.waitForStarted());
        QString output;
        const QRegularExpression listening(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
        QVERIFY2(waitForLine(serve, listening, &output), qPrintable(output));
        const QString password =
            QRegularExpression(QStringLiteral("created user admin with password (\\S+) ")).match(output).captured(1);
        const QUrl url(listening.match(output).captured(1));
        auto killAtEnd = qScopeGuard([&] { serve.kill(); serve.waitForFinished(); });

        const auto get = [&url](const QByteArray &path, const QByteArray &headers = {}) {
            RawClient client(url);
            client.send(rawRequest("GET", path, headers));
            return client.readResponse(10000);
        };
        QCOMPARE(get("/readyz").status, 200);
        RawClient signIn(url);
        signIn.send(rawRequest("POST", "/api/v1/auth/token", {},
                               QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("admin")},
                                                         {QStringLiteral("password"), password}})
                                   .toJson(QJsonDocument::Compact)));
        const QByteArray token = signIn.readResponse(10000).json.value(QStringLiteral("token")).toString().toLatin1();
        QVERIFY(!token.isEmpty());
        const QByteArray bearer = "Authorization: Bearer " + token + "\r\n";

        QTcpSocket stream;
        stream.connectToHost(url.host(), quint16(url.port()));
        stream.write("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n" + bearer + "\r\n");
        QByteArray streamed;
        while (!streamed.contains("\r\n\r\n") && stream.waitForReadyRead(10000))
            streamed += stream.readAll();
        QVERIFY2(streamed.startsWith("HTTP/1.1 200"), streamed.constData());

        // A request in flight across both signals: its head and half its body now.
        const QByteArray body = R"({"name":"Begun before the drain"})";
        RawClient early(url);
        const QByteArray whole = rawRequest("POST", "/api/v1/feature", bearer, body);
        early.send(whole.left(whole.size() - 10));

        ::kill(pid_t(serve.processId()), SIGTERM);
        Reply ready;
        for (int i = 0; i < 200; ++i) { // the signal is handled asynchronously: ask until it is
            ready = get("/readyz");
            if (ready.status != 200)
                break;
            QTest::qWait(25);
        }
        QCOMPARE(ready.status, 503);
        QCOMPARE(ready.header("content-type"), QByteArray("application/problem+json"));
        QCOMPARE(ready.json.value(QStringLiteral("type")).toString(), QStringLiteral("https://signoff.example/problems/draining"));
        // Still served, each answer closing its connection.
        const Reply me = get("/api/v1/user/me", bearer);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.header("connection").toLower(), QByteArray("close"));
        RawClient during(url);
        during.send(rawRequest("POST", "/api/v1/feature", bearer, R"({"name":"Made while draining"})"));
        QCOMPARE(during.readResponse(10000).status, 201);
        QCOMPARE(serve.state(), QProcess::Running);

        // The second signal: no new connections from now on.
        ::kill(pid_t(serve.processId()), SIGTERM);
        bool refused = false;
        for (int i = 0; i < 200 && !refused; ++i) {
            QTcpSocket probe;
            probe.connectToHost(url.host(), quint16(url.port()));
            refused = !probe.waitForConnected(5000);
            if (!refused)
                QTest::qWait(25);
        }
        QVERIFY(refused);
        early.send(whole.right(10));
        const Reply finished = early.readResponse(10000);
        QCOMPARE(finished.status, 201);
        QCOMPARE(finished.json.value(QStringLiteral("name")).toString(), QStringLiteral("Begun before the drain"));

        while (stream.state() == QAbstractSocket::ConnectedState && stream.waitForReadyRead(10000))
            streamed += stream.readAll();
        QCOMPARE(stream.state(), QAbstractSocket::UnconnectedState);
        QVERIFY(serve.waitForFinished(15000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
        output += QString::fromUtf8(serve.readAllStandardError());
        QVERIFY2(output.contains(QStringLiteral("stopping: /readyz answers 503")), qPrintable(output));
    }

    void badOptionsAreExit2()
    {
        for (const QStringList &options : {QStringList{QStringLiteral("--listen"), QStringLiteral("nowhere")},
                                           QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:70000")},
                                           QStringList{QStringLiteral("--listen"), QStringLiteral("::1:8080")},
                                           QStringList{QStringLiteral("--rate-limit"), QStringLiteral("-1")},
                                           QStringList{QStringLiteral("--rate-limit"), QStringLiteral("lots")},
                                           QStringList{QStringLiteral("--drain-seconds"), QStringLiteral("-1")},
                                           QStringList{QStringLiteral("--drain-seconds"), QStringLiteral("soon")},
                                           QStringList{QStringLiteral("--db-connections"), QStringLiteral("many")},
                                           // Fewer than the threads, the background and one worker need.
                                           QStringList{QStringLiteral("--threads"), QStringLiteral("2"),
                                                       QStringLiteral("--db-connections"), QStringLiteral("5")},
                                           QStringList{QStringLiteral("--db-connections"), QStringLiteral("1001")}}) {
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
