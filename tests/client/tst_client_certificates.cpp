// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Server mode over HTTPS with certificates the system does not trust
// (docs/design.md, "Team mode"): a real REST server with a self-signed certificate
// made by openssl for the test. The backend refuses it and names its SHA-256
// fingerprint; the login dialog shows that fingerprint and, on "Trust this
// certificate", pins it for the host and port and signs in; a different
// certificate for a pinned server is refused with a clear message, whatever
// the person answered before.

#include "LoginDialog.h"
#include "RestBackend.h"
#include "UiFixture.h"
#undef SIGNOFF_REQUIRE_FIXTURE
#include "RestTestSupport.h"
#include "ClientTestSupport.h"
#include "client/TrustedCertificates.h"
#include "rest/TlsFiles.h"

#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;
namespace pins = signoff::client::TrustedCertificates;

class TestClientCertificates : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_folder;

    // A self-signed certificate for 127.0.0.1 and its key; "" when openssl failed.
    QString makeCertificate(const QString &name)
    {
        const QString certificate = m_folder.filePath(name + QStringLiteral(".pem"));
        const QString key = m_folder.filePath(name + QStringLiteral("-key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), certificate, QStringLiteral("-days"), QStringLiteral("2"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=signoff test ") + name, QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
            return {};
        return certificate;
    }

    RestConfig httpsConfig(const QString &certificate)
    {
        RestConfig config = RestFixture::testConfig();
        const rest::TlsFiles files = rest::loadTlsFiles(certificate, QString(certificate).replace(QStringLiteral(".pem"), QStringLiteral("-key.pem")));
        if (files.error.isEmpty())
            config.tls = files.configuration;
        return config;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QSslSocket::supportsSsl());
        QVERIFY(m_folder.isValid());
    }

    void init()
    {
        clearSettings();
    }

    void anUntrustedCertificateIsRefusedWithItsFingerprint()
    {
        const QString certificate = makeCertificate(QStringLiteral("first"));
        QVERIFY2(!certificate.isEmpty(), "openssl (scripts/install-dependencies installs it) made no certificate");
        RestFixture server(httpsConfig(certificate));
        SIGNOFF_REQUIRE_FIXTURE(server);
        QCOMPARE(server.url().scheme(), QStringLiteral("https"));
        server.addUser(QStringLiteral("alice"), Role::Requester);
        const QByteArray expected = pins::fingerprint(QSslCertificate::fromPath(certificate).value(0));
        QCOMPARE(expected.size(), 32);

        RestBackend desk(server.url());
        auto refused = await(desk.signIn(QStringLiteral("alice"), password()));
        QVERIFY(!refused);
        QCOMPARE(refused.error().reason, QStringLiteral("untrusted-certificate"));
        QVERIFY2(refused.error().message.english().contains(pins::readable(expected)), qPrintable(refused.error().message.english()));
        QCOMPARE(desk.untrustedCertificate(), expected);
        QVERIFY(desk.token().isEmpty());

        desk.trustCertificate(desk.untrustedCertificate());
        QCOMPARE(pins::pinned(server.url()), expected);
        auto signedIn = await(desk.signIn(QStringLiteral("alice"), password()));
        QVERIFY2(signedIn, qPrintable(signedIn ? QString() : signedIn.error().message.english()));
        QCOMPARE(signedIn->username, QStringLiteral("alice"));

        // Pinned for that host and port, so a new window trusts it too.
        RestBackend later(server.url());
        QVERIFY(await(later.signIn(QStringLiteral("alice"), password())));
    }

    void aDifferentCertificateForAPinnedServerIsRefused()
    {
        const QString first = makeCertificate(QStringLiteral("pinned"));
        const QString second = makeCertificate(QStringLiteral("presented"));
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        RestFixture server(httpsConfig(second));
        SIGNOFF_REQUIRE_FIXTURE(server);
        server.addUser(QStringLiteral("alice"), Role::Requester);
        const QByteArray trusted = pins::fingerprint(QSslCertificate::fromPath(first).value(0));
        const QByteArray presented = pins::fingerprint(QSslCertificate::fromPath(second).value(0));
        pins::pin(server.url(), trusted); // trusted when the server had the first certificate

        RestBackend desk(server.url());
        auto refused = await(desk.signIn(QStringLiteral("alice"), password()));
        QVERIFY(!refused);
        QCOMPARE(refused.error().reason, QStringLiteral("changed-certificate"));
        const QString message = refused.error().message.english();
        QVERIFY2(message.contains(pins::readable(trusted)) && message.contains(pins::readable(presented)), qPrintable(message));
        QVERIFY(desk.token().isEmpty());
        QCOMPARE(pins::pinned(server.url()), trusted); // nothing changed by itself
    }

    void theLoginShowsTheFingerprintAndTrustsOnRequest()
    {
        const QString certificate = makeCertificate(QStringLiteral("login"));
        QVERIFY(!certificate.isEmpty());
        RestFixture server(httpsConfig(certificate));
        SIGNOFF_REQUIRE_FIXTURE(server);
        server.addUser(QStringLiteral("alice"), Role::Requester);
        const QString readable = pins::readable(pins::fingerprint(QSslCertificate::fromPath(certificate).value(0)));

        RestBackend desk(server.url());
        LoginDialog login(desk);
        login.show();
        QTRY_VERIFY(login.isReady());
        QTest::keyClicks(login.findChild<QLineEdit *>(QStringLiteral("usernameEdit")), QStringLiteral("alice"));
        QTest::keyClicks(login.findChild<QLineEdit *>(QStringLiteral("passwordEdit")), password());

        // First: the person declines. Nothing is pinned, no one signed in.
        QString shown;
        whenModal([&shown](QWidget *box) {
            QCOMPARE(box->objectName(), QStringLiteral("certificateDialog"));
            shown = static_cast<QMessageBox *>(box)->text();
            static_cast<QMessageBox *>(box)->button(QMessageBox::Cancel)->click();
        });
        QTest::mouseClick(login.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(shown.contains(readable), patienceMs);
        QTRY_VERIFY_WITH_TIMEOUT(!login.isBusy(), patienceMs);
        QVERIFY(login.result() != QDialog::Accepted);
        QVERIFY(pins::pinned(server.url()).isEmpty());

        // Then: "Trust this certificate" signs in with the password still typed.
        whenModal([](QWidget *box) { box->findChild<QPushButton *>(QStringLiteral("trustCertificateButton"))->click(); });
        QTest::mouseClick(login.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(login.result(), int(QDialog::Accepted), patienceMs);
        QCOMPARE(login.user().username, QStringLiteral("alice"));
        QVERIFY(!pins::pinned(server.url()).isEmpty());
    }
};

QTEST_MAIN(TestClientCertificates)
#include "tst_client_certificates.moc"
