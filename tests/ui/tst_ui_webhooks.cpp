// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Webhooks page (docs/design.md, "The desktop" and "Webhooks") on a real
// SQLite file: an administrator registers an endpoint through the page's dialog
// (a private address refused with core's message on the URL field), sees the
// secret once, which is the one deliveries are signed with; the delivery log
// shows an attempt and redelivers it; the endpoint is deactivated and deleted.
// Someone who is not an administrator has no Webhooks page.

#include "MainWindow.h"
#include "Session.h"
#include "UiFixture.h"
#include "dialogs/WebhookDialog.h"
#include "pages/WebhooksPage.h"
#include "service/AuditSealer.h"
#include "support/FieldMessage.h"
#include "support/MessageBanner.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

template<typename T>
T *child(QObject *parent, const QString &name)
{
    return parent->findChild<T *>(name);
}

int navigationRow(QListWidget *navigation, const QString &text)
{
    for (int row = 0; row < navigation->count(); ++row) {
        if (navigation->item(row)->text() == text)
            return row;
    }
    return -1;
}

// What the dialog showed, gathered while it was open.
struct DialogSeen
{
    QString refusal;      // the URL field's message for a private address
    QString secret;
    bool secretReadOnly = false;
    QString note;
    QString copied;
    bool closed = false;
};

} // namespace

