// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Review depth in the real forms and pages (docs/design.md, "State machine" and
// "Approval policies"), database mode under the offscreen platform: the comment
// thread on an item's form (posting, and others' comments arriving),
// withdrawing a pending item, the rejection's reason at the top of the owner's
// form, the approvals so far, and the Policies page saving with its loaded
// version.

#include "Session.h"
#include "UiFixture.h"
#include "forms/FeatureForm.h"
#include "pages/PoliciesPage.h"
#include "support/MessageBanner.h"

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
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

QString tabText(QWidget *form, const QString &widgetName)
{
    auto *tabs = child<QTabWidget>(form, QStringLiteral("tabs"));
    return tabs->tabText(tabs->indexOf(child<QWidget>(form, widgetName)));
}

} // namespace

class TestUiDiscussion : public QObject
{
    Q_OBJECT

private slots:
    void commentsArePostedAndArrive()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const User rita = fixture.addUser(QStringLiteral("rita"), Role::Reviewer);
        const Feature feature = fixture.addFeature(alice, QStringLiteral("Dark mode"), ItemStatus::Pending);

        Session session(fixture.backendFor(rita), rita);
        FeatureForm form(session, feature.id);
        form.show();
        QVERIFY(settled(&form));
        auto *thread = child<QListWidget>(&form, QStringLiteral("comments"));
        QTRY_COMPARE(tabText(&form, QStringLiteral("commentThread")), QStringLiteral("Co&mments"));
        QCOMPARE(thread->count(), 0);

        QTest::keyClicks(child<QPlainTextEdit>(&form, QStringLiteral("commentDraft")), QStringLiteral("Which screens?"));
        QTest::mouseClick(child<QPushButton>(&form, QStringLiteral("postComment")), Qt::LeftButton);
        QTRY_COMPARE(thread->count(), 1);
        QCOMPARE(child<QPlainTextEdit>(&form, QStringLiteral("commentDraft"))->toPlainText(), QString());
        auto stored = fixture.services().features().comments(alice.actor(), feature.id);
        SIGNOFF_VERIFY_OK(stored);
        QCOMPARE(stored->size(), 1);
        QCOMPARE(stored->first().author, QStringLiteral("rita"));
        QCOMPARE(stored->first().body, QStringLiteral("Which screens?"));

