// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ListPage.h"

#include "FormManager.h"
#include "Session.h"
#include "models/TableModel.h"
#include "Backend.h"
#include "support/ChangeListener.h"
#include "support/FieldMessage.h"
#include "support/TableExport.h"

#include <QComboBox>
#include <QFocusEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

namespace signoff {

namespace {

// Enter opens the current row (the view would otherwise only move down).
class ItemTableView : public QTableView
{
public:
    using QTableView::QTableView;
    std::function<void()> onActivate;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() == Qt::NoModifier
            && currentIndex().isValid() && onActivate) {
            onActivate();
            return;
        }
        QTableView::keyPressEvent(event);
    }

    // Coming to the list by keyboard (Tab, or Down from the search) lands on
    // a row, so that Enter opens it and the arrows move from there.
    void focusInEvent(QFocusEvent *event) override
    {
        QTableView::focusInEvent(event);
        if (event->reason() == Qt::MouseFocusReason || !model() || model()->rowCount() == 0 || selectionModel()->hasSelection())
            return;
        const QModelIndex row = currentIndex().isValid() ? currentIndex() : model()->index(0, 0);
        selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
};

// Down in the search field goes on to the results (Enter does too, after
// searching at once: ListPage's returnPressed).
class SearchKeys : public QObject
{
public:
    SearchKeys(QWidget *results, QObject *parent) : QObject(parent), m_results(results) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const auto *key = static_cast<QKeyEvent *>(event);
            if (key->modifiers() == Qt::NoModifier && key->key() == Qt::Key_Down) {
                m_results->setFocus(Qt::TabFocusReason);
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QWidget *m_results;
};

constexpr int searchDelayMilliseconds = 250;
constexpr int loadingBarDelayMilliseconds = 300;

} // namespace

ListPage::ListPage(Session &session, FormManager &forms, TableModel *model, QSet<EntityType> watchedTypes,
                   QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_forms(forms)
    , m_model(model)
    , m_search(new QLineEdit(this))
    , m_filter(new QComboBox(this))
    , m_table(new ItemTableView(this))
    , m_empty(new QLabel(m_table->viewport()))
    , m_error(new FieldMessage(this))
    , m_loading(new QProgressBar(this))
    , m_watcher(new ChangeListener(session.backend(), std::move(watchedTypes), this))
{
    model->setParent(this);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    m_search->setPlaceholderText(tr("Search (Ctrl+F)"));
    m_search->installEventFilter(new SearchKeys(m_table, m_search));
    m_filter->setObjectName(QStringLiteral("statusFilter"));
    m_filter->hide();
    m_error->setObjectName(QStringLiteral("loadError"));

    setUpTable(model);
    setUpEmptyHint();
    setUpLoadingBar();
    layOut();
    connectControls(model);
}

void ListPage::setUpTable(TableModel *model)
{
    m_table->setObjectName(QStringLiteral("table"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setMinimumSectionSize(m_table->fontMetrics().averageCharWidth() * 5);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->setTabKeyNavigation(false);
    static_cast<ItemTableView *>(m_table)->onActivate = [this] { openCurrent(); };
    if (model->sortColumn() >= 0) {
        m_table->horizontalHeader()->setSortIndicator(model->sortColumn(), model->sortOrder());
        m_table->setSortingEnabled(true);
        connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, &ListPage::keepSortIndicatorHonest);
    }
}

// What an empty table says, over its viewport.
void ListPage::setUpEmptyHint()
{
    m_empty->setObjectName(QStringLiteral("emptyHint"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(false); // the hints break their lines themselves
    m_empty->setTextFormat(Qt::PlainText);
    QPalette muted = m_empty->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::Disabled, QPalette::WindowText));
    m_empty->setPalette(muted);
    auto *emptyLayout = new QVBoxLayout(m_table->viewport());
    emptyLayout->addWidget(m_empty, 0, Qt::AlignCenter);
    m_empty->hide();
}

void ListPage::setUpLoadingBar()
{
    m_loading->setObjectName(QStringLiteral("loadingBar"));
    m_loading->setRange(0, 0);
    m_loading->setTextVisible(false);
    m_loading->setMaximumWidth(100);
    m_loading->setAccessibleName(tr("Loading"));
    m_loading->hide();
    m_loadingDelay.setSingleShot(true);
    m_loadingDelay.setInterval(loadingBarDelayMilliseconds);
}

// The search field, the busy bar and the filter above the table, a load's
// problem below it.
void ListPage::layOut()
{
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_loading);
    bar->addWidget(m_filter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_error);
    setTabOrder(m_search, m_filter);
    setTabOrder(m_filter, m_table);
}

void ListPage::connectControls(TableModel *model)
{
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(searchDelayMilliseconds);
    connect(&m_searchDelay, &QTimer::timeout, this, [this] {
        m_everLoaded = true;
        applySearch(m_search->text().trimmed());
    });
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay.stop();
        m_everLoaded = true;
        applySearch(m_search->text().trimmed());
        m_table->setFocus();
    });
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_everLoaded = true;
        applyFilter(index);
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) { openRow(index.row()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ListPage::actionsChanged);
    connect(model, &TableModel::loaded, this, &ListPage::onModelLoaded);
    connect(model, &TableModel::loadFailed, m_error, &FieldMessage::showProblem);
    connect(model, &TableModel::loadingChanged, this, &ListPage::onLoadingChanged);
    // A busy bar for loads that take a moment (a large list, a slow server).
    connect(&m_loadingDelay, &QTimer::timeout, m_loading, &QWidget::show);
    connect(model, &QAbstractItemModel::modelReset, this, &ListPage::actionsChanged);
    connect(model, &QAbstractItemModel::dataChanged, this, &ListPage::actionsChanged);
    connect(m_watcher, &ChangeListener::changed, this, &ListPage::onChangedElsewhere);
}

