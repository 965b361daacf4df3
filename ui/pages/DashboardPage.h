// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Stats.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QGridLayout;
class QChart;
class QChartView;
class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QStackedWidget;
class QStandardItemModel;
class QTableView;
QT_END_NAMESPACE

namespace signoff {

class ChangeListener;
class FieldMessage;
class Session;
class WaitingTimesTiles;

// The first page of the window (docs/design.md, "The dashboard's figures"):
// items by status and kind, decisions per day, the time from submission to
// decision and the review queue's age, over the last 7, 30 or 90 days, from the
// backend's stats() in both desktop modes. Each chart can be shown as a table
// (for screen readers, and for the exact numbers).
//
// Counting runs on the server or a worker thread; changes anywhere bring a
// new count, at most one every refreshIntervalMilliseconds, so a burst of
// REST writes does not keep the database busy counting.
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int refreshIntervalMilliseconds = 2000;

    explicit DashboardPage(Session &session, QWidget *parent = nullptr);

    QString title() const { return tr("Dashboard"); }
    // F5: counts again now.
    void refresh();
    bool isLoading() const { return m_loading; }
    // The figures shown (none before the first answer).
    const std::optional<Stats> &stats() const { return m_stats; }
    int days() const;
    void setDays(int days);
    void setShowTables(bool tables);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *createItemsSection();
    QWidget *createDecisionsSection();
    QWidget *createWaitingSection();
    QTableView *createTable(const QString &objectName, const QString &accessibleName, QStandardItemModel *model);
    QChartView *createChartView(const QString &objectName, QChart *chart);
    void load();
    void onChangedElsewhere();
    void showStats(const Stats &stats);
    void applyPaletteToCharts();
    // Charts side by side when there is room, one above the other when not
    // (a narrow window would cut the day labels short).
    void arrangeCharts();
    // Draws the decisions chart again when its width fits more or fewer day labels.
    void fitDayLabels();

    Session &m_session;
    QComboBox *m_period;
    QCheckBox *m_showTables;
    QProgressBar *m_loadingBar;
    QLabel *m_asOf;
    FieldMessage *m_error;
    QList<QStackedWidget *> m_sections;
    QGridLayout *m_grid = nullptr;
    QWidget *m_itemsSection = nullptr;
    QWidget *m_decisionsSection = nullptr;
    bool m_stacked = false;
    // How many day labels the decisions chart was drawn with.
    int m_dayLabels = 0;
    QChart *m_itemsChart;
    QChart *m_decisionsChart;
    QChartView *m_itemsView = nullptr;
    QChartView *m_decisionsView = nullptr;
    QStandardItemModel *m_itemsModel;
    QStandardItemModel *m_decisionsModel;
    QStandardItemModel *m_waitingModel;
    WaitingTimesTiles *m_tiles = nullptr;
    ChangeListener *m_listener;
    QTimer m_loadingDelay;
    QTimer m_throttle;
    QElapsedTimer m_lastLoad;
    std::optional<Stats> m_stats;
    // Answers to earlier requests (another period, a refresh overtaken) are dropped.
    quint64 m_epoch = 0;
    bool m_loading = false;
    bool m_reloadWhenDone = false;
    bool m_stale = false;
    bool m_everLoaded = false;
};

} // namespace signoff
