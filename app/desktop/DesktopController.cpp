// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DesktopController.h"

#include "Backend.h"
#include "ConnectionSettings.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "RestControl.h"
#include "rest/RestServer.h"

#include <QApplication>
#include <QStatusBar>

namespace signoff {

DesktopController::DesktopController(Backend &backend, RestServer *rest, QObject *parent)
    : QObject(parent)
    , m_backend(&backend)
    , m_rest(nullptr)
{
    setRestServer(rest);
}

DesktopController::~DesktopController()
{
    delete m_window;
    delete m_login;
}

void DesktopController::setOpener(Opener opener, const ConnectionChoice &current)
{
    m_opener = std::move(opener);
    m_connection = current;
}

void DesktopController::setRestServer(RestServer *rest)
{
    if (rest == m_rest)
        return;
    if (m_rest)
        disconnect(m_rest, nullptr, this, nullptr);
    m_rest = rest;
    m_restStarted = false;
    if (m_rest)
        connect(m_rest, &RestServer::failed, this, &DesktopController::onServerFailed);
}

void DesktopController::start()
{
    // "Stay signed in": the session kept in the keyring for the last user
    // of this server, if the server still takes it; else the login.
    const QString username = ConnectionChoice::lastUsername();
    if (m_backend->kind() == Backend::Kind::Server && ConnectionChoice::staySignedIn() && !username.isEmpty()) {
        m_backend->resumeKeptSession(username).then(this, [this](Result<User> user) {
            if (user)
                openWindow(user.value());
            else
                showLogin(user.error().kind == ErrorKind::NotFound ? QString() : user.error().translatedSummary());
        });
        return;
    }
    showLogin();
}

void DesktopController::showLogin(const QString &problem)
{
    m_login = new LoginDialog(*m_backend);
    m_login->setAttribute(Qt::WA_DeleteOnClose);
    if (m_opener) {
        m_login->setConnector(
            [this](const ConnectionChoice &connection) -> Result<Backend *> {
                auto opened = m_opener(connection);
                if (!opened)
                    return opened.error();
                m_connection = connection;
                setRestServer(opened->rest);
                return opened->backend;
            },
            m_connection);
    }
    if (!problem.isEmpty())
        m_login->showProblem(problem);
    connect(m_login, &QDialog::accepted, this, [this] {
        m_backend = &m_login->backend();
        openWindow(m_login->user());
        if (const QString problem = m_login->keepProblem(); !problem.isEmpty())
            m_window->statusBar()->showMessage(tr("You will sign in again next time: %1").arg(problem), 15000);
    });
    connect(m_login, &QDialog::rejected, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    m_login->show();
}

void DesktopController::openWindow(const User &user)
{
    // The embedded server starts with the first window of database mode
    // (after the first administrator exists) and keeps running across
    // sign-outs. A server's client has none.
    if (m_rest && !m_restStarted) {
        m_restStarted = true;
        applySettings(RestSettings::load());
    }
    m_window = new MainWindow(*m_backend, user);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    if (m_rest)
        m_window->setRestStatus(m_restStatus);
    connect(m_window, &MainWindow::restSettingsChanged, this, &DesktopController::applySettings);
    connect(m_window, &MainWindow::closed, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    connect(m_window, &MainWindow::signOutRequested, this, [this] {
        MainWindow *window = m_window;
        const QString why = window->sessionEndedMessage();
        window->close();
        // Revokes a server's token; the answer matters to nobody.
        m_backend->signOut().then(this, [](const Result<void> &) {});
        showLogin(why);
    });
    m_window->show();
}

void DesktopController::applySettings(const RestSettings &settings)
{
    m_restSettings = settings;
    if (!m_rest)
        return;
    m_restStatus = applyRestSettings(*m_rest, settings);
    if (m_window)
        m_window->setRestStatus(m_restStatus);
}

// The server stopped serving after it had started (its socket failed).
void DesktopController::onServerFailed(const QString &message)
{
    if (!m_rest || !m_restSettings.enabled || m_rest->isListening())
        return;
    m_restStatus = failureStatus(m_restSettings.address, m_restSettings.port, message);
    if (m_window)
        m_window->setRestStatus(m_restStatus);
}

} // namespace signoff