void ListPage::setFilterItems(const QString &accessibleName, const QStringList &items)
{
    const QSignalBlocker blocker(m_filter);
    m_filter->clear();
    m_filter->addItems(items);
    m_filter->setAccessibleName(accessibleName);
    m_filter->setToolTip(accessibleName);
    m_filter->setVisible(!items.isEmpty());
}

void ListPage::setSearchPlaceholder(const QString &text)
{
    m_search->setPlaceholderText(text);
}

void ListPage::setStretchColumn(int column)
{
    m_stretchColumn = column;
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Stretch);
}

// Once, when the first rows arrive: every column as wide as its header and
// the rows shown need, within reason; the stretch column takes the rest.
// A layout the person arranged (restored from the settings) is left alone.
void ListPage::fitColumns()
{
    if (m_columnsFitted || m_model->rowCount() == 0)
        return;
    m_columnsFitted = true;
    const int widest = m_table->fontMetrics().averageCharWidth() * 40;
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (column == m_stretchColumn)
            continue;
        m_table->resizeColumnToContents(column);
        if (m_table->columnWidth(column) > widest)
            m_table->setColumnWidth(column, widest);
        else
            m_table->setColumnWidth(column, m_table->columnWidth(column) + 8);
    }
}

void ListPage::ensureLoaded()
{
    if (m_everLoaded)
        return;
    m_everLoaded = true;
    m_stale = false;
    m_model->reload();
}

void ListPage::refresh()
{
    if (!m_everLoaded) {
        ensureLoaded();
        return;
    }
    m_stale = false;
    m_error->clearProblem();
    m_model->refresh();
}

void ListPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

QList<int> ListPage::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

bool ListPage::canOpen() const
{
    return m_table->currentIndex().isValid() || !selectedRows().isEmpty();
}

void ListPage::openCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid()) {
        openRow(current.row());
        return;
    }
    const QList<int> rows = selectedRows();
    if (!rows.isEmpty())
        openRow(rows.first());
}

