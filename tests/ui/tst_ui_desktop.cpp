// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The application's wiring of the desktop (app/desktop): the login leads to
// the window, signing out leads back; the REST settings reach the embedded
// server and its state reaches the status bar, a busy port included.

#include "DesktopController.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "RestControl.h"
#include "UiFixture.h"
#include "pages/ItemsPage.h"
#include "rest/RestServer.h"

#include <QAction>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTcpServer>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

class TestUiDesktop : public QObject
{
    Q_OBJECT

private slots:
    void init() { clearSettings(); }

    void restOffListeningAndBusy()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        RestServer server(fixture.services());

        RestSettings off;
        off.enabled = false;
        QVERIFY(applyRestSettings(server, off).state == RestStatus::State::Off);
        QVERIFY(!server.isListening());

        // Someone else has the port.
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        RestSettings busy;
        busy.port = squatter.serverPort();
        const RestStatus refused = applyRestSettings(server, busy);
        QVERIFY(refused.state == RestStatus::State::PortBusy);
        QCOMPARE(refused.port, squatter.serverPort());
        QVERIFY(!server.isListening());

        RestSettings bad;
        bad.address = QStringLiteral("not-an-address");
        QVERIFY(applyRestSettings(server, bad).state == RestStatus::State::Failed);

        // A free port: listening, and the URL says where.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        RestSettings free;
        free.port = probe.serverPort();
        probe.close();
        const RestStatus listening = applyRestSettings(server, free);
        QVERIFY2(listening.state == RestStatus::State::Listening, qPrintable(listening.detail));
        QCOMPARE(listening.url.port(), int(free.port));
        QVERIFY(server.isListening());
        QVERIFY(applyRestSettings(server, off).state == RestStatus::State::Off);
        QVERIFY(!server.isListening());
    }

    // A feature created by a REST client over HTTP shows in the open table within a second.
    void restClientsChangesAppearInTheWindow()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        fixture.addUser(QStringLiteral("bob"), Role::Requester);
        RestServer server(fixture.services());
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        RestSettings settings;
        settings.port = probe.serverPort();
        probe.close();
        const RestStatus status = applyRestSettings(server, settings);
        QVERIFY2(status.state == RestStatus::State::Listening, qPrintable(status.detail));

        MainWindow window(fixture.backendFor(alice), alice);
        window.setRestStatus(status);
        window.show();
        window.showPage(QStringLiteral("featuresPage"));
        auto *page = static_cast<ItemsPage *>(window.currentPage());
        QVERIFY(settled(*page->items()));
        QCOMPARE(page->items()->rowCount(), 0);

        QNetworkAccessManager http;
        const auto post = [&](const QString &path, const QJsonObject &body, const QString &token) {
            QNetworkRequest request(status.url.resolved(QUrl(path)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            if (!token.isEmpty())
                request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
            QNetworkReply *reply = http.post(request, QJsonDocument(body).toJson());
            QSignalSpy finished(reply, &QNetworkReply::finished);
            if (!reply->isFinished())
                finished.wait(10000);
            const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
            reply->deleteLater();
            return answer;
        };
        const QString token = post(QStringLiteral("/api/v1/auth/token"),
                                   {{QStringLiteral("username"), QStringLiteral("bob")},
                                    {QStringLiteral("password"), UiFixture::passwordOf(QStringLiteral("bob"))}},
                                   {})
                                  .value(QStringLiteral("token"))
                                  .toString();
        QVERIFY(!token.isEmpty());
        const QJsonObject created = post(QStringLiteral("/api/v1/feature"), {{QStringLiteral("name"), QStringLiteral("Over HTTP")}}, token);
        QCOMPARE(created.value(QStringLiteral("name")).toString(), QStringLiteral("Over HTTP"));
        QTRY_COMPARE_WITH_TIMEOUT(page->items()->rowCount(), 1, 1000);
        QCOMPARE(page->items()->rowAt(0).title(), QStringLiteral("Over HTTP"));
        QCOMPARE(page->items()->rowAt(0).ownerUsername, QStringLiteral("bob"));
        server.stop();
    }

    void loginWindowAndSignOut()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        fixture.addUser(QStringLiteral("alice"), Role::Requester);
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        RestSettings settings;
        settings.port = squatter.serverPort();
        settings.save();

        RestServer server(fixture.services());
        DesktopController controller(fixture.backend(), &server);
        controller.start();
        LoginDialog *login = controller.loginDialog();
        QVERIFY(login && login->isVisible());
        QTest::keyClicks(login->findChild<QLineEdit *>(QStringLiteral("usernameEdit")), QStringLiteral("alice"));
        QTest::keyClicks(login->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), UiFixture::passwordOf(QStringLiteral("alice")));
        QTest::mouseClick(login->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);

        QTRY_VERIFY(controller.window());
        MainWindow *window = controller.window();
        QVERIFY(window->isVisible());
        // The settings' port is taken: a message in the status bar, not a crash.
        QCOMPARE(window->restStatusText(), QStringLiteral("REST: port %1 busy").arg(squatter.serverPort()));
        QVERIFY(window->findChild<QLabel *>(QStringLiteral("userStatus"))->text().contains(QStringLiteral("alice")));

        // Settings changed in the window apply at once.
        squatter.close();
        RestSettings moved = settings;
        moved.enabled = false;
        emit window->restSettingsChanged(moved);
        QCOMPARE(window->restStatusText(), QStringLiteral("REST off"));

        window->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
        QTRY_VERIFY(!controller.window());
        QTRY_VERIFY(controller.loginDialog() && controller.loginDialog()->isVisible());
    }
};

QTEST_MAIN(TestUiDesktop)
#include "tst_ui_desktop.moc"
