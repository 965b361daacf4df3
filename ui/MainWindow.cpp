// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MainWindow.h"

#include "Backend.h"
#include "FormManager.h"
#include "ReviewNotifications.h"
#include "dialogs/ShortcutsDialog.h"
#include "SettingsDialog.h"
#include "forms/EntityForm.h"
#include "pages/AuditPage.h"
#include "pages/DashboardPage.h"
#include "pages/ItemsPage.h"
#include "pages/PoliciesPage.h"
#include "pages/WebhooksPage.h"
#include "pages/ProductsPage.h"
#include "pages/UsersPage.h"
#include "support/ChangeListener.h"
#include "support/Format.h"
#include "support/Icons.h"
#include "support/MessageBanner.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace signoff {

MainWindow::MainWindow(Backend &backend, const User &user, QWidget *parent)
    : QMainWindow(parent)
    , m_session(backend, user)
    , m_forms(new FormManager(m_session, this))
    , m_navigation(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_dashboard(new DashboardPage(m_session, m_stack))
    , m_databaseStatus(new QLabel(this))
    , m_userStatus(new QLabel(this))
    , m_restStatus(new QLabel(this))
    , m_userListener(new ChangeListener(backend, {EntityType::User}, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Signoff"));
    setWindowIcon(applicationIcon());
    setUnifiedTitleAndToolBarOnMac(true);

    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(2);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_stack->setObjectName(QStringLiteral("pages"));

    addPages();
    const int navigationWidth = m_navigation->sizeHintForColumn(0) + 2 * m_navigation->frameWidth() + 24;
    m_navigation->setMinimumWidth(std::max(140, navigationWidth));

    createCentralWidget(navigationWidth);
    followConnection(backend);
    createStatusBar(backend, user);

    createActions();
    createMenus();
    setNotificationsEnabled(ReviewNotifications::enabledInSettings());

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_navigationPages.size()) {
            m_stack->setCurrentWidget(m_navigationPages.at(row));
            updateActions();
        }
    });
    connect(m_forms, &FormManager::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    connect(m_userListener, &ChangeListener::changed, this, &MainWindow::onUserChanged);

    m_navigation->setCurrentRow(0);
    restoreWindowState();
    updateActions();
}

MainWindow::~MainWindow() = default;

// The pages this user may open, in the navigation's order.
void MainWindow::addPages()
{
    // The dashboard comes first and opens at start (docs/design.md, "The
    // desktop" and "The dashboard's figures").
    addNavigationEntry(m_dashboard, m_dashboard->title(), themeIcon("office-chart-bar", QStyle::SP_ComputerIcon));
    addPage(new ItemsPage(m_session, *m_forms, ItemsPage::Kind::MyItems, m_stack),
            themeIcon("user-home", QStyle::SP_DirHomeIcon));
    if (m_session.isReviewer())
        addPage(new ItemsPage(m_session, *m_forms, ItemsPage::Kind::ReviewQueue, m_stack),
                themeIcon("mail-mark-task", QStyle::SP_DialogApplyButton));
    addPage(new ItemsPage(m_session, *m_forms, ItemsPage::Kind::Features, m_stack),
            themeIcon("document-properties", QStyle::SP_FileDialogDetailedView));
    addPage(new ItemsPage(m_session, *m_forms, ItemsPage::Kind::Orders, m_stack),
            themeIcon("view-list-details", QStyle::SP_FileDialogListView));
    addPage(new ProductsPage(m_session, *m_forms, m_stack), themeIcon("package-x-generic", QStyle::SP_DriveHDIcon));
    if (m_session.isAdmin())
        addPage(new UsersPage(m_session, *m_forms, m_stack), themeIcon("system-users", QStyle::SP_DirIcon));
    if (m_session.isAdmin()) {
        auto *policies = new PoliciesPage(m_session, m_stack);
        addNavigationEntry(policies, policies->title(), themeIcon("preferences-system", QStyle::SP_FileDialogInfoView));
        connect(policies, &PoliciesPage::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 5000); });
        auto *webhooks = new WebhooksPage(m_session, m_stack);
        addNavigationEntry(webhooks, webhooks->title(), themeIcon("network-server", QStyle::SP_DriveNetIcon));
        connect(webhooks, &WebhooksPage::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    }
    if (m_session.isReviewer())
        addPage(new AuditPage(m_session, *m_forms, m_stack),
                themeIcon("document-open-recent", QStyle::SP_FileDialogContentsView));
}

