// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The desktop as a client of a Signoff server (docs/design.md, "Team mode"): the
// real login dialog and window over RestBackend against a real REST server
// on a free port (the same RestServer `signoff serve` runs): signing in,
// lists, a feature created and submitted, approved from a second desktop
// and seen approved in the first through the event stream; the server's
// refusals as the same field messages and banners; losing the server and
// getting it back with the edit kept; signing out revokes the token; the
// login's choice of a server, remembered with the user name.

#include "DesktopController.h"
#include "FormManager.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "RestBackend.h"
#include "UiFixture.h"
// UiFixture's check of a database fixture; RestFixture's is the one used here.
#undef SIGNOFF_REQUIRE_FIXTURE
#include "RestTestSupport.h"
#include "ClientTestSupport.h"
#include "client/EventStream.h"
#include "forms/FeatureForm.h"
#include "pages/DashboardPage.h"
#include "models/ItemListModel.h"
#include "pages/ItemsPage.h"
#include "support/FieldMessage.h"
#include "support/MessageBanner.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

template<typename T>
T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

template<typename T>
T *openForm(QWidget *window)
{
    for (T *form : window->findChildren<T *>()) {
        if (form->isVisible())
            return form;
    }
    return nullptr;
}

QString labelText(QWidget *window, const QString &name)
{
    auto *label = child<QLabel>(window, name);
    return label ? label->text() : QString();
}

} // namespace

class TestClientDesk : public QObject
{
    Q_OBJECT

private slots:
    void init() { clearSettings(); }

