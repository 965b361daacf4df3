// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RestSettings.h"
#include "Session.h"
#include "domain/Workflow.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;

namespace signoff {

class ChangeListener;
class DashboardPage;
class FormManager;
class ListPage;
class ReviewNotifications;
class Backend;
class MessageBanner;

// The desk: pages on the left (Dashboard, My items, Review queue, Features,
// Orders, Products, Users, Audit log), the page on the right, the open
// database (or the server), the signed-in user and the REST server's state
// below.
//
// The window knows nothing about HTTP: it shows the RestStatus the
// application gives it and says when the person changed the REST settings.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `backend` acts as `user`, who signed in through it.
    MainWindow(Backend &backend, const User &user, QWidget *parent = nullptr);
    ~MainWindow() override;

    Session &session() { return m_session; }
    FormManager &forms() const { return *m_forms; }
    // The list page shown (none while the dashboard is).
    ListPage *currentPage() const;
    // By object name: "myItemsPage", "reviewQueuePage", "featuresPage", ...
    ListPage *page(const QString &objectName) const;
    QList<ListPage *> pages() const { return m_pages; }
    DashboardPage *dashboard() const { return m_dashboard; }
    bool isDashboardShown() const;
    // Any page by object name, the dashboard's "dashboardPage" included.
    bool showPage(const QString &objectName);

    void setRestStatus(const RestStatus &status);
    QString restStatusText() const;
    // Why the server ended the session (empty: it did not).
    QString sessionEndedMessage() const { return m_sessionEndedMessage; }

    // Asks about forms with unsaved edits; false when the person wants to stay.
    bool mayLeave();

signals:
    void restSettingsChanged(const RestSettings &settings);
    void signOutRequested();
    void closed();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addPages();
    void createCentralWidget(int navigationWidth);
    // A server out of reach, or the session over: a banner above the pages.
    void followConnection(Backend &backend);
    void createStatusBar(const Backend &backend, const User &user);
    void createActions();
    void createItemActions();
    void createPageActions();
    void createApplicationActions();
    void createMenus();
    void addPage(ListPage *page, const QIcon &icon);
    void addNavigationEntry(QWidget *page, const QString &title, const QIcon &icon);
    void updateActions();
    // File → Export as CSV…: asks where, then the page writes what it shows.
    void exportCurrentList();
    void openSettings();
    // Notifications (docs/design.md, "Team mode"), on or off as in Settings.
    void setNotificationsEnabled(bool enabled);
    void signOut();
    void showAbout();
    void onUserChanged();
    void signOutDisabled();
    void saveWindowState() const;
    void restoreWindowState();

    Session m_session;
    FormManager *m_forms;
    QListWidget *m_navigation;
    QStackedWidget *m_stack;
    QList<ListPage *> m_pages;
    DashboardPage *m_dashboard;
    // Every page in the navigation's order, the dashboard first.
    QList<QWidget *> m_navigationPages;
    QLabel *m_databaseStatus;
    QLabel *m_userStatus;
    QLabel *m_restStatus;
    ChangeListener *m_userListener;
    MessageBanner *m_connectionBanner = nullptr;
    QString m_sessionEndedMessage;

    QAction *m_newAction = nullptr;
    QAction *m_newFeatureAction = nullptr;
    QAction *m_newOrderAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_approveAction = nullptr;
    QAction *m_rejectAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_exportAction = nullptr;
    ReviewNotifications *m_notifications = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QList<QAction *> m_pageActions; // Ctrl+1 … Ctrl+9
    bool m_signingOut = false;
};

} // namespace signoff
