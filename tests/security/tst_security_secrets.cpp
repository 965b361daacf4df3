// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Tokens and passwords never appear in logs, audit details, error messages
// or the database file. A whole session against `signoff serve` with every
// log category at debug level: the first administrator, sign-ins right and
// wrong, users created and passwords changed, tokens used, mangled and
// revoked, bodies that are not JSON or name a password twice. Then the log
// (but for the one line that hands out the first password, which is its
// purpose), every answer, the whole audit log and the bytes of the SQLite
// file are searched for every secret of the session.

#include "ServeProcess.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

class TestSecuritySecrets : public QObject
{
    Q_OBJECT

private slots:
    void noSecretInLogsAnswersAuditOrFile()
    {
        QVERIFY2(QFileInfo::exists(signoffBinary()), "SIGNOFF_BINARY must name the built signoff executable");
        TestDatabase database;
        SIGNOFF_REQUIRE_DATABASE(database);

        qputenv("QT_LOGGING_RULES", "*.debug=true;qt.*.debug=false");
        ServeProcess serve;
        const bool started = serve.start(database.urlString());
        qunsetenv("QT_LOGGING_RULES");
        QVERIFY2(started, qPrintable(serve.output()));
        const QRegularExpressionMatch first =
            QRegularExpression(QStringLiteral("created user admin with password (\\S+)")).match(serve.output());
        QVERIFY2(first.hasMatch(), qPrintable(serve.output()));
        const QString adminPassword = first.captured(1);

        QStringList secrets{adminPassword};
        QByteArrayList answers;
        HttpClient http(serve.url());
        const auto send = [&](const QByteArray &method, const QString &path, const QByteArray &token, const QByteArray &body,
                              const QList<std::pair<QByteArray, QByteArray>> &headers = {}) {
            const Reply reply = http.send(method, path, token, body, headers);
            answers.append(reply.body);
            for (auto it = reply.headers.cbegin(); it != reply.headers.cend(); ++it)
                answers.append(it.key() + ": " + it.value());
            return reply;
        };
        const auto json = [](const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); };
        const auto credentials = [&](const QString &user, const QString &password) {
            return json({{QStringLiteral("username"), user}, {QStringLiteral("password"), password}});
        };

        const Reply adminSignIn = send("POST", QStringLiteral("/api/v1/auth/token"), {}, credentials(QStringLiteral("admin"), adminPassword));
        QCOMPARE(adminSignIn.status, 200);
        const QByteArray adminToken = adminSignIn.json.value(QStringLiteral("token")).toString().toLatin1();
        secrets.append(QString::fromLatin1(adminToken));

        const QString alicePassword = QStringLiteral("Alice-secret-8d1f3");
        const QString aliceNewPassword = QStringLiteral("Alice-new-secret-77aa");
        const QString wrongPassword = QStringLiteral("Wrong-guess-5c0ffee");
        const QString shortPassword = QStringLiteral("Sh0rt!");
        secrets += {alicePassword, aliceNewPassword, wrongPassword, shortPassword};

