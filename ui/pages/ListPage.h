// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/EntityType.h"
#include "domain/Workflow.h"

#include <QSet>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTableView;

namespace signoff {

class ChangeListener;
class FieldMessage;
class FormManager;
class Session;
class TableModel;

// One page of the window: a search field, a filter, and a lazily loaded,
// server-sorted table that refreshes itself when core announces a change
// (at once when visible, when next shown otherwise). Subclasses say what
// the page lists and what its actions do.
class ListPage : public QWidget
{
    Q_OBJECT
public:
    ListPage(Session &session, FormManager &forms, TableModel *model, QSet<EntityType> watchedTypes,
             QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    TableModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *filter() const { return m_filter; }

    virtual QString title() const = 0;

    // F5: loads again, keeping the selection.
    void refresh();
    // Loads the first page unless that happened already (done when first shown).
    void ensureLoaded();
    void focusSearch();
    QList<int> selectedRows() const;
    // Whether an action of the page (deleting, reviewing) is under way.
    bool isWorking() const { return m_working; }

    virtual bool canCreate() const { return false; }
    virtual void createItem() {}
    virtual bool canOpen() const;
    virtual void openRow(int row) = 0;
    void openCurrent();
    virtual bool canDelete() const { return false; }
    virtual void deleteSelected() {}
    virtual bool canReview(WorkflowAction) const { return false; }
    virtual void reviewSelected(WorkflowAction) {}

    // Writes the list as shown (columns, order, filter, search) to `path`
    // as CSV, loading the rows not fetched yet first (at most
    // maxExportRows); exportFinished() says how it went.
    static constexpr int maxExportRows = 100000;
    void exportCsv(const QString &path);
    bool isExporting() const { return !m_exportPath.isEmpty(); }

    void saveState(const QString &settingsKey) const;
    void restoreState(const QString &settingsKey);

signals:
    // Selection or rows changed: the window re-checks which actions apply.
    void actionsChanged();
    void statusMessage(const QString &text);
    // `problem` empty: `rows` rows were written to `path`.
    void exportFinished(const QString &path, int rows, const QString &problem);

protected:
    Session &session() const { return m_session; }
    FormManager &forms() const { return m_forms; }
    // A search field's text, after the person paused typing.
    virtual void applySearch(const QString &text) = 0;
    virtual void applyFilter(int index) { Q_UNUSED(index) }
    // What the table says when it has no rows.
    virtual QString emptyText() const = 0;
    // The filter's entries (first = no filter); none hides it.
    void setFilterItems(const QString &accessibleName, const QStringList &items);
    void setSearchPlaceholder(const QString &text);
    // The column that takes the width left over (the item's name or title).
    void setStretchColumn(int column);
    // An action of the page (deleting, reviewing) under way: the busy bar
    // runs, the status bar says `text`, and the page's actions wait.
    void setWorking(bool working, const QString &text = {});
    void showEvent(QShowEvent *event) override;

private:
    void setUpTable(TableModel *model);
    void setUpEmptyHint();
    void setUpLoadingBar();
    void layOut();
    void connectControls(TableModel *model);
    void onModelLoaded();
    void onLoadingChanged(bool loading);
    void onChangedElsewhere();
    void keepSortIndicatorHonest(int section, Qt::SortOrder order);
    void fitColumns();
    void continueExport();
    void finishExport(const QString &problem);

    Session &m_session;
    FormManager &m_forms;
    TableModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_filter;
    QTableView *m_table;
    QLabel *m_empty;
    FieldMessage *m_error;
    QProgressBar *m_loading;
    QTimer m_loadingDelay;
    ChangeListener *m_watcher;
    QTimer m_searchDelay;
    bool m_stale = false;
    bool m_working = false;
    bool m_everLoaded = false;
    bool m_columnsFitted = false;
    int m_stretchColumn = -1;
    QString m_exportPath;
    QString m_exportProblem;
    QMetaObject::Connection m_exportFailure;
};

} // namespace signoff
