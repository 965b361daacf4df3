// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The desktop's main and error flows, driven through the real widgets:
// first start, sign-in errors, a requester's feature from creation through
// a duplicate-name refusal to submission, a reviewer's approval from the
// queue, live updates from other threads (as REST makes them), and a form
// whose item changed underneath.

#include "LoginDialog.h"
#include "MainWindow.h"
#include "UiFixture.h"
#include "dialogs/ResultsDialog.h"
#include "forms/FeatureForm.h"
#include "forms/OptionsEditor.h"
#include "FormManager.h"
#include "pages/DashboardPage.h"
#include "pages/ItemsPage.h"
#include "support/FieldMessage.h"
#include "support/MessageBanner.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QThread>
#include <QTreeWidget>
#include <QItemSelectionModel>
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

// The visible form of type T among the window's children.
template<typename T>
T *openForm(QWidget *window)
{
    for (T *form : window->findChildren<T *>()) {
        if (form->isVisible())
            return form;
    }
    return nullptr;
}

QStringList visibleTransitionButtons(QWidget *form)
{
    QStringList names;
    for (const char *name : {"submitButton", "approveButton", "rejectButton", "reviseButton"}) {
        auto *button = form->findChild<QPushButton *>(QString::fromLatin1(name));
        if (button && button->isVisible())
            names.append(QString::fromLatin1(name).remove(QStringLiteral("Button")));
    }
    return names;
}

