// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Dashboard page (docs/design.md, "The dashboard's figures") in the real
// window on a real SQLite file: the figures its tables show are the items
// created and decided here; it opens first, follows changes made elsewhere,
// switches period and between charts and tables, and paints its charts with the
// palette (a dark desktop gets light labels). Also how durations read.

#include "MainWindow.h"
#include "UiFixture.h"
#include "pages/DashboardCharts.h"
#include "pages/DashboardFigures.h"
#include "pages/DashboardPage.h"
#include "support/Format.h"

#include <QAbstractAxis>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QTableView>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

constexpr int patienceMs = 10000; // a refresh waits out the 2 s throttle; nothing here is timed

template<typename T>
T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

// The text a table shows in `column` of the row whose first column says `rowLabel`.
QString cell(QTableView *table, const QString &rowLabel, int column)
{
    const QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data().toString() == rowLabel)
            return model->index(row, column).data().toString();
    }
    return QStringLiteral("<no row %1>").arg(rowLabel);
}

QString header(QTableView *table, int column)
{
    return table->model()->headerData(column, Qt::Horizontal).toString();
}

bool settled(const DashboardPage &page)
{
    return waitFor([&page] { return !page.isLoading() && page.stats().has_value(); }, patienceMs);
}

} // namespace

class TestUiDashboard : public QObject
{
    Q_OBJECT

private slots:
    void init() { clearSettings(); }

    void showsWhatWasCreatedAndDecided()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const User bob = fixture.addUser(QStringLiteral("bob"), Role::Requester);
        const User rita = fixture.addUser(QStringLiteral("rita"), Role::Reviewer);
        fixture.addFeature(alice, QStringLiteral("Draft one"));
        fixture.addFeature(alice, QStringLiteral("Draft two"));
        fixture.addFeature(alice, QStringLiteral("Waiting"), ItemStatus::Pending);
        fixture.addFeature(alice, QStringLiteral("Yes one"), ItemStatus::Approved, &rita);
        fixture.addFeature(bob, QStringLiteral("Yes two"), ItemStatus::Approved, &rita);
        fixture.addFeature(bob, QStringLiteral("No"), ItemStatus::Rejected, &rita);
        QVERIFY(fixture.services().orders().create(bob.actor(), NewOrder{}));

        MainWindow window(fixture.backendFor(rita), rita);
        window.show();
        // The first page, open at start.
        QCOMPARE(child<QListWidget>(&window, QStringLiteral("navigation"))->currentRow(), 0);
        DashboardPage *dashboard = window.dashboard();
        QVERIFY(dashboard->isVisible());
        QVERIFY(settled(*dashboard));
        QCOMPARE(dashboard->days(), 30);

        auto *items = child<QTableView>(dashboard, QStringLiteral("itemsByStatusTable"));
        QCOMPARE(items->accessibleName(), QStringLiteral("Items by status"));
        QCOMPARE(header(items, 1), QStringLiteral("Features"));
        QCOMPARE(header(items, 2), QStringLiteral("Orders"));
        QCOMPARE(items->model()->rowCount(), 4);
        QCOMPARE(cell(items, QStringLiteral("Draft"), 1), QStringLiteral("2"));
        QCOMPARE(cell(items, QStringLiteral("Pending"), 1), QStringLiteral("1"));
        QCOMPARE(cell(items, QStringLiteral("Approved"), 1), QStringLiteral("2"));
        QCOMPARE(cell(items, QStringLiteral("Rejected"), 1), QStringLiteral("1"));
        QCOMPARE(cell(items, QStringLiteral("Draft"), 2), QStringLiteral("1"));
        QCOMPARE(cell(items, QStringLiteral("Pending"), 2), QStringLiteral("0"));

        // Today first, then every other day of the period, without decisions.
        auto *decisions = child<QTableView>(dashboard, QStringLiteral("decisionsPerDayTable"));
        QCOMPARE(decisions->model()->rowCount(), 30);
        const QDate today = QDateTime::currentDateTimeUtc().date();
        QCOMPARE(decisions->model()->index(0, 0).data(Qt::UserRole).toDate(), today);
        QCOMPARE(decisions->model()->index(0, 1).data().toString(), QStringLiteral("2"));
        QCOMPARE(decisions->model()->index(0, 2).data().toString(), QStringLiteral("1"));
        for (int row = 1; row < 30; ++row) {
            QCOMPARE(decisions->model()->index(row, 1).data().toInt(), 0);
            QCOMPARE(decisions->model()->index(row, 2).data().toInt(), 0);
        }

        auto *waiting = child<QTableView>(dashboard, QStringLiteral("waitingTimesTable"));
        QCOMPARE(cell(waiting, QStringLiteral("How many"), 1), QStringLiteral("3"));
        QCOMPARE(cell(waiting, QStringLiteral("How many"), 2), QStringLiteral("1"));
        // Decided within the test's few seconds: under a minute, in seconds.
        QVERIFY2(cell(waiting, QStringLiteral("Median"), 1).endsWith(QStringLiteral(" s")),
                 qPrintable(cell(waiting, QStringLiteral("Median"), 1)));
        QCOMPARE(child<QLabel>(dashboard, QStringLiteral("queueFigure"))->text(), QStringLiteral("1 waiting"));

