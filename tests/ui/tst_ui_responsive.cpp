// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The window never waits on the database: with another process holding the
// SQLite file's write lock, saving a form leaves the window painting and
// taking input (the event loop keeps turning: the longest gap between the
// ticks of a 10 ms timer stays under 100 ms), shows progress at the button,
// keeps what was typed, and ends with the "database is busy" message; once
// the lock is gone the same save goes through.

#include "FormManager.h"
#include "MainWindow.h"
#include "UiFixture.h"
#include "forms/FeatureForm.h"
#include "pages/ItemsPage.h"
#include "support/MessageBanner.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

// The longest time between two ticks of a fast timer while it runs: how long
// the GUI thread was kept from its event loop.
class Heartbeat : public QObject
{
public:
    Heartbeat()
    {
        m_timer.setInterval(10);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longest = std::max(m_longest, m_sinceLast.restart());
            ++m_ticks;
        });
        m_sinceLast.start();
        m_timer.start();
    }
    qint64 longestGapMs() const { return m_longest; }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceLast;
    qint64 m_longest = 0;
    int m_ticks = 0;
};

} // namespace

class TestUiResponsive : public QObject
{
    Q_OBJECT

private slots:
    void init() { clearSettings(); }

    void savingWhileAnotherProcessHoldsTheLock()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        if (fixture.database().url().dialect != SqlDialect::Sqlite)
            QSKIP("SQLite's file lock");
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const Feature draft = fixture.addFeature(alice, QStringLiteral("Before the lock"));

        MainWindow window(fixture.backendFor(alice), alice);
        window.show();
        window.showPage(QStringLiteral("featuresPage"));
        auto *page = static_cast<ItemsPage *>(window.currentPage());
        QVERIFY(settled(*page->items()));
        auto *form = static_cast<FeatureForm *>(window.forms().openFeature(draft.id));
        QVERIFY(settled(form));
        auto *name = form->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        auto *save = form->findChild<QPushButton *>(QStringLiteral("saveButton"));
        auto *busyBar = form->findChild<QProgressBar *>(QStringLiteral("busyBar"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Edited during the lock"));
        QVERIFY(save->isEnabled());

        QProcess holder;
        holder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        holder.start(qEnvironmentVariable("SIGNOFF_LOCK_HOLDER"), {fixture.database().url().path, QStringLiteral("60")});
        QVERIFY2(holder.waitForStarted(10000), qPrintable(holder.errorString()));
        QVERIFY(holder.waitForReadyRead(10000));
        QCOMPARE(holder.readLine().trimmed(), QByteArray("locked"));

        Heartbeat heartbeat;
        QTest::mouseClick(save, Qt::LeftButton);
        // Progress at the button; the form keeps what was typed.
        QVERIFY(form->isBusy());
        QCOMPARE(save->text(), QStringLiteral("Saving…"));
        QVERIFY(!save->isEnabled());
        QVERIFY(busyBar->isVisible());

        // Meanwhile the window takes input and paints, and reading works.
        QTest::qWait(300);
        QVERIFY(form->isBusy());
        QTest::keyClicks(page->searchField(), QStringLiteral("lock"));
        QCOMPARE(page->searchField()->text(), QStringLiteral("lock"));
        QVERIFY(!window.grab().isNull());
        QTRY_COMPARE_WITH_TIMEOUT(page->items()->rowCount(), 1, 5000);

        // SQLite gives up after its busy timeout (and a few retries): the existing message.
        QTRY_VERIFY_WITH_TIMEOUT(!form->isBusy(), 60000);
        const qint64 longestGap = heartbeat.longestGapMs();
        QVERIFY(heartbeat.ticks() > 100);
        QVERIFY2(longestGap < 100, qPrintable(QStringLiteral("the event loop stood still for %1 ms").arg(longestGap)));
        QCOMPARE(form->banner()->text(), QStringLiteral("The database is busy; try again shortly."));
        QCOMPARE(save->text(), QStringLiteral("&Save"));
        QVERIFY(!busyBar->isVisible());
        QCOMPARE(name->text(), QStringLiteral("Edited during the lock"));
        QVERIFY(form->isDirty());
        QCOMPARE(fixture.services().features().get(alice.actor(), draft.id)->name, QStringLiteral("Before the lock"));

        // The other process lets go: the same save goes through.
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(settled(form));
        QVERIFY2(!form->isDirty(), qPrintable(form->banner()->text()));
        QCOMPARE(fixture.services().features().get(alice.actor(), draft.id)->name, QStringLiteral("Edited during the lock"));
    }
};

QTEST_MAIN(TestUiResponsive)
#include "tst_ui_responsive.moc"