void selectRows(QTableView *table, const QList<int> &rows)
{
    table->clearSelection();
    for (int row : rows)
        table->selectionModel()->select(table->model()->index(row, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    if (!rows.isEmpty())
        table->selectionModel()->setCurrentIndex(table->model()->index(rows.first(), 0), QItemSelectionModel::NoUpdate);
}

} // namespace

class TestUiFlows : public QObject
{
    Q_OBJECT

private slots:
    void init() { clearSettings(); }

    void firstStartCreatesTheAdministrator()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        LoginDialog login(fixture.backend());
        login.show();
        QTRY_VERIFY(login.isSettingUp());
        QVERIFY(child<QWidget>(&login, QStringLiteral("setupPage"))->isVisible());
        auto *create = child<QPushButton>(&login, QStringLiteral("createAdminButton"));
        auto *username = child<QLineEdit>(&login, QStringLiteral("adminUsernameEdit"));
        auto *password = child<QLineEdit>(&login, QStringLiteral("adminPasswordEdit"));
        auto *repeat = child<QLineEdit>(&login, QStringLiteral("adminRepeatPasswordEdit"));
        QVERIFY(!create->isEnabled());

        username->clear();
        QTest::keyClicks(username, QStringLiteral("Ada"));
        QCOMPARE(child<FieldMessage>(&login, QStringLiteral("adminUsernameMessage"))->text(),
                 QStringLiteral("The user name can only contain lower-case letters a–z, digits, dots, underscores and hyphens."));
        username->clear();
        QTest::keyClicks(username, QStringLiteral("ada"));
        QTest::keyClicks(password, QStringLiteral("short"));
        QCOMPARE(child<FieldMessage>(&login, QStringLiteral("adminPasswordMessage"))->text(),
                 QStringLiteral("The password must be at least 8 characters long."));
        QTest::keyClicks(password, QStringLiteral("-enough"));
        QTest::keyClicks(repeat, QStringLiteral("short-enougH"));
        QVERIFY(child<FieldMessage>(&login, QStringLiteral("adminRepeatPasswordMessage"))->isVisible());
        QVERIFY(!create->isEnabled());
        repeat->clear();
        QTest::keyClicks(repeat, QStringLiteral("short-enough"));
        QVERIFY(create->isEnabled());

        QTest::mouseClick(create, Qt::LeftButton);
        QTRY_COMPARE(login.result(), int(QDialog::Accepted));
        QCOMPARE(login.user().username, QStringLiteral("ada"));
        QVERIFY(login.user().role == Role::Admin);
        auto hasUsers = fixture.services().users().hasUsers();
        SIGNOFF_VERIFY_OK(hasUsers);
        QVERIFY(hasUsers.value());

        // The next start signs in.
        LoginDialog again(fixture.backend());
        again.show();
        QTRY_VERIFY(again.isReady());
        QVERIFY(!again.isSettingUp());
    }

    void wrongPasswordIsAMessage()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        fixture.addUser(QStringLiteral("alice"), Role::Requester);
        LoginDialog login(fixture.backend());
        login.show();
        QTRY_VERIFY(login.isReady());
        QTest::keyClicks(child<QLineEdit>(&login, QStringLiteral("usernameEdit")), QStringLiteral("alice"));
        QTest::keyClicks(child<QLineEdit>(&login, QStringLiteral("passwordEdit")), QStringLiteral("wrong password"));
        QTest::mouseClick(child<QPushButton>(&login, QStringLiteral("signInButton")), Qt::LeftButton);
        QVERIFY(login.isBusy()); // the password is checked on a worker thread
        QTRY_VERIFY(!login.isBusy());
        QVERIFY(login.isVisible());
        QVERIFY(login.result() != QDialog::Accepted);
        auto *message = child<FieldMessage>(&login, QStringLiteral("signInMessage"));
        QVERIFY(message->isVisible());
        QVERIFY(!message->text().isEmpty());
        QVERIFY(child<QLineEdit>(&login, QStringLiteral("passwordEdit"))->text().isEmpty());

        QTest::keyClicks(child<QLineEdit>(&login, QStringLiteral("passwordEdit")), UiFixture::passwordOf(QStringLiteral("alice")));
        QTest::mouseClick(child<QPushButton>(&login, QStringLiteral("signInButton")), Qt::LeftButton);
        QTRY_COMPARE(login.result(), int(QDialog::Accepted));
        QCOMPARE(login.user().username, QStringLiteral("alice"));
    }

    // The seed's main and error flows, then review, through the window.
    void requesterCreatesSubmitsAndReviewerApproves()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const User rita = fixture.addUser(QStringLiteral("rita"), Role::Reviewer);
        const User bob = fixture.addUser(QStringLiteral("bob"), Role::Requester);
        fixture.addFeature(bob, QStringLiteral("Dark mode"));

        MainWindow aliceWindow(fixture.backendFor(alice), alice);
        aliceWindow.show();
        // The dashboard is the first page and opens at start.
        QVERIFY(!aliceWindow.currentPage());
        QVERIFY(aliceWindow.dashboard()->isVisible());
        QCOMPARE(child<QListWidget>(&aliceWindow, QStringLiteral("navigation"))->item(0)->text(), QStringLiteral("Dashboard"));
        QVERIFY(aliceWindow.showPage(QStringLiteral("myItemsPage")));
        // A requester has no review queue, users or audit log.
        QVERIFY(!aliceWindow.page(QStringLiteral("reviewQueuePage")));
        QVERIFY(!aliceWindow.page(QStringLiteral("usersPage")));
        QVERIFY(!aliceWindow.page(QStringLiteral("auditPage")));
        QVERIFY(child<QLabel>(&aliceWindow, QStringLiteral("userStatus"))->text().contains(QStringLiteral("alice")));
        QVERIFY(child<QLabel>(&aliceWindow, QStringLiteral("databaseStatus"))->text().contains(fixture.databaseLabel()));

        child<QAction>(&aliceWindow, QStringLiteral("newAction"))->trigger();
        FeatureForm *form = openForm<FeatureForm>(&aliceWindow);
        QVERIFY(form);
        auto *name = child<QLineEdit>(form, QStringLiteral("nameEdit"));
        auto *save = child<QPushButton>(form, QStringLiteral("saveButton"));
        QVERIFY(!save->isEnabled()); // no name yet
        QTest::keyClicks(name, QStringLiteral("   "));
        QCOMPARE(child<FieldMessage>(form, QStringLiteral("nameMessage"))->text(), QStringLiteral("Enter a name."));
        name->clear();
        QTest::keyClicks(name, QStringLiteral("Dark mode"));
        QVERIFY(!child<FieldMessage>(form, QStringLiteral("nameMessage"))->isVisible());
        QVERIFY(save->isEnabled());

        // The error flow: the same name again is refused, next to the field; nothing is written.
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(settled(form));
        QCOMPARE(child<FieldMessage>(form, QStringLiteral("nameMessage"))->text(),
                 QStringLiteral("A feature named ‘Dark mode’ already exists."));
        QCOMPARE(name->text(), QStringLiteral("Dark mode"));
        QVERIFY(form->key().isEmpty());
        ItemQuery all;
        QCOMPARE(fixture.services().features().list(alice.actor(), all)->items.size(), 1);

        // The main flow: another name, options through the JSON tab, saved.
        name->clear();
        QTest::keyClicks(name, QStringLiteral("Dark mode for reports"));
        auto *json = child<QPlainTextEdit>(form, QStringLiteral("optionsJson"));
        json->setPlainText(QStringLiteral("{\"contrast\": \"high\", \"beta\": true}"));
        auto *table = child<QTableWidget>(form, QStringLiteral("optionsTable"));
        QCOMPARE(table->rowCount(), 2);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(settled(form));
        QVERIFY2(!form->key().isEmpty(), qPrintable(form->banner()->text()));
        QCOMPARE(child<QLabel>(form, QStringLiteral("statusLabel"))->text(), QStringLiteral("Draft"));
        QCOMPARE(child<QLabel>(form, QStringLiteral("versionLabel"))->text(), QStringLiteral("1"));
        QCOMPARE(visibleTransitionButtons(form), QStringList{QStringLiteral("submit")});
        const QUuid id = QUuid::fromString(form->key().section(u':', 1));
        auto stored = fixture.services().features().get(alice.actor(), id);
        SIGNOFF_VERIFY_OK(stored);
        QCOMPARE(stored->options.value(QStringLiteral("beta")).toBool(), true);
        QCOMPARE(stored->options.value(QStringLiteral("contrast")).toString(), QStringLiteral("high"));

        QTest::mouseClick(child<QPushButton>(form, QStringLiteral("submitButton")), Qt::LeftButton);
        QVERIFY(settled(form));
        QCOMPARE(child<QLabel>(form, QStringLiteral("statusLabel"))->text(), QStringLiteral("Pending"));
        QVERIFY(visibleTransitionButtons(form).isEmpty());
        QVERIFY(!save->isVisible()); // only drafts are edited
        QVERIFY(name->isReadOnly());
        QVERIFY(fixture.services().features().get(alice.actor(), id)->status == ItemStatus::Pending);

        // My items shows it (live) as pending.
        auto *myItems = static_cast<ItemsPage *>(aliceWindow.page(QStringLiteral("myItemsPage")));
        const QString key = FeatureForm::keyFor(id);
        QTRY_VERIFY_WITH_TIMEOUT(myItems->items()->rowOfKey(key) >= 0, 1000);
        QTRY_COMPARE_WITH_TIMEOUT(toString(myItems->items()->rowAt(myItems->items()->rowOfKey(key)).status), QStringLiteral("pending"), 1000);

        // The reviewer approves from the queue, with a comment.
        MainWindow ritaWindow(fixture.backendFor(rita), rita);
        ritaWindow.show();
        QVERIFY(ritaWindow.showPage(QStringLiteral("reviewQueuePage")));
        auto *queue = static_cast<ItemsPage *>(ritaWindow.currentPage());
        QVERIFY(settled(*queue->items()));
        QCOMPARE(queue->items()->rowCount(), 1);
        QCOMPARE(queue->items()->rowAt(0).title(), QStringLiteral("Dark mode for reports"));
        selectRows(queue->table(), {0});
        auto *approve = child<QAction>(&ritaWindow, QStringLiteral("approveAction"));
        QVERIFY(approve->isEnabled());
        whenModal([](QWidget *dialog) {
            QCOMPARE(dialog->objectName(), QStringLiteral("reviewDialog"));
            QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("commentEdit")), QStringLiteral("Looks good."));
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::LeftButton);
        });
        approve->trigger();
        QTRY_VERIFY(fixture.services().features().get(rita.actor(), id)->status == ItemStatus::Approved);
        QTRY_COMPARE(queue->items()->rowCount(), 0);
        QTRY_VERIFY(child<QLabel>(queue, QStringLiteral("emptyHint"))->isVisible());

        // The requester sees it approved: in her list and in her open form, with the comment in the history.
        QTRY_COMPARE_WITH_TIMEOUT(toString(myItems->items()->rowAt(myItems->items()->rowOfKey(key)).status), QStringLiteral("approved"), 1000);
        QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(form, QStringLiteral("statusLabel"))->text(), QStringLiteral("Approved"), 1000);
        auto *history = child<QTreeWidget>(form, QStringLiteral("history"));
        QTRY_COMPARE(history->topLevelItemCount(), 3); // create, submit, approve
        QCOMPARE(history->topLevelItem(2)->text(1), QStringLiteral("rita"));
        QCOMPARE(history->topLevelItem(2)->text(3), QStringLiteral("Looks good."));
    }

    void rejectionNeedsAReason()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const User rita = fixture.addUser(QStringLiteral("rita"), Role::Reviewer);
        const Feature feature = fixture.addFeature(alice, QStringLiteral("Export to CSV"), ItemStatus::Pending);

        MainWindow window(fixture.backendFor(rita), rita);
        window.show();
        auto *form = static_cast<FeatureForm *>(window.forms().openFeature(feature.id));
        QVERIFY(settled(form));
        QCOMPARE(visibleTransitionButtons(form), (QStringList{QStringLiteral("approve"), QStringLiteral("reject")}));
        bool confirmWasDisabled = false;
        whenModal([&confirmWasDisabled](QWidget *dialog) {
            auto *confirm = dialog->findChild<QPushButton *>(QStringLiteral("confirmButton"));
            auto *reason = dialog->findChild<QPlainTextEdit *>(QStringLiteral("commentEdit"));
            confirmWasDisabled = !confirm->isEnabled();
            QTest::keyClicks(reason, QStringLiteral(" "));
            QCOMPARE(dialog->findChild<FieldMessage *>(QStringLiteral("commentMessage"))->text(),
                     QStringLiteral("Give a reason for the rejection."));
            QTest::keyClicks(reason, QStringLiteral("Needs a design review first."));
            QVERIFY(confirm->isEnabled());
            QTest::mouseClick(confirm, Qt::LeftButton);
        });
        QTest::mouseClick(child<QPushButton>(form, QStringLiteral("rejectButton")), Qt::LeftButton);
        QVERIFY(confirmWasDisabled);
        QVERIFY(settled(form));
        QCOMPARE(child<QLabel>(form, QStringLiteral("statusLabel"))->text(), QStringLiteral("Rejected"));
        auto history = fixture.services().features().history(rita.actor(), feature.id);
        QCOMPARE(history->last().comment, QStringLiteral("Needs a design review first."));
    }

    // Several items at once: one result per item, failures included.
    void batchApprovalReportsEachItem()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const User rita = fixture.addUser(QStringLiteral("rita"), Role::Reviewer);
        const User rex = fixture.addUser(QStringLiteral("rex"), Role::Reviewer);
        QList<Feature> features;
        for (int i = 0; i < 3; ++i)
            features.append(fixture.addFeature(alice, QStringLiteral("Item %1").arg(i), ItemStatus::Pending));

        MainWindow window(fixture.backendFor(rita), rita);
        window.show();
        window.showPage(QStringLiteral("reviewQueuePage"));
        auto *queue = static_cast<ItemsPage *>(window.currentPage());
        QVERIFY(settled(*queue->items()));
        QCOMPARE(queue->items()->rowCount(), 3);
        selectRows(queue->table(), {0, 1, 2});
        // Another reviewer approves one of them first (as over REST).
        SIGNOFF_VERIFY_OK(fixture.services().features().transition(rex.actor(), features.at(1).id, WorkflowAction::Approve,
                                                                    features.at(1).version));

        QStringList results;
        whenModal([&results](QWidget *dialog) {
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::LeftButton);
            whenModal([&results](QWidget *report) {
                QCOMPARE(report->objectName(), QStringLiteral("resultsDialog"));
                auto *list = report->findChild<QTreeWidget *>(QStringLiteral("results"));
                for (int i = 0; i < list->topLevelItemCount(); ++i)
                    results.append(list->topLevelItem(i)->text(0) + QStringLiteral(": ") + list->topLevelItem(i)->text(1));
                static_cast<QDialog *>(report)->accept();
            });
        });
        child<QAction>(&window, QStringLiteral("approveAction"))->trigger();
        QTRY_COMPARE(results.size(), 3);
        QVERIFY(results.contains(QStringLiteral("Item 0: Done")));
        QVERIFY(results.contains(QStringLiteral("Item 2: Done")));
        // The version rita saw is still the submitted one: the item is decided.
        QVERIFY2(results.contains(QStringLiteral("Item 1: An item in status ‘approved’ cannot be given ‘approve’.")),
                 qPrintable(results.join(u'\n')));
        QTRY_COMPARE(queue->items()->rowCount(), 0);
    }

    // What a REST client does (in the server's thread) shows in an open table within a second.
    void changesFromAnotherThreadAppearLive()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const User bob = fixture.addUser(QStringLiteral("bob"), Role::Requester);
        fixture.addFeature(alice, QStringLiteral("First"));
        fixture.addFeature(alice, QStringLiteral("Second"));

        MainWindow window(fixture.backendFor(alice), alice);
        window.show();
        window.showPage(QStringLiteral("featuresPage"));
        auto *page = static_cast<ItemsPage *>(window.currentPage());
        QVERIFY(settled(*page->items()));
        QCOMPARE(page->items()->rowCount(), 2);
        const int firstRow = page->items()->rowOfKey(page->items()->rowAt(1).key());
        selectRows(page->table(), {firstRow});
        const QString selectedKey = page->items()->keyAt(firstRow);

        QUuid created;
        QThread *rest = QThread::create([&] {
            auto feature = fixture.services().features().create(bob.actor(), NewFeature{QStringLiteral("From REST"), {}});
            if (feature)
                created = feature->id;
        });
        rest->start();
        QVERIFY(rest->wait(10000));
        delete rest;
        QVERIFY(!created.isNull());
        const QString createdKey = FeatureForm::keyFor(created);
        QTRY_VERIFY_WITH_TIMEOUT(page->items()->rowOfKey(createdKey) >= 0, 1000);
        QCOMPARE(page->items()->rowOfKey(createdKey), 0);
        // The selection stayed on the same item.
        const QModelIndexList selected = page->table()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(page->items()->keyAt(selected.first().row()), selectedKey);
    }

    void formChangedUnderneathTellsInsteadOfOverwriting()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const User adam = fixture.addUser(QStringLiteral("adam"), Role::Admin);
        const Feature feature = fixture.addFeature(alice, QStringLiteral("Original"));

        MainWindow window(fixture.backendFor(alice), alice);
        window.show();
        auto *form = static_cast<FeatureForm *>(window.forms().openFeature(feature.id));
        QVERIFY(settled(form));
        auto *name = child<QLineEdit>(form, QStringLiteral("nameEdit"));
        QCOMPARE(name->text(), QStringLiteral("Original"));

        // Not edited here: the form follows the change and says so.
        QThread *rest = QThread::create([&] {
            fixture.services().features().update(adam.actor(), feature.id, FeaturePatch{QStringLiteral("Renamed by adam"), std::nullopt}).ok();
        });
        rest->start();
        QVERIFY(rest->wait(10000));
        delete rest;
        QTRY_COMPARE_WITH_TIMEOUT(name->text(), QStringLiteral("Renamed by adam"), 1000);
        QCOMPARE(form->banner()->kind(), MessageBanner::Kind::Information);
        QCOMPARE(child<QLabel>(form, QStringLiteral("versionLabel"))->text(), QStringLiteral("2"));

        // Edited here: what the person typed stays; the banner offers a reload.
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("My edit"));
        QVERIFY(form->isDirty());
        SIGNOFF_VERIFY_OK(fixture.services().features().update(adam.actor(), feature.id,
                                                               FeaturePatch{QStringLiteral("Adam again"), std::nullopt}));
        QTRY_COMPARE_WITH_TIMEOUT(form->banner()->kind(), MessageBanner::Kind::Warning, 1000);
        QVERIFY(form->banner()->text().contains(QStringLiteral("changed this item")));
        QCOMPARE(name->text(), QStringLiteral("My edit"));

        // Saving anyway is refused by the service: stale version, nothing written, edits kept.
        QTest::mouseClick(child<QPushButton>(form, QStringLiteral("saveButton")), Qt::LeftButton);
        QTRY_COMPARE(form->banner()->text(), QStringLiteral("Someone changed this item; reload it."));
        QCOMPARE(name->text(), QStringLiteral("My edit"));
        QCOMPARE(fixture.services().features().get(alice.actor(), feature.id)->name, QStringLiteral("Adam again"));

        QTest::mouseClick(child<QPushButton>(form->banner(), QStringLiteral("bannerAction")), Qt::LeftButton);
        QVERIFY(settled(form));
        QCOMPARE(name->text(), QStringLiteral("Adam again"));
        QVERIFY(!form->isDirty());
        QVERIFY(form->banner()->text().isEmpty());
    }

    void keyboardDrivesTheWindow()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const Feature draft = fixture.addFeature(alice, QStringLiteral("Throwaway draft"));
        fixture.addFeature(alice, QStringLiteral("Keeper"), ItemStatus::Pending);

        MainWindow window(fixture.backendFor(alice), alice);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.showPage(QStringLiteral("featuresPage"));
        auto *page = static_cast<ItemsPage *>(window.currentPage());

        // Ctrl+F: the search field.
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(page->searchField()->hasFocus());
        QTest::keyClicks(page->searchField(), QStringLiteral("keep"));
        QTRY_COMPARE_WITH_TIMEOUT(page->items()->rowCount(), 1, 2000);
        page->searchField()->clear();
        QTRY_COMPARE_WITH_TIMEOUT(page->items()->rowCount(), 2, 2000);

        // Enter opens the current row.
        const int draftRow = page->items()->rowOfKey(FeatureForm::keyFor(draft.id));
        page->table()->setFocus();
        selectRows(page->table(), {draftRow});
        QTest::keyClick(page->table(), Qt::Key_Return);
        auto *form = openForm<FeatureForm>(&window);
        QVERIFY(form);
        QVERIFY(settled(form));
        QCOMPARE(form->key(), FeatureForm::keyFor(draft.id));
        form->close();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));

        // Delete removes a draft after confirmation; a pending item cannot be deleted.
        page->table()->setFocus();
        selectRows(page->table(), {page->items()->rowOfKey(FeatureForm::keyFor(draft.id))});
        clickInNextModal(QStringLiteral("confirmButton"));
        QTest::keyClick(page->table(), Qt::Key_Delete);
        QTRY_COMPARE(page->items()->rowCount(), 1);
        QTRY_VERIFY(!page->isWorking());
        SIGNOFF_VERIFY_ERROR(fixture.services().features().get(alice.actor(), draft.id), NotFound);
        selectRows(page->table(), {0});
        QVERIFY(!child<QAction>(&window, QStringLiteral("deleteAction"))->isEnabled());

        // F5 refreshes; Ctrl+N opens a new feature form.
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        fixture.addFeature(alice, QStringLiteral("Made elsewhere"));
        QTest::keyClick(page->table(), Qt::Key_F5);
        QTRY_COMPARE(page->items()->rowCount(), 2);
        QTest::keyClick(page->table(), Qt::Key_N, Qt::ControlModifier);
        form = openForm<FeatureForm>(&window);
        QVERIFY(form);
        QVERIFY(form->key().isEmpty());
    }

    // Reviewing without the mouse: Ctrl+2 to the queue, Down from the search
    // lands on the first row, Ctrl+Shift+A approves it with Ctrl+Enter in
    // the comment dialog, and the next item is selected, ready for the next.
    // Help lists the shortcuts from the actions themselves.
    void keyboardReviewsOneItemAfterAnother()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const User rita = fixture.addUser(QStringLiteral("rita"), Role::Reviewer);
        for (int i = 0; i < 3; ++i)
            fixture.addFeature(alice, QStringLiteral("Waiting %1").arg(i), ItemStatus::Pending);

        MainWindow window(fixture.backendFor(rita), rita);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier); // dashboard, my items, review queue
        QCOMPARE(window.currentPage() ? window.currentPage()->objectName() : QString(), QStringLiteral("reviewQueuePage"));
        auto *queue = static_cast<ItemsPage *>(window.currentPage());
        QVERIFY(settled(*queue->items()));
        QCOMPARE(queue->items()->rowCount(), 3);

        queue->searchField()->setFocus();
        QTest::keyClick(queue->searchField(), Qt::Key_Down);
        QVERIFY(queue->table()->hasFocus());
        QCOMPARE(queue->table()->currentIndex().row(), 0);
        QTRY_VERIFY(queue->table()->selectionModel()->isRowSelected(0, {}));
        const QString second = queue->items()->rowAt(1).title();

        whenModal([](QWidget *dialog) {
            QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("commentEdit")), QStringLiteral("Fine."));
            QTest::keyClick(dialog->findChild<QPlainTextEdit *>(QStringLiteral("commentEdit")), Qt::Key_Return, Qt::ControlModifier);
        });
        QTest::keyClick(queue->table(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(queue->items()->rowCount(), 2, 5000);
        QVERIFY(settled(*queue->items()));
        QTRY_VERIFY(queue->table()->selectionModel()->isRowSelected(0, {}));
        QCOMPARE(queue->items()->rowAt(queue->table()->currentIndex().row()).title(), second);
        auto history = fixture.services().features().list(rita.actor(), ItemQuery{ItemStatus::Approved, {}, {}, false, false, {}, {}});
        SIGNOFF_VERIFY_OK(history);
        QCOMPARE(history->items.size(), 1);

        QApplication::setActiveWindow(&window); // the review dialog had it
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QStringList listed;
        whenModal([&listed](QWidget *dialog) {
            auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
            for (int row = 0; table && row < table->rowCount(); ++row)
                listed.append(table->item(row, 0)->text() + QStringLiteral(" = ") + table->item(row, 1)->text());
            static_cast<QDialog *>(dialog)->reject();
        });
        QTest::keyClick(&window, Qt::Key_F1);
        QVERIFY2(listed.contains(QStringLiteral("Approve = Ctrl+Shift+A")), qPrintable(listed.join(u'|')));
        QVERIFY2(listed.contains(QStringLiteral("Reject = Ctrl+Shift+R")), qPrintable(listed.join(u'|')));
        QVERIFY2(listed.contains(QStringLiteral("Review queue = Ctrl+3")), qPrintable(listed.join(u'|')));
    }

    void signOutIsAskedFor()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        MainWindow window(fixture.backendFor(alice), alice);
        window.show();
        QSignalSpy signOut(&window, &MainWindow::signOutRequested);
        child<QAction>(&window, QStringLiteral("signOutAction"))->trigger();
        QCOMPARE(signOut.count(), 1);
    }

    void unsavedEditsAreNotLostByClosing()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        MainWindow window(fixture.backendFor(alice), alice);
        window.show();
        auto *form = static_cast<FeatureForm *>(window.forms().openFeature(QUuid()));
        QTest::keyClicks(child<QLineEdit>(form, QStringLiteral("nameEdit")), QStringLiteral("Half-typed"));
        whenModal([](QWidget *box) {
            QCOMPARE(box->objectName(), QStringLiteral("discardChangesBox"));
            static_cast<QMessageBox *>(box)->button(QMessageBox::Cancel)->click();
        });
        form->close();
        QVERIFY(form->isVisible());
        whenModal([](QWidget *box) { static_cast<QMessageBox *>(box)->button(QMessageBox::Discard)->click(); });
        form->close();
        QTRY_VERIFY(!openForm<FeatureForm>(&window));
    }
};

QTEST_MAIN(TestUiFlows)
#include "tst_ui_flows.moc"
