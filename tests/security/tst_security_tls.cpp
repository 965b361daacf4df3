// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// HTTPS: `signoff serve --tls-cert FILE --tls-key FILE` with a self-signed
// certificate made for the test by openssl. A client that trusts exactly that
// certificate signs in and works over TLS; the server presents that
// certificate; plain HTTP on the TLS port gets no HTTP answer; wrong files
// are a one-line error; listening beyond loopback without TLS warns, with
// TLS it does not.

#include "ServeProcess.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QtTest>

#include <csignal>

using namespace signoff;
using namespace signoff::test;

class TestSecurityTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    QString m_certificate;
    QString m_key;

    QNetworkRequest request(const QUrl &base, const QString &path)
    {
        QNetworkRequest request(QUrl(base.toString() + path));
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates(QSslCertificate::fromPath(m_certificate));
        request.setSslConfiguration(configuration);
        return request;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(signoffBinary()), "SIGNOFF_BINARY must name the built signoff executable");
        QVERIFY(QSslSocket::supportsSsl());
        QVERIFY(m_folder.isValid());
        m_certificate = m_folder.filePath(QStringLiteral("cert.pem"));
        m_key = m_folder.filePath(QStringLiteral("key.pem"));
        QString output;
        const int status = runProgram(QStringLiteral("openssl"),
                                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                                       QStringLiteral("-keyout"), m_key, QStringLiteral("-out"), m_certificate, QStringLiteral("-days"),
                                       QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                                       QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")},
                                      &output);
        QVERIFY2(status == 0, qPrintable(QStringLiteral("openssl (scripts/install-dependencies installs it): ") + output));
    }

    void servesHttpsWithTheCertificate()
    {
        TestDatabase database;
        SIGNOFF_REQUIRE_DATABASE(database);
        ServeProcess serve;
        QVERIFY2(serve.start(database.urlString(), {QStringLiteral("--tls-cert"), m_certificate, QStringLiteral("--tls-key"), m_key}),
                 qPrintable(serve.output()));
        QCOMPARE(serve.url().scheme(), QStringLiteral("https"));
        const QString password = QRegularExpression(QStringLiteral("password (\\S+)")).match(serve.output()).captured(1);
        QVERIFY(!password.isEmpty());

        QNetworkAccessManager network;
        QNetworkReply *healthReply = network.get(request(serve.url(), QStringLiteral("/healthz")));
        const Reply health = collect(healthReply);
        QVERIFY2(health.status == 200, qPrintable(health.transportError));
        QCOMPARE(health.header("x-content-type-options"), QByteArray("nosniff"));

        QNetworkRequest login = request(serve.url(), QStringLiteral("/api/v1/auth/token"));
        login.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *loginReply = network.post(login, QByteArray("{\"username\":\"admin\",\"password\":\"") + password.toUtf8() + "\"}");
        connect(loginReply, &QNetworkReply::encrypted, this, [this, loginReply] {
            const QSslCertificate presented = loginReply->sslConfiguration().peerCertificate();
            QCOMPARE(presented, QSslCertificate::fromPath(m_certificate).value(0));
        });
        const Reply token = collect(loginReply);
        QCOMPARE(token.status, 200);
        QNetworkRequest me = request(serve.url(), QStringLiteral("/api/v1/user/me"));
        me.setRawHeader("Authorization", "Bearer " + token.json.value(QStringLiteral("token")).toString().toLatin1());
        const Reply user = collect(network.get(me));
        QCOMPARE(user.status, 200);
        QCOMPARE(user.json.value(QStringLiteral("username")).toString(), QStringLiteral("admin"));

        // A client that does not trust the certificate gets no answer.
        QNetworkAccessManager stranger; // its own connections: none reused from above
        QNetworkRequest untrusted(QUrl(serve.url().toString() + QStringLiteral("/healthz")));
        const Reply refused = collect(stranger.get(untrusted));
        QCOMPARE(refused.status, 0);

        // Plain HTTP on the TLS port: no HTTP answer, the connection ends.
        RawClient plain(serve.url());
        QVERIFY(plain.isConnected());
        plain.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QVERIFY(plain.waitForClosed(10000));
        QVERIFY2(!plain.unread().contains("HTTP/1.1 200"), plain.unread().constData());

        // Many TLS clients after the plain one: still serving.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(collect(network.get(request(serve.url(), QStringLiteral("/healthz")))).status, 200);
        QVERIFY2(serve.terminate(), qPrintable(serve.output()));
        QVERIFY(!serve.output().contains(QStringLiteral("warning")));
    }

    void wrongFilesAreOneLineErrors()
    {
        TestDatabase database;
        SIGNOFF_REQUIRE_DATABASE(database);
        const QString missing = m_folder.filePath(QStringLiteral("missing.pem"));
        const QList<std::pair<QStringList, int>> cases{
            {{QStringLiteral("--tls-cert"), m_certificate}, 2},
            {{QStringLiteral("--tls-key"), m_key}, 2},
            {{QStringLiteral("--tls-cert"), missing, QStringLiteral("--tls-key"), m_key}, 1},
            {{QStringLiteral("--tls-cert"), m_key, QStringLiteral("--tls-key"), m_key}, 1},
            {{QStringLiteral("--tls-cert"), m_certificate, QStringLiteral("--tls-key"), m_certificate}, 1},
        };
        for (const auto &[arguments, expected] : cases) {
            QProcess serve;
            serve.start(signoffBinary(), QStringList{QStringLiteral("--database"), database.urlString(), QStringLiteral("serve"),
                                                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + arguments);
            QVERIFY(serve.waitForFinished(30000));
            const QString error = QString::fromUtf8(serve.readAllStandardError()).trimmed();
            QVERIFY2(serve.exitCode() == expected, qPrintable(arguments.join(u' ') + QStringLiteral(": ") + error));
            QVERIFY2(!error.contains(u'\n') && error.startsWith(QStringLiteral("signoff: ")), qPrintable(error));
            QVERIFY2(!error.contains(QStringLiteral("PRIVATE KEY")), "the key was printed");
        }
    }

    void plainHttpBeyondLoopbackWarns()
    {
        TestDatabase database;
        SIGNOFF_REQUIRE_DATABASE(database);
        for (const bool tls : {false, true}) {
            QProcess serve;
            QStringList arguments{QStringLiteral("--database"), database.urlString(), QStringLiteral("serve"),
                                  QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")};
            if (tls)
                arguments += {QStringLiteral("--tls-cert"), m_certificate, QStringLiteral("--tls-key"), m_key};
            serve.start(signoffBinary(), arguments);
            QString output;
            QTRY_VERIFY_WITH_TIMEOUT((output += QString::fromUtf8(serve.readAllStandardError())).contains(QStringLiteral("listening on")), 30000);
            ::kill(pid_t(serve.processId()), SIGTERM);
            QVERIFY(serve.waitForFinished(30000));
            const bool warned = output.contains(QStringLiteral("warning: 0.0.0.0 is not a loopback address and there is no TLS"));
            QVERIFY2(warned == !tls, qPrintable(output));
        }
    }
};

QTEST_GUILESS_MAIN(TestSecurityTls)
#include "tst_security_tls.moc"