// The navigation and the pages side by side, below the connection's banner.
void MainWindow::createCentralWidget(int navigationWidth)
{
    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("splitter"));
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({std::max(160, navigationWidth), 900});
    m_connectionBanner = new MessageBanner(this);
    m_connectionBanner->setObjectName(QStringLiteral("connectionBanner"));
    m_connectionBanner->clear();
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_connectionBanner);
    centralLayout->addWidget(splitter, 1);
    setCentralWidget(central);
}

void MainWindow::followConnection(Backend &backend)
{
    // A server out of reach: say so, keep everything open (forms keep their
    // edits); the backend retries and everything reloads when it is back.
    connect(&backend, &Backend::reachabilityChanged, this, [this](bool reachable, const QString &reason) {
        if (!m_sessionEndedMessage.isEmpty())
            return;
        if (reachable) {
            m_connectionBanner->clear();
            statusBar()->showMessage(tr("Connected to the server again."), 5000);
            return;
        }
        m_connectionBanner->showMessage(MessageBanner::Kind::Warning,
                                        tr("Cannot reach the server — retrying. Open forms keep their edits."));
        m_connectionBanner->setToolTip(reason);
    });
    connect(&backend, &Backend::sessionEnded, this, [this](const QString &message) {
        m_sessionEndedMessage = message;
        m_connectionBanner->showMessage(MessageBanner::Kind::Error, message, tr("Sign in again"));
    });
    connect(m_connectionBanner, &MessageBanner::actionTriggered, this, &MainWindow::signOut);
}

// Where the window works, who is signed in, and the embedded REST server.
void MainWindow::createStatusBar(const Backend &backend, const User &user)
{
    m_databaseStatus->setObjectName(QStringLiteral("databaseStatus"));
    const QString location = backend.location();
    m_databaseStatus->setText(backend.kind() == Backend::Kind::Server ? tr("Server: %1").arg(location)
                                                                       : tr("Database: %1").arg(location));
    m_databaseStatus->setToolTip(location);
    m_userStatus->setObjectName(QStringLiteral("userStatus"));
    m_userStatus->setText(tr("Signed in as %1 (%2)").arg(user.username, Format::role(user.role)));
    m_restStatus->setObjectName(QStringLiteral("restStatus"));
    for (QLabel *label : {m_databaseStatus, m_userStatus, m_restStatus})
        label->setContentsMargins(8, 0, 8, 0);
    statusBar()->addPermanentWidget(m_databaseStatus);
    statusBar()->addPermanentWidget(m_userStatus);
    statusBar()->addPermanentWidget(m_restStatus);
    setRestStatus(RestStatus{});
    // A server's client has no embedded REST server to speak of.
    m_restStatus->setVisible(backend.kind() == Backend::Kind::Database);
}

void MainWindow::addNavigationEntry(QWidget *page, const QString &title, const QIcon &icon)
{
    m_navigationPages.append(page);
    m_stack->addWidget(page);
    auto *item = new QListWidgetItem(icon, title, m_navigation);
    item->setData(Qt::UserRole, page->objectName());
    item->setSizeHint(QSize(0, m_navigation->fontMetrics().height() + 14));
}

