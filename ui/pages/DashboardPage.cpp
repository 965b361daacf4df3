// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DashboardPage.h"

#include "Backend.h"
#include "DashboardCharts.h"
#include "DashboardFigures.h"
#include "Session.h"
#include "WaitingTimesTiles.h"
#include "support/ChangeListener.h"
#include "support/ChartPalette.h"
#include "support/FieldMessage.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace signoff {

namespace {

// A busy bar only for counts that take a moment (a large database, a slow server).
constexpr int loadingBarDelayMilliseconds = 300;
const QList<int> periods{7, 30, 90};

QSettings settings()
{
    return QSettings(QStringLiteral("signoff"), QStringLiteral("signoff"));
}

} // namespace

DashboardPage::DashboardPage(Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_period(new QComboBox(this))
    , m_showTables(new QCheckBox(tr("Show figures as &tables"), this))
    , m_loadingBar(new QProgressBar(this))
    , m_asOf(new QLabel(this))
    , m_error(new FieldMessage(this))
    , m_itemsChart(new QChart)
    , m_decisionsChart(new QChart)
    , m_itemsModel(new QStandardItemModel(this))
    , m_decisionsModel(new QStandardItemModel(this))
    , m_waitingModel(new QStandardItemModel(this))
    , m_listener(new ChangeListener(session.backend(), {EntityType::Feature, EntityType::Order}, this))
{
    setObjectName(QStringLiteral("dashboardPage"));

    m_period->setObjectName(QStringLiteral("periodSelector"));
    m_period->setAccessibleName(tr("Period"));
    for (const int days : periods)
        m_period->addItem(tr("Last %n day(s)", nullptr, days), days);
    const int savedDays = settings().value(QStringLiteral("dashboard/days"), 30).toInt();
    m_period->setCurrentIndex(std::max(0, m_period->findData(savedDays)));
    auto *periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_period);

    m_showTables->setObjectName(QStringLiteral("showTablesToggle"));
    m_showTables->setToolTip(tr("Show the numbers behind each chart as a table, for screen readers and exact figures"));
    m_showTables->setChecked(settings().value(QStringLiteral("dashboard/tables"), false).toBool());

    m_loadingBar->setObjectName(QStringLiteral("loadingBar"));
    m_loadingBar->setRange(0, 0);
    m_loadingBar->setTextVisible(false);
    m_loadingBar->setMaximumWidth(100);
    m_loadingBar->setAccessibleName(tr("Loading"));
    m_loadingBar->hide();
    m_loadingDelay.setSingleShot(true);
    m_loadingDelay.setInterval(loadingBarDelayMilliseconds);
    connect(&m_loadingDelay, &QTimer::timeout, m_loadingBar, &QWidget::show);
    m_asOf->setObjectName(QStringLiteral("asOfLabel"));
    m_error->setObjectName(QStringLiteral("loadError"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(periodLabel);
    bar->addWidget(m_period);
    bar->addSpacing(12);
    bar->addWidget(m_showTables);
    bar->addStretch(1);
    bar->addWidget(m_loadingBar);
    bar->addWidget(m_asOf);

    auto *content = new QWidget;
    m_grid = new QGridLayout(content);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->addWidget(createWaitingSection(), 0, 0, 1, 2);
    m_itemsSection = createItemsSection();
    m_decisionsSection = createDecisionsSection();
    m_grid->addWidget(m_itemsSection, 1, 0);
    m_grid->addWidget(m_decisionsSection, 1, 1);
    m_grid->setColumnStretch(0, 1);
    m_grid->setColumnStretch(1, 1);
    // The charts take the height; the waiting times keep theirs.
    m_grid->setRowStretch(1, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("dashboardScroll"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_error);
    layout->addWidget(scroll, 1);
    setTabOrder(m_period, m_showTables);

    setShowTables(m_showTables->isChecked());
    applyPaletteToCharts();

    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        settings().setValue(QStringLiteral("dashboard/days"), days());
        load();
    });
    connect(m_showTables, &QCheckBox::toggled, this, [this](bool tables) {
        settings().setValue(QStringLiteral("dashboard/tables"), tables);
        setShowTables(tables);
    });
    m_throttle.setSingleShot(true);
    // When the pause is over: counted now, or when next shown if hidden meanwhile.
    connect(&m_throttle, &QTimer::timeout, this, &DashboardPage::onChangedElsewhere);
    connect(m_listener, &ChangeListener::changed, this, &DashboardPage::onChangedElsewhere);
}

QWidget *DashboardPage::createWaitingSection()
{
    auto *box = new QGroupBox(tr("Waiting times"), this);
    box->setObjectName(QStringLiteral("waitingSection"));
    auto *tiles = new WaitingTimesTiles(box);
    m_tiles = tiles;

    auto *stack = new QStackedWidget(box);
    stack->addWidget(tiles);
    stack->addWidget(createTable(QStringLiteral("waitingTimesTable"), tr("Waiting times"), m_waitingModel));
    m_sections.append(stack);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(stack);
    return box;
}

QWidget *DashboardPage::createItemsSection()
{
    auto *box = new QGroupBox(tr("Items by status"), this);
    box->setObjectName(QStringLiteral("itemsSection"));
    auto *stack = new QStackedWidget(box);
    m_itemsView = createChartView(QStringLiteral("itemsByStatusChart"), m_itemsChart);
    m_itemsView->setAccessibleName(tr("Items by status, chart"));
    stack->addWidget(m_itemsView);
    stack->addWidget(createTable(QStringLiteral("itemsByStatusTable"), tr("Items by status"), m_itemsModel));
    m_sections.append(stack);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(stack);
    return box;
}

QWidget *DashboardPage::createDecisionsSection()
{
    auto *box = new QGroupBox(tr("Decisions per day"), this);
    box->setObjectName(QStringLiteral("decisionsSection"));
    auto *stack = new QStackedWidget(box);
    m_decisionsView = createChartView(QStringLiteral("decisionsPerDayChart"), m_decisionsChart);
    m_decisionsView->setAccessibleName(tr("Decisions per day, chart"));
    stack->addWidget(m_decisionsView);
    stack->addWidget(createTable(QStringLiteral("decisionsPerDayTable"), tr("Decisions per day"), m_decisionsModel));
    m_sections.append(stack);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(stack);
    return box;
}

QTableView *DashboardPage::createTable(const QString &objectName, const QString &accessibleName,
                                       QStandardItemModel *model)
{
    auto *table = new QTableView(this);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setModel(model);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    // Columns as wide as their figures: a number far right of its label is hard to follow.
    table->horizontalHeader()->setStretchLastSection(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setMinimumSectionSize(table->fontMetrics().averageCharWidth() * 12);
    table->horizontalHeader()->setHighlightSections(false);
    table->setMinimumHeight(table->fontMetrics().height() * 8);
    return table;
}

QChartView *DashboardPage::createChartView(const QString &objectName, QChart *chart)
{
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setLocalizeNumbers(true);
    auto *view = new QChartView(chart, this);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFrameShape(QFrame::NoFrame);
    // Transparent, like the chart: the group box's panel shows through.
    view->setBackgroundBrush(Qt::NoBrush);
    view->viewport()->setAutoFillBackground(false);
    view->setMinimumHeight(view->fontMetrics().height() * 16);
    view->setMinimumWidth(view->fontMetrics().averageCharWidth() * 40);
    // Keyboard users reach the chart and hear its description; the toggle above shows it as a table.
    view->setFocusPolicy(Qt::TabFocus);
    return view;
}

int DashboardPage::days() const
{
    return m_period->currentData().toInt();
}

void DashboardPage::setDays(int days)
{
    m_period->setCurrentIndex(std::max(0, m_period->findData(days)));
}

void DashboardPage::setShowTables(bool tables)
{
    m_showTables->setChecked(tables);
    for (QStackedWidget *section : m_sections)
        section->setCurrentIndex(tables ? 1 : 0);
}

void DashboardPage::refresh()
{
    load();
}

void DashboardPage::load()
{
    m_throttle.stop();
    m_everLoaded = true;
    m_stale = false;
    m_reloadWhenDone = false;
    m_loading = true;
    m_lastLoad.start();
    if (!m_loadingDelay.isActive() && !m_loadingBar->isVisible())
        m_loadingDelay.start();
    const quint64 epoch = ++m_epoch;
    m_session.backend().stats(days()).then(this, [this, epoch](Result<Stats> stats) {
        if (epoch != m_epoch)
            return;
        m_loading = false;
        m_loadingDelay.stop();
        m_loadingBar->hide();
        if (!stats) {
            // The last figures stay, with what went wrong under the bar.
            m_error->showProblem(tr("Cannot load the dashboard: %1").arg(stats.error().translatedSummary()));
        } else {
            m_error->clearProblem();
            showStats(stats.value());
        }
        if (m_reloadWhenDone)
            onChangedElsewhere();
    });
}

void DashboardPage::onChangedElsewhere()
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    if (m_loading) {
        m_reloadWhenDone = true;
        return;
    }
    const qint64 sinceLast = m_lastLoad.isValid() ? m_lastLoad.elapsed() : refreshIntervalMilliseconds;
    if (sinceLast >= refreshIntervalMilliseconds)
        load();
    else if (!m_throttle.isActive())
        m_throttle.start(int(refreshIntervalMilliseconds - sinceLast));
}

void DashboardPage::showStats(const Stats &stats)
{
    m_stats = stats;
    DashboardFigures::fillItemsByStatus(*m_itemsModel, stats);
    DashboardFigures::fillDecisionsPerDay(*m_decisionsModel, stats);
    DashboardFigures::fillWaitingTimes(*m_waitingModel, stats);
    DashboardCharts::showItemsByStatus(*m_itemsChart, stats);
    m_dayLabels = DashboardCharts::dayLabelsFitting(m_decisionsView->width(), font());
    DashboardCharts::showDecisionsPerDay(*m_decisionsChart, stats, m_dayLabels);
    m_itemsView->setAccessibleDescription(DashboardCharts::describeItemsByStatus(stats));
    m_decisionsView->setAccessibleDescription(DashboardCharts::describeDecisionsPerDay(stats));
    applyPaletteToCharts();

    m_tiles->showStats(stats);
    m_asOf->setText(tr("As of %1").arg(QLocale().toString(stats.generatedAt.toLocalTime().time(), QLocale::ShortFormat)));
}

void DashboardPage::applyPaletteToCharts()
{
    for (QChart *chart : {m_itemsChart, m_decisionsChart})
        applyPalette(*chart, palette(), font());
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_everLoaded)
        load();
    else if (m_stale)
        onChangedElsewhere();
}

void DashboardPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrangeCharts();
    // Once the layout has given the charts their new sizes.
    QTimer::singleShot(0, this, &DashboardPage::fitDayLabels);
}

void DashboardPage::fitDayLabels()
{
    const int fitting = DashboardCharts::dayLabelsFitting(m_decisionsView->width(), font());
    if (!m_stats || fitting == m_dayLabels)
        return;
    m_dayLabels = fitting;
    DashboardCharts::showDecisionsPerDay(*m_decisionsChart, *m_stats, m_dayLabels);
    applyPaletteToCharts();
}

void DashboardPage::arrangeCharts()
{
    // Room for two charts with their day labels: about 55 characters each.
    const bool stacked = width() < fontMetrics().averageCharWidth() * 110;
    if (stacked == m_stacked)
        return;
    m_stacked = stacked;
    m_grid->removeWidget(m_itemsSection);
    m_grid->removeWidget(m_decisionsSection);
    // An empty row with a stretch would still take height.
    m_grid->setRowStretch(2, stacked ? 1 : 0);
    if (stacked) {
        m_grid->addWidget(m_itemsSection, 1, 0, 1, 2);
        m_grid->addWidget(m_decisionsSection, 2, 0, 1, 2);
    } else {
        m_grid->addWidget(m_itemsSection, 1, 0);
        m_grid->addWidget(m_decisionsSection, 1, 1);
    }
}

void DashboardPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPaletteToCharts();
}

} // namespace signoff
