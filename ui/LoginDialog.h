// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/User.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace signoff {

class FieldMessage;
class PasswordFields;
class Services;

// Signing in. On a database without users it first asks for the
// administrator to create (name and password, entered twice).
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(Services &services, const QString &databaseLabel, QWidget *parent = nullptr);

    // The signed-in user, once accepted.
    const User &user() const { return m_user; }
    bool isSettingUp() const;

private:
    void signIn();
    void createAdministrator();
    void checkSetup();
    void showSignIn();

    Services &m_services;
    User m_user;
    QStackedWidget *m_pages;
    // Sign in
    QLineEdit *m_username;
    QLineEdit *m_password;
    FieldMessage *m_signInMessage;
    QPushButton *m_signIn;
    // First start
    QLineEdit *m_adminUsername;
    FieldMessage *m_adminUsernameMessage;
    QLineEdit *m_adminDisplayName;
    PasswordFields *m_adminPassword;
    FieldMessage *m_setupMessage;
    QPushButton *m_create;
};

} // namespace signoff