        // A submission made elsewhere (as by a REST client) reaches the dashboard by itself.
        fixture.addFeature(bob, QStringLiteral("Also waiting"), ItemStatus::Pending);
        QTRY_COMPARE_WITH_TIMEOUT(cell(items, QStringLiteral("Pending"), 1), QStringLiteral("2"), patienceMs);
        QTRY_COMPARE_WITH_TIMEOUT(cell(waiting, QStringLiteral("How many"), 2), QStringLiteral("2"), patienceMs);
    }

    void periodAndTables()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const User rita = fixture.addUser(QStringLiteral("rita"), Role::Reviewer);
        fixture.addFeature(alice, QStringLiteral("Yes"), ItemStatus::Approved, &rita);

        MainWindow window(fixture.backendFor(alice), alice);
        window.show();
        DashboardPage *dashboard = window.dashboard();
        QVERIFY(settled(*dashboard));
        auto *decisions = child<QTableView>(dashboard, QStringLiteral("decisionsPerDayTable"));
        auto *chart = child<QChartView>(dashboard, QStringLiteral("decisionsPerDayChart"));

        auto *period = child<QComboBox>(dashboard, QStringLiteral("periodSelector"));
        period->setCurrentIndex(period->findData(7));
        QTRY_COMPARE_WITH_TIMEOUT(dashboard->stats()->days, 7, patienceMs);
        QVERIFY(settled(*dashboard));
        QCOMPARE(decisions->model()->rowCount(), 7);
        QCOMPARE(decisions->model()->index(0, 1).data().toString(), QStringLiteral("1"));

        // Charts by default; the toggle shows the tables instead, and is remembered.
        QVERIFY(chart->isVisible());
        QVERIFY(!decisions->isVisible());
        child<QCheckBox>(dashboard, QStringLiteral("showTablesToggle"))->click();
        QVERIFY(decisions->isVisible());
        QVERIFY(!chart->isVisible());
        MainWindow again(fixture.backendFor(alice), alice);
        again.show();
        QVERIFY(settled(*again.dashboard()));
        QCOMPARE(again.dashboard()->days(), 7);
        QVERIFY(child<QTableView>(again.dashboard(), QStringLiteral("decisionsPerDayTable"))->isVisible());
    }

    // However narrow the window, the day labels are whole: fewer of them,
    // whole weeks apart, today's always among them.
    void dayLabelsFitTheChart()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        MainWindow window(fixture.backendFor(alice), alice);
        window.show();
        DashboardPage *dashboard = window.dashboard();
        dashboard->setDays(90);
        QVERIFY(settled(*dashboard));
        auto *view = child<QChartView>(dashboard, QStringLiteral("decisionsPerDayChart"));
        const auto dayLabels = [view] {
            for (QAbstractAxis *axis : view->chart()->axes(Qt::Horizontal)) {
                if (auto *days = qobject_cast<QCategoryAxis *>(axis))
                    return days->categoriesLabels();
            }
            return QStringList();
        };
        const QString today = DashboardFigures::dayLabel(QDateTime::currentDateTimeUtc().date());
        for (const int width : {1600, 800, 500}) {
            window.resize(width, 700);
            QTRY_COMPARE_WITH_TIMEOUT(qsizetype(dayLabels().size()) <= DashboardCharts::dayLabelsFitting(view->width(), view->font()),
                                      true, patienceMs);
            QVERIFY(!dayLabels().isEmpty());
            QCOMPARE(dayLabels().last(), today);
        }
    }

    // A count the backend refuses says why where the other pages do, under the bar.
    void showsWhyItCannotCount()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        // A backend nobody signed in to refuses every call.
        MainWindow window(fixture.backend(), alice);
        window.show();
        DashboardPage *dashboard = window.dashboard();
        QVERIFY(waitFor([dashboard] { return !dashboard->isLoading(); }, patienceMs));
        QVERIFY(!dashboard->stats());
        auto *error = child<QLabel>(dashboard, QStringLiteral("loadError"));
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("Cannot load the dashboard: Sign in first."));
    }

    // Qt Charts' own theme draws dark labels; on a dark desktop they follow the palette.
    void chartsFollowThePalette()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        MainWindow window(fixture.backendFor(alice), alice);
        window.show();
        DashboardPage *dashboard = window.dashboard();
        QVERIFY(settled(*dashboard));

        QPalette dark = window.palette();
        const QColor light(0xee, 0xee, 0xee);
        dark.setColor(QPalette::Window, QColor(0x22, 0x22, 0x22));
        dark.setColor(QPalette::WindowText, light);
        dark.setColor(QPalette::Base, QColor(0x11, 0x11, 0x11));
        dark.setColor(QPalette::Text, light);
        window.setPalette(dark);
        for (const QString &name : {QStringLiteral("itemsByStatusChart"), QStringLiteral("decisionsPerDayChart")}) {
            QChart *chart = child<QChartView>(dashboard, name)->chart();
            QVERIFY(!chart->axes().isEmpty());
            for (QAbstractAxis *axis : chart->axes())
                QCOMPARE(axis->labelsBrush().color(), light);
            QCOMPARE(chart->legend()->labelColor(), light);
        }
    }

    void durationsReadAsPeopleSayThem()
    {
        QCOMPARE(Format::duration(std::nullopt), QStringLiteral("none"));
        QCOMPARE(Format::duration(0.4), QStringLiteral("0 s"));
        QCOMPARE(Format::duration(45), QStringLiteral("45 s"));
        QCOMPARE(Format::duration(600), QStringLiteral("10 min"));
        QCOMPARE(Format::duration(3600), QStringLiteral("1 h"));
        QCOMPARE(Format::duration(3 * 3600 + 20 * 60 + 59), QStringLiteral("3 h 20 min"));
        QCOMPARE(Format::duration(2 * 86400), QStringLiteral("2 d"));
        QCOMPARE(Format::duration(2 * 86400 + 5 * 3600), QStringLiteral("2 d 5 h"));
        QCOMPARE(Format::duration(12 * 86400 + 5 * 3600), QStringLiteral("12 d"));
    }
};

QTEST_MAIN(TestUiDashboard)
#include "tst_ui_dashboard.moc"
