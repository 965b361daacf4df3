// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Notifications (docs/design.md, "Team mode") in the real main window, database
// mode: a reviewer hears of an item entering their queue and sees the
// count; an owner hears of their item approved, rejected (with the reason)
// and commented on by someone else, not of their own comments; Settings
// turns it all off. (The offscreen platform has no tray: messages go to the
// status bar there, and the test listens to what the window is told.)

#include "MainWindow.h"
#include "ReviewNotifications.h"
#include "UiFixture.h"

#include <QSignalSpy>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

bool told(const QSignalSpy &spy, const QString &title, const QString &part)
{
    for (const QList<QVariant> &arguments : spy) {
        if (arguments.at(0).toString() == title && arguments.at(1).toString().contains(part))
            return true;
    }
    return false;
}

Feature moved(UiFixture &fixture, const User &actor, const Feature &feature, WorkflowAction action, const QString &comment = {})
{
    auto result = fixture.services().features().transition(actor.actor(), feature.id, action, feature.version, comment);
    if (!result)
        qWarning("transition failed: %s", qPrintable(result.error().englishSummary()));
    return result ? result.value() : feature;
}

} // namespace

class TestUiNotifications : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        clearSettings();
    }

    void reviewersAndOwnersHearWhatConcernsThem()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const User rita = fixture.addUser(QStringLiteral("rita"), Role::Reviewer);
        const Feature draft = fixture.addFeature(alice, QStringLiteral("Dark mode"));
        const Feature other = fixture.addFeature(alice, QStringLiteral("Offline mode"));

        MainWindow ritaWindow(fixture.backendFor(rita), rita);
        MainWindow aliceWindow(fixture.backendFor(alice), alice);
        auto *ritaHears = ritaWindow.findChild<ReviewNotifications *>(QStringLiteral("reviewNotifications"));
        auto *aliceHears = aliceWindow.findChild<ReviewNotifications *>(QStringLiteral("reviewNotifications"));
        QVERIFY(ritaHears && aliceHears);
        QSignalSpy ritaTold(ritaHears, &ReviewNotifications::notified);
        QSignalSpy aliceTold(aliceHears, &ReviewNotifications::notified);
        QTRY_COMPARE(ritaHears->waitingCount(), 0);
        QTRY_COMPARE(aliceHears->waitingCount(), 0); // a requester reviews nothing
        QTest::qWait(200); // the owner's items are known before anything happens

        // Submitted: in rita's queue, counted and told; alice, the owner, hears nothing.
        const Feature pending = moved(fixture, alice, draft, WorkflowAction::Submit);
        QTRY_VERIFY(told(ritaTold, QStringLiteral("Waiting for your review"), QStringLiteral("Dark mode")));
        QTRY_COMPARE(ritaHears->waitingCount(), 1);
        QTRY_COMPARE(ritaWindow.windowTitle(), QStringLiteral("Signoff (1)"));

        // Commented by rita: alice hears it; rita does not hear her own.
        SIGNOFF_VERIFY_OK(fixture.services().features().addComment(rita.actor(), pending.id, QStringLiteral("Which screens?")));
        QTRY_VERIFY(told(aliceTold, QStringLiteral("New comment"), QStringLiteral("Which screens?")));
        QVERIFY(!told(ritaTold, QStringLiteral("New comment"), QString()));

        // Rejected with a reason: alice hears why; the queue is empty again.
        moved(fixture, rita, pending, WorkflowAction::Reject, QStringLiteral("Too vague."));
        QTRY_VERIFY(told(aliceTold, QStringLiteral("Rejected"), QStringLiteral("Too vague.")));
        QTRY_COMPARE(ritaHears->waitingCount(), 0);

        // Approved.
        const Feature submitted = moved(fixture, alice, other, WorkflowAction::Submit);
        moved(fixture, rita, submitted, WorkflowAction::Approve);
        QTRY_VERIFY(told(aliceTold, QStringLiteral("Approved"), QStringLiteral("Offline mode")));
        QVERIFY(!told(aliceTold, QStringLiteral("Waiting for your review"), QString()));
    }

    void settingsTurnThemOff()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User rita = fixture.addUser(QStringLiteral("rita"), Role::Reviewer);
        ReviewNotifications::saveEnabledInSettings(false);
        MainWindow window(fixture.backendFor(rita), rita);
        QVERIFY(!window.findChild<ReviewNotifications *>());
        ReviewNotifications::saveEnabledInSettings(true);
        MainWindow again(fixture.backendFor(rita), rita);
        QVERIFY(again.findChild<ReviewNotifications *>());
    }
};

QTEST_MAIN(TestUiNotifications)
#include "tst_ui_notifications.moc"