    void signInCreateSubmitAndApproveFromAnotherDesktop()
    {
        RestFixture server;
        SIGNOFF_REQUIRE_FIXTURE(server);
        const User alice = server.addUser(QStringLiteral("alice"), Role::Requester);
        server.addUser(QStringLiteral("rita"), Role::Reviewer);

        // Alice signs in through the login dialog.
        RestBackend aliceDesk(server.url());
        LoginDialog login(aliceDesk);
        login.show();
        QTRY_VERIFY(login.isReady());
        QVERIFY(!login.isSettingUp()); // a server made its administrator itself
        QVERIFY(labelText(&login, QStringLiteral("databaseLabel")).contains(server.url().host()));
        QTest::keyClicks(child<QLineEdit>(&login, QStringLiteral("usernameEdit")), QStringLiteral("alice"));
        QTest::keyClicks(child<QLineEdit>(&login, QStringLiteral("passwordEdit")), QStringLiteral("wrong"));
        QTest::mouseClick(child<QPushButton>(&login, QStringLiteral("signInButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!login.isBusy(), patienceMs);
        QVERIFY(!child<FieldMessage>(&login, QStringLiteral("signInMessage"))->text().isEmpty());
        QVERIFY(login.result() != QDialog::Accepted);
        QTest::keyClicks(child<QLineEdit>(&login, QStringLiteral("passwordEdit")), password());
        QTest::mouseClick(child<QPushButton>(&login, QStringLiteral("signInButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(login.result(), int(QDialog::Accepted), patienceMs);
        QCOMPARE(login.user().username, QStringLiteral("alice"));
        QVERIFY(!aliceDesk.token().isEmpty());

        MainWindow aliceWindow(aliceDesk, login.user());
        aliceWindow.show();
        QVERIFY(labelText(&aliceWindow, QStringLiteral("databaseStatus")).startsWith(QStringLiteral("Server: ")));
        QVERIFY(!child<QLabel>(&aliceWindow, QStringLiteral("restStatus"))->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(aliceDesk.events().isConnected(), patienceMs);
        // The window opens on the dashboard, counted by the server: nothing yet.
        DashboardPage *dashboard = aliceWindow.dashboard();
        QVERIFY(dashboard->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard->isLoading() && dashboard->stats().has_value(), patienceMs);
        auto *itemsByStatus = child<QTableView>(dashboard, QStringLiteral("itemsByStatusTable"));
        QCOMPARE(itemsByStatus->model()->index(2, 0).data().toString(), QStringLiteral("Approved"));
        QCOMPARE(itemsByStatus->model()->index(2, 1).data().toString(), QStringLiteral("0"));
        // Alice goes to her items.
        QVERIFY(aliceWindow.showPage(QStringLiteral("myItemsPage")));

        // A feature made in the form is made on the server.
        child<QAction>(&aliceWindow, QStringLiteral("newAction"))->trigger();
        FeatureForm *form = openForm<FeatureForm>(&aliceWindow);
        QVERIFY(form);
        QTest::keyClicks(child<QLineEdit>(form, QStringLiteral("nameEdit")), QStringLiteral("Dark mode"));
        child<QPlainTextEdit>(form, QStringLiteral("optionsJson"))->setPlainText(QStringLiteral("{\"beta\": true}"));
        QTest::mouseClick(child<QPushButton>(form, QStringLiteral("saveButton")), Qt::LeftButton);
        QVERIFY(settled(form));
        QVERIFY2(!form->key().isEmpty(), qPrintable(form->banner()->text()));
        QCOMPARE(labelText(form, QStringLiteral("statusLabel")), QStringLiteral("Draft"));
        QCOMPARE(labelText(form, QStringLiteral("versionLabel")), QStringLiteral("1"));
        const QUuid id = QUuid::fromString(form->key().section(u':', 1));
        auto stored = server.services().features().get(alice.actor(), id);
        SIGNOFF_VERIFY_OK(stored);
        QCOMPARE(stored->options.value(QStringLiteral("beta")).toBool(), true);

        // The list shows it.
        auto *myItems = static_cast<ItemsPage *>(aliceWindow.page(QStringLiteral("myItemsPage")));
        QTRY_VERIFY_WITH_TIMEOUT(myItems->items()->rowOfKey(form->key()) >= 0, patienceMs);

        // The server's refusal is the same message at the same field as on a database.
        child<QAction>(&aliceWindow, QStringLiteral("newAction"))->trigger();
        FeatureForm *second = nullptr;
        for (FeatureForm *candidate : aliceWindow.findChildren<FeatureForm *>()) {
            if (candidate->isVisible() && candidate->key().isEmpty())
                second = candidate;
        }
        QVERIFY(second);
        QTest::keyClicks(child<QLineEdit>(second, QStringLiteral("nameEdit")), QStringLiteral("Dark mode"));
        QTest::mouseClick(child<QPushButton>(second, QStringLiteral("saveButton")), Qt::LeftButton);
        QVERIFY(settled(second));
        QCOMPARE(child<FieldMessage>(second, QStringLiteral("nameMessage"))->text(),
                 QStringLiteral("A feature named ‘Dark mode’ already exists."));
        QVERIFY(second->key().isEmpty());

        QTest::mouseClick(child<QPushButton>(form, QStringLiteral("submitButton")), Qt::LeftButton);
        QVERIFY(settled(form));
        QCOMPARE(labelText(form, QStringLiteral("statusLabel")), QStringLiteral("Pending"));

        // Rita, at another desktop of the team, approves it from her queue.
        RestBackend ritaDesk(server.url());
        auto rita = await(ritaDesk.signIn(QStringLiteral("rita"), password()));
        SIGNOFF_VERIFY_OK(rita);
        MainWindow ritaWindow(ritaDesk, rita.value());
        ritaWindow.show();
        QVERIFY(ritaWindow.showPage(QStringLiteral("reviewQueuePage")));
        auto *queue = static_cast<ItemsPage *>(ritaWindow.currentPage());
        QTRY_COMPARE_WITH_TIMEOUT(queue->items()->rowCount(), 1, patienceMs);
        QVERIFY(settled(*queue->items()));
        QCOMPARE(queue->items()->rowAt(0).title(), QStringLiteral("Dark mode"));
        queue->table()->selectRow(0);
        auto *approve = child<QAction>(&ritaWindow, QStringLiteral("approveAction"));
        QTRY_VERIFY(approve->isEnabled());
        whenModal([](QWidget *dialog) {
            QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("commentEdit")), QStringLiteral("Fine."));
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::LeftButton);
        });
        approve->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(server.services().features().get(alice.actor(), id)->status == ItemStatus::Approved,
                                 patienceMs);
        QTRY_COMPARE_WITH_TIMEOUT(queue->items()->rowCount(), 0, patienceMs);

        // Alice's open form and list learn it from the event stream.
        QTRY_COMPARE_WITH_TIMEOUT(labelText(form, QStringLiteral("statusLabel")), QStringLiteral("Approved"), patienceMs);
        QTRY_COMPARE_WITH_TIMEOUT(toString(myItems->items()->rowAt(myItems->items()->rowOfKey(form->key())).status),
                                  QStringLiteral("approved"), patienceMs);
        // So does her dashboard, counted again when she comes back to it.
        QVERIFY(aliceWindow.showPage(QStringLiteral("dashboardPage")));
        QTRY_COMPARE_WITH_TIMEOUT(itemsByStatus->model()->index(2, 1).data().toString(), QStringLiteral("1"), patienceMs);
        auto *decisions = child<QTableView>(dashboard, QStringLiteral("decisionsPerDayTable"));
        QCOMPARE(decisions->model()->index(0, 1).data().toString(), QStringLiteral("1"));
    }

    // A click on a column header sorts on the server (`?sort=`), as the
    // database sorts in database mode; paging keeps that order.
    void clickingAColumnSortsOnTheServer()
    {
        RestFixture server;
        SIGNOFF_REQUIRE_FIXTURE(server);
        const User alice = server.addUser(QStringLiteral("alice"), Role::Requester);
        for (const QString &name : {QStringLiteral("delta"), QStringLiteral("alpha"), QStringLiteral("charlie"),
                                    QStringLiteral("bravo")})
            SIGNOFF_VERIFY_OK(server.services().features().create(alice.actor(), NewFeature{name, {}}));

        RestBackend desk(server.url());
        auto signedIn = await(desk.signIn(QStringLiteral("alice"), password()));
        SIGNOFF_VERIFY_OK(signedIn);
        MainWindow window(desk, signedIn.value());
        window.show();
        QVERIFY(window.showPage(QStringLiteral("featuresPage")));
        auto *page = static_cast<ItemsPage *>(window.currentPage());
        ItemListModel *items = page->items();
        const auto titles = [items] {
            QStringList shown;
            for (int row = 0; row < items->rowCount(); ++row)
                shown.append(items->rowAt(row).title());
            return shown;
        };
        QTRY_COMPARE_WITH_TIMEOUT(items->rowCount(), 4, patienceMs);
        QVERIFY(settled(*items));
        QCOMPARE(titles(), (QStringList{QStringLiteral("bravo"), QStringLiteral("charlie"), QStringLiteral("alpha"),
                                        QStringLiteral("delta")}));

        int nameColumn = -1;
        for (int column = 0; column < items->columnCount(); ++column) {
            if (items->headerData(column, Qt::Horizontal).toString() == QStringLiteral("Name"))
                nameColumn = column;
        }
        QVERIFY(nameColumn >= 0);
        page->table()->sortByColumn(nameColumn, Qt::AscendingOrder);
        QTRY_COMPARE_WITH_TIMEOUT(titles(), (QStringList{QStringLiteral("alpha"), QStringLiteral("bravo"),
                                                         QStringLiteral("charlie"), QStringLiteral("delta")}),
                                  patienceMs);
        page->table()->sortByColumn(nameColumn, Qt::DescendingOrder);
        QTRY_COMPARE_WITH_TIMEOUT(titles(), (QStringList{QStringLiteral("delta"), QStringLiteral("charlie"),
                                                         QStringLiteral("bravo"), QStringLiteral("alpha")}),
                                  patienceMs);
        QVERIFY(settled(*items));
    }

    // 412 over HTTP is the same reload banner, with the edit kept.
    void aStaleSaveShowsTheReloadBanner()
    {
        RestFixture server;
        SIGNOFF_REQUIRE_FIXTURE(server);
        const User alice = server.addUser(QStringLiteral("alice"), Role::Requester);
        auto feature = server.services().features().create(alice.actor(), NewFeature{QStringLiteral("Original"), {}});
        SIGNOFF_VERIFY_OK(feature);

        RestBackend desk(server.url());
        auto user = await(desk.signIn(QStringLiteral("alice"), password()));
        SIGNOFF_VERIFY_OK(user);
        MainWindow window(desk, user.value());
        window.show();
        auto *form = window.forms().openFeature(feature->id);
        QVERIFY(settled(form));
        auto *name = child<QLineEdit>(form, QStringLiteral("nameEdit"));
        QCOMPARE(name->text(), QStringLiteral("Original"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("My edit"));

        // Changed elsewhere (another session of hers, as over REST).
        SIGNOFF_VERIFY_OK(server.services().features().update(alice.actor(), feature->id,
                                                              FeaturePatch{QStringLiteral("Elsewhere"), std::nullopt}, 1));
        QTRY_COMPARE_WITH_TIMEOUT(form->banner()->kind(), MessageBanner::Kind::Warning, patienceMs);
        QCOMPARE(name->text(), QStringLiteral("My edit"));
        QTest::mouseClick(child<QPushButton>(form, QStringLiteral("saveButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(form->banner()->text(), QStringLiteral("Someone changed this item; reload it."), patienceMs);
        QCOMPARE(name->text(), QStringLiteral("My edit"));
        QCOMPARE(server.services().features().get(alice.actor(), feature->id)->name, QStringLiteral("Elsewhere"));
    }

    // The server goes away mid-edit and comes back: a banner meanwhile, the
    // edit kept, saved when it is back.
    void losingTheServerKeepsTheEdit()
    {
        RestFixture server;
        SIGNOFF_REQUIRE_FIXTURE(server);
        const User alice = server.addUser(QStringLiteral("alice"), Role::Requester);
        auto feature = server.services().features().create(alice.actor(), NewFeature{QStringLiteral("Original"), {}});
        SIGNOFF_VERIFY_OK(feature);

        RestBackend desk(server.url());
        desk.events().setBackoffLimits(50, 200);
        auto user = await(desk.signIn(QStringLiteral("alice"), password()));
        SIGNOFF_VERIFY_OK(user);
        MainWindow window(desk, user.value());
        window.show();
        auto *banner = child<MessageBanner>(&window, QStringLiteral("connectionBanner"));
        QVERIFY(banner->text().isEmpty());
        auto *form = window.forms().openFeature(feature->id);
        QVERIFY(settled(form));
        QTRY_VERIFY_WITH_TIMEOUT(desk.events().isConnected(), patienceMs);

        const quint16 port = quint16(server.url().port());
        server.server().stop();
        QTRY_VERIFY_WITH_TIMEOUT(!desk.isReachable(), patienceMs);
        QTRY_VERIFY(banner->text().startsWith(QStringLiteral("Cannot reach the server — retrying")));
        QVERIFY(banner->isVisible());

        auto *name = child<QLineEdit>(form, QStringLiteral("nameEdit"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Typed while away"));
        QTest::mouseClick(child<QPushButton>(form, QStringLiteral("saveButton")), Qt::LeftButton);
        QVERIFY(settled(form));
        // (The save may wait for a look at the item that was under way: asynchronous either way.)
        QTRY_VERIFY_WITH_TIMEOUT(form->banner()->text().contains(QStringLiteral("Cannot reach the server")), patienceMs);
        QCOMPARE(name->text(), QStringLiteral("Typed while away"));
        QVERIFY(form->isDirty());

        RestConfig config = RestFixture::testConfig();
        config.port = port;
        auto restarted = server.server().start(config);
        SIGNOFF_VERIFY_OK(restarted);
        QTRY_VERIFY_WITH_TIMEOUT(desk.isReachable(), patienceMs);
        QTRY_VERIFY(banner->text().isEmpty());
        QCOMPARE(name->text(), QStringLiteral("Typed while away"));
        QTest::mouseClick(child<QPushButton>(form, QStringLiteral("saveButton")), Qt::LeftButton);
        QVERIFY(settled(form));
        QCOMPARE(labelText(form, QStringLiteral("versionLabel")), QStringLiteral("2"));
        QCOMPARE(server.services().features().get(alice.actor(), feature->id)->name, QStringLiteral("Typed while away"));
    }

    void signingOutRevokesTheToken()
    {
        RestFixture server;
        SIGNOFF_REQUIRE_FIXTURE(server);
        server.addUser(QStringLiteral("alice"), Role::Requester);
        RestBackend desk(server.url());
        SIGNOFF_VERIFY_OK(await(desk.signIn(QStringLiteral("alice"), password())));
        const QByteArray token = desk.token().toUtf8();
        QCOMPARE(server.call("GET", QStringLiteral("/api/v1/user/me"), token).status, 200);
        SIGNOFF_VERIFY_OK(await(desk.signOut()));
        QVERIFY(desk.token().isEmpty());
        QCOMPARE(server.call("GET", QStringLiteral("/api/v1/user/me"), token).status, 401);
        // Signed out, calls are refused.
        QVERIFY(await(desk.listFeatures(ItemQuery{})).error().kind == ErrorKind::Unauthenticated);
    }

    // The login's choice: "Signoff server" with a URL, remembered with the
    // user name (never the password) for the next start.
    void theLoginChoosesAServerAndRemembersIt()
    {
        RestFixture server;
        SIGNOFF_REQUIRE_FIXTURE(server);
        server.addUser(QStringLiteral("alice"), Role::Reviewer);
        LocalBackend local(server.services());
        RestBackend remote(server.url());
        QList<ConnectionChoice> asked;
        {
            DesktopController controller(local, nullptr);
            controller.setOpener(
                [&](const ConnectionChoice &choice) -> Result<DesktopController::Opened> {
                    asked.append(choice);
                    if (choice.kind == ConnectionChoice::Kind::Server)
                        return DesktopController::Opened{&remote, nullptr};
                    return DesktopController::Opened{&local, nullptr};
                },
                ConnectionChoice{});
            controller.start();
            LoginDialog *login = controller.loginDialog();
            QVERIFY(login);
            auto *kind = child<QComboBox>(login, QStringLiteral("connectionCombo"));
            auto *address = child<QLineEdit>(login, QStringLiteral("serverEdit"));
            QVERIFY(kind->isVisible());
            QVERIFY(!address->isVisible());
            auto *location = child<QLabel>(login, QStringLiteral("databaseLabel"));
            QVERIFY(location->isVisible());
            kind->setCurrentIndex(kind->findText(QStringLiteral("Signoff server")));
            QVERIFY(address->isVisible());
            // The database's path is not where a server sign-in goes.
            QVERIFY(!location->isVisible());

            // Not an address: a message at the field, nothing opened.
            QTest::keyClicks(address, QStringLiteral("https://"));
            QTest::keyClicks(child<QLineEdit>(login, QStringLiteral("usernameEdit")), QStringLiteral("alice"));
            QTest::keyClicks(child<QLineEdit>(login, QStringLiteral("passwordEdit")), password());
            QTest::mouseClick(child<QPushButton>(login, QStringLiteral("signInButton")), Qt::LeftButton);
            QVERIFY(!child<FieldMessage>(login, QStringLiteral("serverMessage"))->text().isEmpty());
            QVERIFY(asked.isEmpty());

            address->clear();
            QTest::keyClicks(address, server.url().toString());
            QTest::mouseClick(child<QPushButton>(login, QStringLiteral("signInButton")), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(controller.window(), patienceMs);
            QCOMPARE(asked.size(), 1);
            QVERIFY(asked.first().kind == ConnectionChoice::Kind::Server);
            QCOMPARE(asked.first().server.port(), server.url().port());
            QVERIFY(labelText(controller.window(), QStringLiteral("databaseStatus")).startsWith(QStringLiteral("Server: ")));
            QVERIFY(!remote.token().isEmpty());

            // Signing out revokes the token and comes back to the login.
            const QByteArray token = remote.token().toUtf8();
            controller.window()->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
            QTRY_VERIFY(!controller.window());
            QTRY_COMPARE_WITH_TIMEOUT(server.call("GET", QStringLiteral("/api/v1/user/me"), token).status, 401, patienceMs);
            QTRY_VERIFY(controller.loginDialog() && controller.loginDialog()->isVisible());
        }

        // Remembered: the server and the user name, not the password.
        const ConnectionChoice saved = ConnectionChoice::load();
        QVERIFY(saved.kind == ConnectionChoice::Kind::Server);
        QCOMPARE(saved.server.port(), server.url().port());
        QCOMPARE(ConnectionChoice::lastUsername(), QStringLiteral("alice"));
        QSettings settings(QStringLiteral("signoff"), QStringLiteral("signoff"));
        for (const QString &key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(password()), qPrintable(key));

        DesktopController next(local, nullptr);
        next.setOpener([&](const ConnectionChoice &) -> Result<DesktopController::Opened> {
            return DesktopController::Opened{&remote, nullptr};
        }, saved);
        next.start();
        QCOMPARE(child<QComboBox>(next.loginDialog(), QStringLiteral("connectionCombo"))->currentText(),
                 QStringLiteral("Signoff server"));
        QCOMPARE(child<QLineEdit>(next.loginDialog(), QStringLiteral("usernameEdit"))->text(), QStringLiteral("alice"));
        QVERIFY(child<QLineEdit>(next.loginDialog(), QStringLiteral("passwordEdit"))->text().isEmpty());
    }

    void plainHttpOnlyForThisComputer()
    {
        QString problem;
        QVERIFY(!ConnectionChoice::isUnencryptedRemote(ConnectionChoice::serverUrl(QStringLiteral("http://127.0.0.1:8080"), &problem)));
        QVERIFY(!ConnectionChoice::isUnencryptedRemote(ConnectionChoice::serverUrl(QStringLiteral("http://localhost:8080"), &problem)));
        QVERIFY(!ConnectionChoice::isUnencryptedRemote(ConnectionChoice::serverUrl(QStringLiteral("http://[::1]:8080"), &problem)));
        QVERIFY(ConnectionChoice::isUnencryptedRemote(ConnectionChoice::serverUrl(QStringLiteral("http://signoff.example.org"), &problem)));
        QVERIFY(ConnectionChoice::isUnencryptedRemote(ConnectionChoice::serverUrl(QStringLiteral("http://127.0.0.1.example.org"), &problem)));
        QVERIFY(!ConnectionChoice::isUnencryptedRemote(ConnectionChoice::serverUrl(QStringLiteral("signoff.example.org:8443"), &problem)));
        QCOMPARE(ConnectionChoice::serverUrl(QStringLiteral("signoff.example.org:8443"), &problem).toString(),
                 QStringLiteral("https://signoff.example.org:8443"));
        QVERIFY(problem.isEmpty());
        ConnectionChoice::serverUrl(QStringLiteral("ftp://signoff.example.org"), &problem);
        QVERIFY(!problem.isEmpty());
        ConnectionChoice::serverUrl(QStringLiteral("https://user:secret@signoff.example.org"), &problem);
        QVERIFY(!problem.isEmpty());
        ConnectionChoice::serverUrl(QStringLiteral("https://signoff.example.org/api/v1"), &problem);
        QVERIFY(!problem.isEmpty());
    }
};

QTEST_MAIN(TestClientDesk)
#include "tst_client_desk.moc"