void MainWindow::addPage(ListPage *page, const QIcon &icon)
{
    m_pages.append(page);
    page->table()->setAccessibleName(page->title());
    addNavigationEntry(page, page->title(), icon);
    connect(page, &ListPage::actionsChanged, this, [this, page] {
        if (page == currentPage())
            updateActions();
    });
    connect(page, &ListPage::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    connect(page, &ListPage::exportFinished, this, &MainWindow::updateActions);
    page->restoreState(QStringLiteral("window/") + page->objectName());
}

void MainWindow::createActions()
{
    createItemActions();
    createPageActions();
    createApplicationActions();
}

// What to do with the items of the page shown.
void MainWindow::createItemActions()
{
    m_newAction = new QAction(themeIcon("document-new", QStyle::SP_FileIcon), tr("&New"), this);
    m_newAction->setObjectName(QStringLiteral("newAction"));
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setToolTip(tr("New item of this page’s kind (Ctrl+N)"));
    connect(m_newAction, &QAction::triggered, this, [this] {
        if (ListPage *page = currentPage(); page && page->canCreate())
            page->createItem();
        else if (isDashboardShown()) // as on My items: Ctrl+N from the first page starts a feature
            m_forms->openFeature(QUuid());
    });

    m_newFeatureAction = new QAction(tr("New &feature"), this);
    m_newFeatureAction->setObjectName(QStringLiteral("newFeatureAction"));
    connect(m_newFeatureAction, &QAction::triggered, this, [this] { m_forms->openFeature(QUuid()); });
    m_newOrderAction = new QAction(tr("New &order"), this);
    m_newOrderAction->setObjectName(QStringLiteral("newOrderAction"));
    m_newOrderAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(m_newOrderAction, &QAction::triggered, this, [this] { m_forms->openOrder(QUuid()); });

    m_openAction = new QAction(themeIcon("document-open", QStyle::SP_DialogOpenButton), tr("&Open"), this);
    m_openAction->setObjectName(QStringLiteral("openAction"));
    m_openAction->setToolTip(tr("Open the selected item (Enter)"));
    connect(m_openAction, &QAction::triggered, this, [this] {
        if (ListPage *page = currentPage())
            page->openCurrent();
    });

    m_deleteAction = new QAction(themeIcon("edit-delete", QStyle::SP_TrashIcon), tr("&Delete"), this);
    m_deleteAction->setObjectName(QStringLiteral("deleteAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setToolTip(tr("Delete the selected drafts (Delete)"));
    connect(m_deleteAction, &QAction::triggered, this, [this] {
        if (ListPage *page = currentPage(); page && page->canDelete())
            page->deleteSelected();
    });

    m_approveAction = new QAction(themeIcon("dialog-ok-apply", QStyle::SP_DialogApplyButton), tr("&Approve…"), this);
    m_approveAction->setObjectName(QStringLiteral("approveAction"));
    m_approveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_approveAction->setToolTip(tr("Approve the selected items (%1)").arg(m_approveAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_approveAction, &QAction::triggered, this, [this] {
        if (ListPage *page = currentPage(); page && page->canReview(WorkflowAction::Approve))
            page->reviewSelected(WorkflowAction::Approve);
    });
    m_rejectAction = new QAction(themeIcon("dialog-cancel", QStyle::SP_DialogCancelButton), tr("&Reject…"), this);
    m_rejectAction->setObjectName(QStringLiteral("rejectAction"));
    m_rejectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_rejectAction->setToolTip(tr("Reject the selected items, with a reason (%1)").arg(m_rejectAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_rejectAction, &QAction::triggered, this, [this] {
        if (ListPage *page = currentPage(); page && page->canReview(WorkflowAction::Reject))
            page->reviewSelected(WorkflowAction::Reject);
    });
}

// What to do with the page shown.
void MainWindow::createPageActions()
{
    m_refreshAction = new QAction(themeIcon("view-refresh", QStyle::SP_BrowserReload), tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(tr("Load the page again (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        if (ListPage *page = currentPage())
            page->refresh();
        else if (isDashboardShown())
            m_dashboard->refresh();
        else if (auto *webhooks = qobject_cast<WebhooksPage *>(m_stack->currentWidget()))
            webhooks->refresh();
    });

    m_findAction = new QAction(themeIcon("edit-find", QStyle::SP_FileDialogContentsView), tr("&Find"), this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        if (ListPage *page = currentPage())
            page->focusSearch();
    });

    m_exportAction = new QAction(themeIcon("document-export", QStyle::SP_DialogSaveButton), tr("&Export as CSV…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportAction->setToolTip(tr("Save the list as shown as a CSV file"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportCurrentList);
}

void MainWindow::createApplicationActions()
{
    m_settingsAction = new QAction(themeIcon("configure", QStyle::SP_FileDialogDetailedView), tr("&Settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);

    m_signOutAction = new QAction(themeIcon("system-log-out", QStyle::SP_DialogCloseButton), tr("Sign &out"), this);
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOut);

    m_quitAction = new QAction(themeIcon("application-exit", QStyle::SP_DialogCloseButton), tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::close);

    m_aboutAction = new QAction(tr("&About Signoff"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_shortcutsAction = new QAction(tr("&Keyboard shortcuts"), this);
    m_shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    // The platform's key for help (F1; some platforms' themes name none).
    const QList<QKeySequence> helpKeys = QKeySequence::keyBindings(QKeySequence::HelpContents);
    m_shortcutsAction->setShortcuts(helpKeys.isEmpty() ? QList<QKeySequence>{QKeySequence(Qt::Key_F1)} : helpKeys);
    connect(m_shortcutsAction, &QAction::triggered, this, [this] {
        ShortcutsDialog dialog(actions() + findChildren<QAction *>(QString(), Qt::FindDirectChildrenOnly), this);
        dialog.exec();
    });

    // Ctrl+1 … Ctrl+9: the pages, in the navigation's order.
    for (int row = 0; row < m_navigation->count() && row < 9; ++row) {
        auto *go = new QAction(m_navigation->item(row)->text(), this);
        go->setObjectName(QStringLiteral("goToPage%1Action").arg(row + 1));
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + row)));
        connect(go, &QAction::triggered, this, [this, row] { m_navigation->setCurrentRow(row); });
        m_pageActions.append(go);
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_newFeatureAction);
    file->addAction(m_newOrderAction);
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_signOutAction);
    file->addAction(m_quitAction);

    QMenu *item = menuBar()->addMenu(tr("&Item"));
    item->addAction(m_openAction);
    item->addAction(m_deleteAction);
    item->addSeparator();
    item->addAction(m_approveAction);
    item->addAction(m_rejectAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_findAction);
    view->addAction(m_refreshAction);
    view->addSeparator();
    view->addActions(m_pageActions);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    help->addAction(m_aboutAction);

    QToolBar *tools = addToolBar(tr("Main toolbar"));
    tools->setObjectName(QStringLiteral("mainToolbar"));
    tools->setMovable(false);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(m_newAction);
    tools->addAction(m_openAction);
    tools->addAction(m_deleteAction);
    tools->addSeparator();
    tools->addAction(m_approveAction);
    tools->addAction(m_rejectAction);
    tools->addSeparator();
    tools->addAction(m_refreshAction);
}

ListPage *MainWindow::currentPage() const
{
    return qobject_cast<ListPage *>(m_stack->currentWidget());
}

bool MainWindow::isDashboardShown() const
{
    return m_stack->currentWidget() == m_dashboard;
}

ListPage *MainWindow::page(const QString &objectName) const
{
    for (ListPage *page : m_pages) {
        if (page->objectName() == objectName)
            return page;
    }
    return nullptr;
}

bool MainWindow::showPage(const QString &objectName)
{
    for (qsizetype i = 0; i < m_navigationPages.size(); ++i) {
        if (m_navigationPages.at(i)->objectName() == objectName) {
            m_navigation->setCurrentRow(int(i));
            return true;
        }
    }
    return false;
}

void MainWindow::exportCurrentList()
{
    ListPage *page = currentPage();
    if (!page || page->isExporting())
        return;
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(page->title().toLower().replace(u' ', u'-') + QStringLiteral(".csv"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(page->title()), suggested,
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    page->exportCsv(path);
    updateActions();
}

void MainWindow::updateActions()
{
    ListPage *page = currentPage();
    m_newAction->setEnabled((page && page->canCreate()) || isDashboardShown());
    m_openAction->setEnabled(page && page->canOpen());
    m_deleteAction->setEnabled(page && page->canDelete());
    m_exportAction->setEnabled(page && !page->isExporting());
    const bool reviewer = m_session.isReviewer();
    m_approveAction->setVisible(reviewer);
    m_rejectAction->setVisible(reviewer);
    m_approveAction->setEnabled(page && page->canReview(WorkflowAction::Approve));
    m_rejectAction->setEnabled(page && page->canReview(WorkflowAction::Reject));
}

void MainWindow::setRestStatus(const RestStatus &status)
{
    QString text;
    QString tip;
    switch (status.state) {
    case RestStatus::State::Off:
        text = tr("REST off");
        tip = tr("The REST server is off. Turn it on in Settings.");
        break;
    case RestStatus::State::Listening:
        text = tr("REST: %1").arg(status.url.toString());
        tip = tr("The REST API is served at %1").arg(status.url.toString() + QStringLiteral("api/v1"));
        break;
    case RestStatus::State::PortBusy:
        text = tr("REST: port %1 busy").arg(status.port);
        tip = tr("Another program uses port %1. Choose another port in Settings.").arg(status.port);
        break;
    case RestStatus::State::Failed:
        text = tr("REST: not running");
        tip = status.detail;
        break;
    }
    m_restStatus->setText(text);
    m_restStatus->setToolTip(tip);
    m_restStatus->setAccessibleName(text);
}

QString MainWindow::restStatusText() const
{
    return m_restStatus->text();
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(RestSettings::load(), this);
    dialog.setNotificationsEnabled(m_notifications != nullptr);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const RestSettings settings = dialog.settings();
    settings.save();
    ReviewNotifications::saveEnabledInSettings(dialog.notificationsEnabled());
    setNotificationsEnabled(dialog.notificationsEnabled());
    emit restSettingsChanged(settings);
}

// The count in the tray (where the desktop has one) and in the title; the
// messages as the desktop's notifications, else in the status bar.
void MainWindow::setNotificationsEnabled(bool enabled)
{
    if (!enabled) {
        delete m_notifications;
        m_notifications = nullptr;
        delete m_tray;
        m_tray = nullptr;
        setWindowTitle(tr("Signoff"));
        return;
    }
    if (m_notifications)
        return;
    m_notifications = new ReviewNotifications(m_session, this);
    m_notifications->setObjectName(QStringLiteral("reviewNotifications"));
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setObjectName(QStringLiteral("trayIcon"));
        m_tray->setToolTip(tr("Signoff"));
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            showNormal();
            raise();
            activateWindow();
        });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            raise();
            activateWindow();
            showPage(QStringLiteral("reviewQueuePage"));
        });
        m_tray->show();
    }
    connect(m_notifications, &ReviewNotifications::waitingCountChanged, this, [this](int count) {
        const QString waiting = count >= ReviewNotifications::countedUpTo
                                    ? tr("%1 or more items wait for your review").arg(count)
                                    : tr("%n item(s) wait for your review", nullptr, count);
        setWindowTitle(count > 0 ? tr("Signoff (%1)").arg(count) : tr("Signoff"));
        if (m_tray)
            m_tray->setToolTip(count > 0 ? tr("Signoff: %1").arg(waiting) : tr("Signoff: nothing waits for your review"));
    });
    connect(m_notifications, &ReviewNotifications::notified, this, [this](const QString &title, const QString &text) {
        if (m_tray && QSystemTrayIcon::supportsMessages())
            m_tray->showMessage(title, text, windowIcon(), 10000);
        else
            statusBar()->showMessage(text, 10000);
    });
}

bool MainWindow::mayLeave()
{
    qsizetype unsaved = 0;
    for (EntityForm *form : m_forms->openForms())
        unsaved += form->isDirty() ? 1 : 0;
    if (unsaved == 0)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Unsaved changes"),
                    tr("%n open form(s) have changes that are not saved. Discard them?", nullptr, int(unsaved)),
                    QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("discardChangesBox"));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Discard;
}

void MainWindow::signOut()
{
    if (!mayLeave())
        return;
    m_signingOut = true;
    saveWindowState();
    emit signOutRequested();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_signingOut && !mayLeave()) {
        event->ignore();
        return;
    }
    saveWindowState();
    event->accept();
    if (!m_signingOut)
        emit closed();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Signoff"),
                       tr("<h3>Signoff %1</h3><p>An approval desk: create features and orders, submit them, "
                          "and let reviewers approve or reject them. The same data is served as a REST API.</p>"
                          "<p>Copyright 2026 The Signoff authors. Signoff is free software under the "
                          "<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GNU General Public License, "
                          "version 3 or later</a>; it comes with no warranty.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::onUserChanged()
{
    m_session.backend().me().then(this, [this](Result<User> me) {
        if (!me)
            return;
        if (me->disabled) {
            signOutDisabled();
            return;
        }
        const bool roleChanged = me->role != m_session.user().role;
        m_session.updateUser(me.value());
        m_userStatus->setText(tr("Signed in as %1 (%2)").arg(me->username, Format::role(me->role)));
        if (roleChanged)
            statusBar()->showMessage(tr("Your role is now %1. Sign out and in again to see its pages.")
                                         .arg(Format::role(me->role)));
        updateActions();
    });
}

void MainWindow::signOutDisabled()
{
    if (m_signingOut)
        return;
    m_signingOut = true;
    QMessageBox box(QMessageBox::Information, tr("Signed out"),
                    tr("An administrator disabled your account; you have been signed out."), QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("disabledBox"));
    box.exec();
    emit signOutRequested();
}

void MainWindow::saveWindowState() const
{
    QSettings settings(QStringLiteral("signoff"), QStringLiteral("signoff"));
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    for (ListPage *page : m_pages)
        page->saveState(QStringLiteral("window/") + page->objectName());
}

void MainWindow::restoreWindowState()
{
    QSettings settings(QStringLiteral("signoff"), QStringLiteral("signoff"));
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1180, 720);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    // No page is restored: the window opens on the dashboard, the overview.
}

} // namespace signoff