        // The owner answers elsewhere: the open thread shows it.
        SIGNOFF_VERIFY_OK(fixture.services().features().addComment(alice.actor(), feature.id, QStringLiteral("All of them.")));
        QTRY_COMPARE(thread->count(), 2);
        QTRY_COMPARE(tabText(&form, QStringLiteral("commentThread")), QStringLiteral("Co&mments (2)"));
        // Commenting is not reviewing: the item is still pending at version 2.
        QCOMPARE(child<QLabel>(&form, QStringLiteral("statusLabel"))->text(), QStringLiteral("Pending"));
    }

    void theOwnerWithdrawsAPendingItem()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const Feature feature = fixture.addFeature(alice, QStringLiteral("Offline mode"), ItemStatus::Pending);

        Session session(fixture.backendFor(alice), alice);
        FeatureForm form(session, feature.id);
        form.show();
        QVERIFY(settled(&form));
        auto *withdraw = child<QPushButton>(&form, QStringLiteral("withdrawButton"));
        QVERIFY(withdraw->isVisible());
        QTest::mouseClick(withdraw, Qt::LeftButton);
        QTRY_COMPARE(child<QLabel>(&form, QStringLiteral("statusLabel"))->text(), QStringLiteral("Draft"));
        QVERIFY(fixture.services().features().get(alice.actor(), feature.id)->status == ItemStatus::Draft);
        QVERIFY(!withdraw->isVisible());
        QVERIFY(child<QPushButton>(&form, QStringLiteral("submitButton"))->isVisible());
    }

    void aRejectedItemSaysWhyAtTheTop()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const User rita = fixture.addUser(QStringLiteral("rita"), Role::Reviewer);
        const Feature rejected = fixture.addFeature(alice, QStringLiteral("Sounds"), ItemStatus::Rejected, &rita);
        const Feature pending = fixture.addFeature(alice, QStringLiteral("Colours"), ItemStatus::Pending);

        Session session(fixture.backendFor(alice), alice);
        FeatureForm form(session, rejected.id);
        form.show();
        QVERIFY(settled(&form));
        auto *why = child<QLabel>(&form, QStringLiteral("rejectionLabel"));
        QTRY_VERIFY(why->isVisible());
        QVERIFY2(why->text().contains(QStringLiteral("rita")) && why->text().contains(QStringLiteral("Not like this.")),
                 qPrintable(why->text()));

        FeatureForm other(session, pending.id);
        other.show();
        QVERIFY(settled(&other));
        QTest::qWait(100);
        QVERIFY(!child<QLabel>(&other, QStringLiteral("rejectionLabel"))->isVisible());
    }

    void approvalsSoFarAreShown()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const User rita = fixture.addUser(QStringLiteral("rita"), Role::Reviewer);
        const User adam = fixture.addUser(QStringLiteral("adam"), Role::Admin);
        auto policy = fixture.services().policy().get(adam.actor());
        SIGNOFF_VERIFY_OK(policy);
        ApprovalPolicy twoOfThem = policy.value();
        twoOfThem.featureApprovals = 2;
        SIGNOFF_VERIFY_OK(fixture.services().policy().update(adam.actor(), twoOfThem));
        const Feature feature = fixture.addFeature(alice, QStringLiteral("Search"), ItemStatus::Pending);
        SIGNOFF_VERIFY_OK(fixture.services().features().transition(rita.actor(), feature.id, WorkflowAction::Approve,
                                                                   feature.version, QString()));

        Session session(fixture.backendFor(alice), alice);
        FeatureForm form(session, feature.id);
        form.show();
        QVERIFY(settled(&form));
        QCOMPARE(child<QLabel>(&form, QStringLiteral("approvalsLabel"))->text(), QStringLiteral("1 of 2: rita"));
    }

    void thePoliciesPageSavesWithItsLoadedVersion()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User adam = fixture.addUser(QStringLiteral("adam"), Role::Admin);
        const User eve = fixture.addUser(QStringLiteral("eve"), Role::Admin);
        Session session(fixture.backendFor(adam), adam);
        PoliciesPage page(session);
        page.show();
        auto *features = child<QSpinBox>(&page, QStringLiteral("featureApprovals"));
        auto *save = child<QPushButton>(&page, QStringLiteral("savePolicyButton"));
        QTRY_VERIFY(features->isEnabled());
        QCOMPARE(features->value(), 1);
        QVERIFY(!save->isEnabled()); // nothing edited

        features->setValue(3);
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE(fixture.services().policy().get(adam.actor())->featureApprovals, 3);
        QTRY_VERIFY(!save->isEnabled());
        QTRY_VERIFY(!page.isBusy()); // its own change, announced, looked at again

        // Someone else changes it while adam edits: his save does not overwrite theirs.
        features->setValue(4);
        auto current = fixture.services().policy().get(eve.actor());
        SIGNOFF_VERIFY_OK(current);
        ApprovalPolicy theirs = current.value();
        theirs.featureApprovals = 2;
        SIGNOFF_VERIFY_OK(fixture.services().policy().update(eve.actor(), theirs, current->version));
        auto *banner = child<MessageBanner>(&page, QStringLiteral("policyBanner"));
        QTRY_VERIFY(banner->isVisible());
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY(banner->text().contains(QStringLiteral("since it was loaded")));
        QCOMPARE(fixture.services().policy().get(adam.actor())->featureApprovals, 2);
        // Reloading shows theirs.
        emit banner->actionTriggered();
        QTRY_COMPARE(features->value(), 2);
    }
};

QTEST_MAIN(TestUiDiscussion)
#include "tst_ui_discussion.moc"
