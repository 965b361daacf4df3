// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Call.h"
#include "ConnectionSettings.h"
#include "domain/User.h"

#include <functional>
#include <optional>

#include <QDialog>

class QCheckBox;
class QComboBox;
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
//
// With a connector (the application's), it also offers where to work:
// "This computer" (a database) or "Signoff server" (a URL), and remembers
// the choice and the user name (never the password).
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    // Gives the backend for a connection, or why there is none (a database
    // that cannot be opened). Called in the GUI thread when the person signs
    // in somewhere else than the current backend.
    using Connector = std::function<Result<Backend *>(const ConnectionChoice &)>;

    explicit LoginDialog(Backend &backend, QWidget *parent = nullptr);

    void setConnector(Connector connector, const ConnectionChoice &current);
    // The backend signed in through (after accepted(): the window's).
    Backend &backend() const { return *m_backend; }
    // Shown above the fields, such as why the last session ended.
    void showProblem(const QString &message);
    // Why "Stay signed in" could not keep the session (empty: it did, or was not asked).
    QString keepProblem() const { return m_keepProblem; }

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
    QWidget *createSignInPage();
    void createConnectionRows(QWidget *page);
    QWidget *createSetupPage();
    void createLocationLabel();
    void connectControls();
    void signIn();
    // After a sign-in: the session kept in the keyring if asked, then accept().
    void finishSignIn();
    bool serverChosen() const;
    // A server's certificate that this computer does not trust, or that is
    // not the one trusted before: shows its fingerprint and asks. True when
    // the person chose to trust it (then it is pinned).
    bool askAboutCertificate(const Error &error);
    void createAdministrator();
    void checkSetup();
    void showSignIn();
    void showSetup();
    void setBusy(QPushButton *button, const QString &text);
    void endBusy();
    void setBackend(Backend &backend);
    void updateConnectionFields();
    // The backend of the connection chosen in the dialog; false (with the
    // reason shown) when there is none.
    bool connectChosen();

    Backend *m_backend;
    Connector m_connector;
    ConnectionChoice m_connection;
    std::optional<QUrl> m_confirmedUnencrypted;
    std::optional<Call<User>> m_pending;
    bool m_ready = false;
    QPushButton *m_busyButton = nullptr;
    QString m_busyButtonText;
    User m_user;
    QStackedWidget *m_pages;
    QLabel *m_location;
    // Sign in
    QWidget *m_connectionRows;
    QComboBox *m_connectionKind;
    QLineEdit *m_serverEdit;
    FieldMessage *m_serverMessage;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QCheckBox *m_staySignedIn;
    QString m_keepProblem;
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