class TestUiWebhooks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { clearSettings(); }

    void anAdministratorManagesWebhooks()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User adam = fixture.addUser(QStringLiteral("adam"), Role::Admin);
        MainWindow window(fixture.backendFor(adam), adam);
        window.show();

        auto *navigation = child<QListWidget>(&window, QStringLiteral("navigation"));
        QVERIFY(navigation);
        const int policies = navigationRow(navigation, QStringLiteral("Policies"));
        const int webhooks = navigationRow(navigation, QStringLiteral("Webhooks"));
        QVERIFY(policies >= 0);
        QCOMPARE(webhooks, policies + 1);
        navigation->setCurrentRow(webhooks);
        auto *page = child<WebhooksPage>(&window, QStringLiteral("webhooksPage"));
        QVERIFY(page);
        QVERIFY(page->isVisible());
        auto *list = child<QTreeWidget>(page, QStringLiteral("webhookList"));
        auto *log = child<QTreeWidget>(page, QStringLiteral("deliveryList"));
        auto *banner = child<MessageBanner>(page, QStringLiteral("webhooksBanner"));
        QVERIFY(list && log && banner);
        QVERIFY(waitFor([&] { return child<QPushButton>(page, QStringLiteral("refreshWebhooksButton"))->isEnabled(); }));
        QCOMPARE(list->topLevelItemCount(), 0);
        QVERIFY(!child<QPushButton>(page, QStringLiteral("toggleWebhookButton"))->isEnabled());
        QSignalSpy messages(page, &WebhooksPage::statusMessage);

        // New…: a private address first (refused on the URL field), then a public one.
        DialogSeen seen;
        whenModal([&seen](QWidget *modal) {
            auto *dialog = qobject_cast<WebhookDialog *>(modal);
            if (!dialog) {
                modal->close();
                return;
            }
            auto *url = child<QLineEdit>(dialog, QStringLiteral("webhookUrl"));
            auto *events = child<QPlainTextEdit>(dialog, QStringLiteral("webhookEvents"));
            auto *create = child<QPushButton>(dialog, QStringLiteral("createWebhookButton"));
            auto *urlMessage = child<FieldMessage>(dialog, QStringLiteral("webhookUrlMessage"));
            url->setText(QStringLiteral("https://10.1.2.3/hook"));
            events->setPlainText(QStringLiteral("feature.*, order.approved\nfeature.approved\n"));
            QTest::mouseClick(create, Qt::LeftButton);
            if (waitFor([&] { return !urlMessage->isHidden() && !urlMessage->text().isEmpty(); }))
                seen.refusal = urlMessage->text();
            url->setText(QStringLiteral("https://93.184.216.34/hook"));
            QTest::mouseClick(create, Qt::LeftButton);
            auto *secret = child<QLineEdit>(dialog, QStringLiteral("webhookSecret"));
            if (waitFor([&] { return secret->isVisible() && !secret->text().isEmpty(); })) {
                seen.secret = secret->text();
                seen.secretReadOnly = secret->isReadOnly();
                seen.note = child<QLabel>(dialog, QStringLiteral("secretNote"))->text();
                QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("copySecretButton")), Qt::LeftButton);
                seen.copied = QGuiApplication::clipboard()->text();
            }
            if (auto *close = child<QPushButton>(dialog, QStringLiteral("closeButton"))) {
                QTest::mouseClick(close, Qt::LeftButton);
                seen.closed = true;
            } else {
                dialog->reject();
            }
        });
        QTest::mouseClick(child<QPushButton>(page, QStringLiteral("newWebhookButton")), Qt::LeftButton);
        // Core's own words for the refusal.
        auto refused = fixture.services().webhooks().checkTarget(QStringLiteral("https://10.1.2.3/hook"));
        QVERIFY(!refused);
        QVERIFY(seen.refusal.contains(QStringLiteral("10.1.2.3")));
        QCOMPARE(seen.refusal, refused.error().fields.first().message.translated());
        QVERIFY2(seen.secret.startsWith(QStringLiteral("whsec_")), qPrintable(seen.secret));
        QVERIFY(seen.secretReadOnly);
        QVERIFY(seen.note.contains(QStringLiteral("shown only now")));
        QCOMPARE(seen.copied, seen.secret);
        QVERIFY(seen.closed);

        // Stored as entered, once; the list shows it; no secret anywhere on the page.
        auto stored = fixture.services().webhooks().list(adam.actor(), PageRequest{});
        SIGNOFF_VERIFY_OK(stored);
        QCOMPARE(stored->items.size(), 1);
        const WebhookEndpoint endpoint = stored->items.first();
        QCOMPARE(endpoint.url, QStringLiteral("https://93.184.216.34/hook"));
        QCOMPARE(endpoint.events,
                 (QStringList{QStringLiteral("feature.*"), QStringLiteral("order.approved"), QStringLiteral("feature.approved")}));
        QVERIFY(endpoint.active);
        QVERIFY(waitFor([&] { return list->topLevelItemCount() == 1; }));
        QCOMPARE(list->topLevelItem(0)->text(0), endpoint.url);
        QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("Active"));
        QCOMPARE(page->selectedEndpoint()->id, endpoint.id);
        QVERIFY(page->selectedEndpoint()->secret.isEmpty());

        // An event it follows becomes a delivery signed with the secret shown.
        auto feature = fixture.services().features().create(adam.actor(), NewFeature{QStringLiteral("Dark mode"), {}});
        SIGNOFF_VERIFY_OK(feature);
        SIGNOFF_VERIFY_OK(AuditSealer::sealPending(fixture.database())); // as `serve` does before sending
        auto jobs = fixture.services().webhooks().claimDue(QStringLiteral("test"), 10);
        SIGNOFF_VERIFY_OK(jobs);
        QCOMPARE(jobs->size(), 1);
        QCOMPARE(jobs->first().secret, seen.secret);
        SendResult sent;
        sent.responseCode = 503;
        sent.durationMs = 42;
        SIGNOFF_VERIFY_OK(fixture.services().webhooks().recordAttempt(QStringLiteral("test"), jobs->first(), sent));

        // The log after a refresh: time, event, status, attempts, response code, duration.
        QTest::mouseClick(child<QPushButton>(page, QStringLiteral("refreshWebhooksButton")), Qt::LeftButton);
        QVERIFY(waitFor([&] { return log->topLevelItemCount() == 1 && log->topLevelItem(0)->text(4) == QStringLiteral("503"); }));
        QTreeWidgetItem *delivery = log->topLevelItem(0);
        QVERIFY(!delivery->text(0).isEmpty());
        QCOMPARE(delivery->text(1), QStringLiteral("feature.created"));
        QCOMPARE(delivery->text(2), QStringLiteral("Retrying"));
        QCOMPARE(delivery->text(3), QStringLiteral("1"));
        QCOMPARE(delivery->text(5), QStringLiteral("42 ms"));

        // Redeliver: queued again, due now.
        auto *redeliver = child<QPushButton>(page, QStringLiteral("redeliverButton"));
        QVERIFY(!redeliver->isEnabled());
        log->setCurrentItem(delivery);
        QVERIFY(redeliver->isEnabled());
        QTest::mouseClick(redeliver, Qt::LeftButton);
        QVERIFY(waitFor([&] { return !messages.isEmpty() && messages.last().first().toString().contains(QStringLiteral("queued")); }));
        QVERIFY(banner->text().isEmpty());
        auto again = fixture.services().webhooks().claimDue(QStringLiteral("test"), 10);
        SIGNOFF_VERIFY_OK(again);
        QCOMPARE(again->size(), 1);

        // Deactivate: stored paused, shown paused, the button offers Activate.
        auto *toggle = child<QPushButton>(page, QStringLiteral("toggleWebhookButton"));
        QVERIFY(toggle->isEnabled());
        QCOMPARE(toggle->text(), QStringLiteral("&Deactivate"));
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(waitFor([&] { return list->topLevelItemCount() == 1 && list->topLevelItem(0)->text(2) == QStringLiteral("Paused"); }));
        QVERIFY(!fixture.services().webhooks().get(adam.actor(), endpoint.id)->active);
        QVERIFY(waitFor([&] { return toggle->isEnabled() && toggle->text() == QStringLiteral("&Activate"); }));

        // Delete, after a confirmation: gone from the database and the page.
        clickInNextModal(QStringLiteral("confirmButton"));
        QTest::mouseClick(child<QPushButton>(page, QStringLiteral("deleteWebhookButton")), Qt::LeftButton);
        QVERIFY(waitFor([&] { return list->topLevelItemCount() == 0; }));
        SIGNOFF_VERIFY_ERROR(fixture.services().webhooks().get(adam.actor(), endpoint.id), NotFound);
        QCOMPARE(log->topLevelItemCount(), 0);
        QVERIFY(banner->text().isEmpty());
    }

    void othersHaveNoWebhooksPage()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        for (Role role : {Role::Requester, Role::Reviewer}) {
            const User user = fixture.addUser(role == Role::Requester ? QStringLiteral("alice") : QStringLiteral("rita"), role);
            MainWindow window(fixture.backendFor(user), user);
            window.show();
            auto *navigation = child<QListWidget>(&window, QStringLiteral("navigation"));
            QVERIFY(navigation);
            QVERIFY(navigation->count() > 0);
            QCOMPARE(navigationRow(navigation, QStringLiteral("Webhooks")), -1);
            QVERIFY(!window.findChild<WebhooksPage *>());
        }
    }
};

QTEST_MAIN(TestUiWebhooks)
#include "tst_ui_webhooks.moc"
