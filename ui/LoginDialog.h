// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Call.h"
#include "domain/User.h"

#include <optional>

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace signoff {

class FieldMessage;
class PasswordFields;
class Backend;

// Signing in. On a database without users it first asks for the
// administrator to create (name and password, entered twice). The password
// is checked off the GUI thread (by the backend); while it is, the button
// says so and Cancel stops waiting.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(Backend &backend, QWidget *parent = nullptr);

    // The signed-in user, once accepted.
    const User &user() const { return m_user; }
    bool isSettingUp() const;
    // Whether a sign-in (or the administrator's creation) is under way.
    bool isBusy() const { return m_pending.has_value(); }
    // Whether the backend said if there are users yet (which page to show).
    bool isReady() const { return m_ready; }

protected:
    void reject() override;

private:
    void signIn();
    void createAdministrator();
    void checkSetup();
    void showSignIn();
    void showSetup();
    void setBusy(QPushButton *button, const QString &text);
    void endBusy();

    Backend &m_backend;
    std::optional<Call<User>> m_pending;
    bool m_ready = false;
    QPushButton *m_busyButton = nullptr;
    QString m_busyButtonText;
    User m_user;
    QStackedWidget *m_pages;
    // Sign in
    QLineEdit *m_username;
    QLineEdit *m_password;
    FieldMessage *m_signInMessage;
    QPushButton *m_signIn;
    QPushButton *m_quit;
    // First start
    QLineEdit *m_adminUsername;
    FieldMessage *m_adminUsernameMessage;
    QLineEdit *m_adminDisplayName;
    PasswordFields *m_adminPassword;
    FieldMessage *m_setupMessage;
    QPushButton *m_create;
    QPushButton *m_quitSetup;
};

} // namespace signoff
