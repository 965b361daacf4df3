// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "LoginDialog.h"
#include "MainWindow.h"
#include "RestSettings.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace signoff {

class Backend;
class RestServer;
struct User;

// The desktop's life: the login dialog, the window of whoever signed in,
// back to the login after signing out (or after the server ended the
// session), and in database mode the embedded REST server, whose state the
// window shows and whose settings the window changes.
class DesktopController : public QObject
{
    Q_OBJECT
public:
    // What a connection chosen at the login gives: its backend, and in
    // database mode the embedded REST server over the same services.
    struct Opened
    {
        Backend *backend = nullptr;
        RestServer *rest = nullptr;
    };
    using Opener = std::function<Result<Opened>(const ConnectionChoice &)>;

    // `rest`: the embedded server of database mode; none for a server's client.
    DesktopController(Backend &backend, RestServer *rest, QObject *parent = nullptr);
    ~DesktopController() override;

    // Lets the login switch between this computer and a server (`current`
    // is where `backend` works).
    void setOpener(Opener opener, const ConnectionChoice &current);

    // Shows the login dialog (or the first administrator's setup).
    void start();

    MainWindow *window() const { return m_window; }
    LoginDialog *loginDialog() const { return m_login; }
    const RestStatus &restStatus() const { return m_restStatus; }

private:
    void showLogin(const QString &problem = {});
    void setRestServer(RestServer *rest);
    void openWindow(const User &user);
    void applySettings(const RestSettings &settings);
    void onServerFailed(const QString &message);

    Backend *m_backend;
    RestServer *m_rest;
    Opener m_opener;
    ConnectionChoice m_connection;
    QPointer<LoginDialog> m_login;
    QPointer<MainWindow> m_window;
    RestStatus m_restStatus;
    RestSettings m_restSettings;
    bool m_restStarted = false;
};

} // namespace signoff
