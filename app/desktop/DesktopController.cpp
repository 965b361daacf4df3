// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DesktopController.h"

#include "Backend.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "RestControl.h"
#include "rest/RestServer.h"

#include <QApplication>

namespace signoff {

DesktopController::DesktopController(Backend &backend, RestServer &rest, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_rest(rest)
{
    connect(&m_rest, &RestServer::failed, this, &DesktopController::onServerFailed);
}

DesktopController::~DesktopController()
{
    delete m_window;
    delete m_login;
}

void DesktopController::start()
{
    showLogin();
}

void DesktopController::showLogin()
{
    m_login = new LoginDialog(m_backend);
    m_login->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_login, &QDialog::accepted, this, [this] { openWindow(m_login->user()); });
    connect(m_login, &QDialog::rejected, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    m_login->show();
}

void DesktopController::openWindow(const User &user)
{
    // The server starts with the first window (after the first
    // administrator exists) and keeps running across sign-outs.
    if (!m_restStarted) {
        m_restStarted = true;
        applySettings(RestSettings::load());
    }
    m_window = new MainWindow(m_backend, user);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    m_window->setRestStatus(m_restStatus);
    connect(m_window, &MainWindow::restSettingsChanged, this, &DesktopController::applySettings);
    connect(m_window, &MainWindow::closed, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    connect(m_window, &MainWindow::signOutRequested, this, [this] {
        MainWindow *window = m_window;
        window->close();
        m_backend.signOut().then(this, [](const Result<void> &) {});
        showLogin();
    });
    m_window->show();
}

void DesktopController::applySettings(const RestSettings &settings)
{
    m_restSettings = settings;
    m_restStatus = applyRestSettings(m_rest, settings);
    if (m_window)
        m_window->setRestStatus(m_restStatus);
}

// The server stopped serving after it had started (its socket failed).
void DesktopController::onServerFailed(const QString &message)
{
    if (!m_restSettings.enabled || m_rest.isListening())
        return;
    m_restStatus = failureStatus(m_restSettings.address, m_restSettings.port, message);
    if (m_window)
        m_window->setRestStatus(m_restStatus);
}

} // namespace signoff