void ListPage::setWorking(bool working, const QString &text)
{
    m_working = working;
    m_loading->setVisible(working || m_model->isLoading());
    if (working && !text.isEmpty())
        emit statusMessage(text);
    emit actionsChanged();
}

void ListPage::onLoadingChanged(bool loading)
{
    if (loading) {
        if (m_model->rowCount() == 0) {
            m_empty->setText(tr("Loading…"));
            m_empty->show();
        }
        m_loadingDelay.start();
    } else {
        m_loadingDelay.stop();
        m_loading->setVisible(m_working);
    }
}

void ListPage::onModelLoaded()
{
    if (m_model->lastError().isEmpty())
        m_error->clearProblem();
    fitColumns();
    const bool empty = m_model->rowCount() == 0 && m_model->isComplete();
    m_empty->setText(empty ? emptyText() : QString());
    m_empty->setVisible(empty);
    emit actionsChanged();
}

void ListPage::onChangedElsewhere()
{
    if (isVisible())
        refresh();
    else
        m_stale = true;
}

void ListPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_everLoaded)
        ensureLoaded();
    else if (m_stale)
        refresh();
}

// The header lets any column be clicked; the ones the database cannot sort
// by put the indicator back where the rows really are sorted.
void ListPage::keepSortIndicatorHonest(int section, Qt::SortOrder order)
{
    Q_UNUSED(order)
    if (m_model->isSortable(section))
        return;
    const QSignalBlocker blocker(m_table->horizontalHeader());
    m_table->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
}

void ListPage::saveState(const QString &settingsKey) const
{
    QSettings settings(QStringLiteral("signoff"), QStringLiteral("signoff"));
    settings.setValue(settingsKey + QStringLiteral("/header"), m_table->horizontalHeader()->saveState());
}

void ListPage::restoreState(const QString &settingsKey)
{
    QSettings settings(QStringLiteral("signoff"), QStringLiteral("signoff"));
    const QByteArray state = settings.value(settingsKey + QStringLiteral("/header")).toByteArray();
    if (!state.isEmpty() && m_table->horizontalHeader()->restoreState(state))
        m_columnsFitted = true;
}

void ListPage::exportCsv(const QString &path)
{
    if (isExporting() || path.isEmpty())
        return;
    ensureLoaded();
    m_exportPath = path;
    m_exportProblem.clear();
    setWorking(true, tr("Exporting…"));
    continueExport();
}

// Fetches page after page (the model's own loads, off the GUI thread) until
// the list is complete or at the export's bound, then writes.
void ListPage::continueExport()
{
    if (!isExporting())
        return;
    QObject::disconnect(m_exportFailure);
    if (!m_exportProblem.isEmpty()) {
        finishExport(m_exportProblem);
        return;
    }
    if (m_model->isLoading() || (!m_model->isComplete() && m_model->rowCount() < maxExportRows)) {
        m_exportFailure = connect(m_model, &TableModel::loadFailed, this,
                                  [this](const QString &message) { m_exportProblem = message; });
        connect(m_model, &TableModel::loaded, this, &ListPage::continueExport, Qt::SingleShotConnection);
        if (!m_model->isLoading())
            m_model->fetchMore({});
        return;
    }
    finishExport(exportTableCsv(*m_table, m_exportPath, maxExportRows));
}

void ListPage::finishExport(const QString &problem)
{
    const QString path = std::exchange(m_exportPath, QString());
    const int rows = qMin(m_model->rowCount(), maxExportRows);
    setWorking(false);
    if (!problem.isEmpty()) {
        emit statusMessage(tr("The export failed: %1").arg(problem));
    } else if (!m_model->isComplete() && rows >= maxExportRows) {
        emit statusMessage(tr("Exported the first %L1 rows to %2 (an export stops there).").arg(rows).arg(path));
    } else {
        emit statusMessage(tr("Exported %Ln row(s) to %1.", nullptr, rows).arg(path));
    }
    emit exportFinished(path, rows, problem);
}

} // namespace signoff