        QCOMPARE(send("POST", QStringLiteral("/api/v1/user"), adminToken,
                      json({{QStringLiteral("username"), QStringLiteral("alice")}, {QStringLiteral("role"), QStringLiteral("reviewer")},
                            {QStringLiteral("password"), alicePassword}})).status, 201);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/user"), adminToken,
                      json({{QStringLiteral("username"), QStringLiteral("shorty")}, {QStringLiteral("role"), QStringLiteral("requester")},
                            {QStringLiteral("password"), shortPassword}})).status, 400);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/auth/token"), {}, credentials(QStringLiteral("alice"), wrongPassword)).status, 401);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/auth/token"), {}, credentials(QStringLiteral("nobody"), wrongPassword)).status, 401);
        const Reply aliceSignIn = send("POST", QStringLiteral("/api/v1/auth/token"), {}, credentials(QStringLiteral("alice"), alicePassword));
        QCOMPARE(aliceSignIn.status, 200);
        const QByteArray aliceToken = aliceSignIn.json.value(QStringLiteral("token")).toString().toLatin1();
        secrets.append(QString::fromLatin1(aliceToken));

        const Reply alice = send("GET", QStringLiteral("/api/v1/user/alice"), adminToken, {});
        QCOMPARE(send("PATCH", QStringLiteral("/api/v1/user/alice"), adminToken, json({{QStringLiteral("password"), aliceNewPassword}}),
                      {{"If-Match", alice.header("etag")}}).status, 200);
        // Bodies that are not JSON or name the password twice, with secrets inside.
        QCOMPARE(send("POST", QStringLiteral("/api/v1/auth/token"), {}, "{\"username\":\"alice\",\"password\":\"" + wrongPassword.toUtf8() + "\"").status, 400);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/auth/token"), {},
                      "{\"username\":\"alice\",\"password\":\"" + aliceNewPassword.toUtf8() + "\",\"password\":\"x\"}").status, 400);
        QCOMPARE(send("POST", QStringLiteral("/api/v1/auth/token"), {},
                      json({{QStringLiteral("username"), QStringLiteral("alice")}, {QStringLiteral("password"), aliceNewPassword},
                            {QStringLiteral("remember"), aliceNewPassword}})).status, 400);
        // The old token of a user whose password changed, mangled tokens, a token in the wrong place.
        QCOMPARE(send("GET", QStringLiteral("/api/v1/user/me"), aliceToken, {}).status, 401);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/user/me"), adminToken + "x", {}).status, 401);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/feature?q=") + QString::fromLatin1(adminToken), adminToken, {}).status, 200);
        QCOMPARE(send("GET", QStringLiteral("/api/v1/user/me"), {}, {}, {{"Authorization", "Basic " + adminToken}}).status, 401);
        const Reply newSignIn = send("POST", QStringLiteral("/api/v1/auth/token"), {}, credentials(QStringLiteral("alice"), aliceNewPassword));
        QCOMPARE(newSignIn.status, 200);
        const QByteArray newToken = newSignIn.json.value(QStringLiteral("token")).toString().toLatin1();
        secrets.append(QString::fromLatin1(newToken));
        QCOMPARE(send("POST", QStringLiteral("/api/v1/feature"), newToken, json({{QStringLiteral("name"), QStringLiteral("a feature")}})).status, 201);
        QCOMPARE(send("DELETE", QStringLiteral("/api/v1/auth/token"), newToken, {}).status, 204);
        QCOMPARE(send("DELETE", QStringLiteral("/api/v1/auth/token"), newToken, {}).status, 401);

        // The audit log, every page.
        QByteArray audit;
        QString after;
        do {
            const Reply page = send("GET", QStringLiteral("/api/v1/audit?limit=500") + (after.isEmpty() ? QString() : QStringLiteral("&after=") + after),
                                    adminToken, {});
            QCOMPARE(page.status, 200);
            audit += page.body;
            after = page.json.value(QStringLiteral("next")).toString();
        } while (!after.isEmpty());
        QVERIFY(audit.contains("sign_in"));

        QVERIFY2(serve.terminate(), qPrintable(serve.output()));
        // The one line that hands out the first password is the log's purpose; nothing else may.
        QStringList log = serve.output().split(u'\n');
        QCOMPARE(log.removeAll(first.captured(0).prepend(QStringLiteral("signoff: ")).append(QStringLiteral(" — change it"))), 1);
        const QString logText = log.join(u'\n');
        QVERIFY2(logText.contains(QStringLiteral("signoff.")), "the debug log is empty: QT_LOGGING_RULES did not reach the server");

        QByteArray file;
        if (database.dialect() == SqlDialect::Sqlite) {
            for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
                QFile part(database.url().path + suffix);
                if (part.open(QIODevice::ReadOnly))
                    file += part.readAll();
            }
            QVERIFY(!file.isEmpty());
        }
        for (const QString &secret : secrets) {
            QVERIFY2(!logText.contains(secret), qPrintable(QStringLiteral("the log contains %1").arg(secret.left(4) + QStringLiteral("…"))));
            QVERIFY2(!audit.contains(secret.toUtf8()), "the audit log contains a secret");
            for (const QByteArray &answer : answers) {
                if (secret == QString::fromLatin1(adminToken) || secret == QString::fromLatin1(aliceToken) || secret == QString::fromLatin1(newToken)) {
                    // A token is in exactly the answer that issued it.
                    if (answer.contains("\"token_type\""))
                        continue;
                }
                QVERIFY2(!answer.contains(secret.toUtf8()), qPrintable(QStringLiteral("an answer contains a secret: %1").arg(QString::fromUtf8(answer.left(200)))));
            }
            QVERIFY2(!file.contains(secret.toUtf8()), "the database file contains a secret in clear");
        }
        qInfo("%lld secrets searched in %lld log lines, %lld answers, %lld bytes of audit log and %lld bytes of database",
              qint64(secrets.size()), qint64(log.size()), qint64(answers.size()), qint64(audit.size()), qint64(file.size()));
    }
};

QTEST_GUILESS_MAIN(TestSecuritySecrets)
#include "tst_security_secrets.moc"
