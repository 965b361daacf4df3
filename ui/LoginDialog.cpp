// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LoginDialog.h"

#include "Backend.h"
#include "domain/Validation.h"
#include "support/FieldMessage.h"
#include "support/PasswordFields.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QMessageBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace signoff {

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    label->setFont(font);
    return label;
}

QLabel *paragraph(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

} // namespace

LoginDialog::LoginDialog(Backend &backend, QWidget *parent)
    : QDialog(parent)
    , m_backend(&backend)
    , m_pages(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Sign in to Signoff"));

    QWidget *signInPage = createSignInPage();
    QWidget *setupPage = createSetupPage();
    m_pages->addWidget(signInPage);
    m_pages->addWidget(setupPage);
    createLocationLabel();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_location);
    connectControls();

    showSignIn();
    setBackend(backend);
    resize(440, sizeHint().height());
}

// Where to work, shown only when the dialog has a connector.
void LoginDialog::createConnectionRows(QWidget *page)
{
    m_connectionRows = new QWidget(page);
    m_connectionRows->setObjectName(QStringLiteral("connectionRows"));
    m_connectionKind = new QComboBox(m_connectionRows);
    m_connectionKind->setObjectName(QStringLiteral("connectionCombo"));
    m_connectionKind->setAccessibleName(tr("Connect to"));
    m_connectionKind->addItem(tr("This computer"), int(ConnectionChoice::Kind::Database));
    m_connectionKind->addItem(tr("Signoff server"), int(ConnectionChoice::Kind::Server));
    m_serverEdit = new QLineEdit(m_connectionRows);
    m_serverEdit->setObjectName(QStringLiteral("serverEdit"));
    m_serverEdit->setAccessibleName(tr("Server address"));
    m_serverEdit->setPlaceholderText(QStringLiteral("https://signoff.example.org:8443"));
    m_serverMessage = new FieldMessage(m_connectionRows);
    m_serverMessage->setObjectName(QStringLiteral("serverMessage"));
    auto *connectionForm = new QFormLayout(m_connectionRows);
    connectionForm->setContentsMargins(0, 0, 0, 0);
    auto *connectionLabel = new QLabel(tr("&Connect to:"), m_connectionRows);
    connectionLabel->setBuddy(m_connectionKind);
    connectionForm->addRow(connectionLabel, m_connectionKind);
    auto *serverColumn = new QVBoxLayout;
    serverColumn->setSpacing(2);
    serverColumn->addWidget(m_serverEdit);
    serverColumn->addWidget(m_serverMessage);
    auto *serverLabel = new QLabel(tr("Se&rver:"), m_connectionRows);
    serverLabel->setObjectName(QStringLiteral("serverLabel"));
    serverLabel->setBuddy(m_serverEdit);
    connectionForm->addRow(serverLabel, serverColumn);
    m_connectionRows->hide();
}

QWidget *LoginDialog::createSignInPage()
{
    auto *signInPage = new QWidget(m_pages);
    signInPage->setObjectName(QStringLiteral("signInPage"));
    createConnectionRows(signInPage);
    m_username = new QLineEdit(signInPage);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_username->setAccessibleName(tr("User name"));
    m_password = new QLineEdit(signInPage);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_staySignedIn = new QCheckBox(tr("S&tay signed in"), signInPage);
    m_staySignedIn->setObjectName(QStringLiteral("staySignedInCheck"));
    m_staySignedIn->setToolTip(tr("Keep the session in the system keyring, so that the next start signs in by itself. "
                                  "Signing out ends it."));
    m_staySignedIn->setChecked(ConnectionChoice::staySignedIn());
    m_signInMessage = new FieldMessage(signInPage);
    m_signInMessage->setObjectName(QStringLiteral("signInMessage"));
    m_signIn = new QPushButton(tr("&Sign in"), signInPage);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    auto *signInForm = new QFormLayout;
    auto *usernameLabel = new QLabel(tr("&User name:"), signInPage);
    usernameLabel->setBuddy(m_username);
    auto *passwordLabel = new QLabel(tr("&Password:"), signInPage);
    passwordLabel->setBuddy(m_password);
    signInForm->addRow(usernameLabel, m_username);
    signInForm->addRow(passwordLabel, m_password);
    signInForm->addRow(QString(), m_staySignedIn);
    auto *signInLayout = new QVBoxLayout(signInPage);
    signInLayout->addWidget(heading(tr("Signoff"), signInPage));
    signInLayout->addWidget(paragraph(tr("Sign in with your user name and password."), signInPage));
    signInLayout->addWidget(m_connectionRows);
    signInLayout->addLayout(signInForm);
    signInLayout->addWidget(m_signInMessage);
    signInLayout->addStretch(1);
    auto *signInButtons = new QHBoxLayout;
    signInButtons->addStretch(1);
    m_quit = new QPushButton(tr("&Quit"), signInPage);
    m_quit->setObjectName(QStringLiteral("quitButton"));
    m_quit->setAutoDefault(false);
    signInButtons->addWidget(m_quit);
    signInButtons->addWidget(m_signIn);
    signInLayout->addLayout(signInButtons);
    return signInPage;
}

// The first start: the administrator to create.
QWidget *LoginDialog::createSetupPage()
{
    auto *setupPage = new QWidget(m_pages);
    setupPage->setObjectName(QStringLiteral("setupPage"));
    m_adminUsername = new QLineEdit(QStringLiteral("admin"), setupPage);
    m_adminUsername->setObjectName(QStringLiteral("adminUsernameEdit"));
    m_adminUsername->setAccessibleName(tr("Administrator’s user name"));
    m_adminUsernameMessage = new FieldMessage(setupPage);
    m_adminUsernameMessage->setObjectName(QStringLiteral("adminUsernameMessage"));
    m_adminDisplayName = new QLineEdit(setupPage);
    m_adminDisplayName->setObjectName(QStringLiteral("adminDisplayNameEdit"));
    m_adminDisplayName->setAccessibleName(tr("Administrator’s display name"));
    m_adminDisplayName->setPlaceholderText(tr("Optional, such as your full name"));
    m_adminPassword = new PasswordFields(setupPage, false);
    // Distinct from the sign-in page's fields of the same kind.
    m_adminPassword->first()->setObjectName(QStringLiteral("adminPasswordEdit"));
    m_adminPassword->second()->setObjectName(QStringLiteral("adminRepeatPasswordEdit"));
    m_adminPassword->message()->setObjectName(QStringLiteral("adminPasswordMessage"));
    m_adminPassword->repeatMessage()->setObjectName(QStringLiteral("adminRepeatPasswordMessage"));
    m_setupMessage = new FieldMessage(setupPage);
    m_setupMessage->setObjectName(QStringLiteral("setupMessage"));
    m_create = new QPushButton(tr("&Create administrator"), setupPage);
    m_create->setObjectName(QStringLiteral("createAdminButton"));
    auto *setupForm = new QFormLayout;
    auto *adminColumn = new QVBoxLayout;
    adminColumn->setSpacing(2);
    adminColumn->addWidget(m_adminUsername);
    adminColumn->addWidget(m_adminUsernameMessage);
    auto *adminLabel = new QLabel(tr("&User name:"), setupPage);
    adminLabel->setBuddy(m_adminUsername);
    setupForm->addRow(adminLabel, adminColumn);
    auto *displayLabel = new QLabel(tr("&Display name:"), setupPage);
    displayLabel->setBuddy(m_adminDisplayName);
    setupForm->addRow(displayLabel, m_adminDisplayName);
    m_adminPassword->addTo(setupForm, tr("&Password:"), tr("&Repeat password:"));
    auto *setupLayout = new QVBoxLayout(setupPage);
    setupLayout->addWidget(heading(tr("Welcome to Signoff"), setupPage));
    setupLayout->addWidget(paragraph(tr("This database has no users yet. Create the administrator: the first person "
                                        "who can sign in, add other users and manage the catalogue."),
                                     setupPage));
    setupLayout->addLayout(setupForm);
    setupLayout->addWidget(m_setupMessage);
    setupLayout->addStretch(1);
    auto *setupButtons = new QHBoxLayout;
    setupButtons->addStretch(1);
    m_quitSetup = new QPushButton(tr("&Quit"), setupPage);
    m_quitSetup->setAutoDefault(false);
    setupButtons->addWidget(m_quitSetup);
    setupButtons->addWidget(m_create);
    setupLayout->addLayout(setupButtons);
    return setupPage;
}

// The database or server signed in to, below the pages.
void LoginDialog::createLocationLabel()
{
    m_location = new QLabel(this);
    m_location->setObjectName(QStringLiteral("databaseLabel"));
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_location->setWordWrap(true);
    QPalette muted = m_location->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::Disabled, QPalette::WindowText));
    m_location->setPalette(muted);
}

void LoginDialog::connectControls()
{
    connect(m_signIn, &QPushButton::clicked, this, &LoginDialog::signIn);
    connect(m_create, &QPushButton::clicked, this, &LoginDialog::createAdministrator);
    connect(m_quit, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_quitSetup, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_username, &QLineEdit::textEdited, m_signInMessage, &FieldMessage::clearProblem);
    connect(m_password, &QLineEdit::textEdited, m_signInMessage, &FieldMessage::clearProblem);
    connect(m_adminUsername, &QLineEdit::textEdited, this, &LoginDialog::checkSetup);
    connect(m_adminPassword, &PasswordFields::edited, this, &LoginDialog::checkSetup);
    connect(m_connectionKind, &QComboBox::currentIndexChanged, this, &LoginDialog::updateConnectionFields);
    connect(m_serverEdit, &QLineEdit::textEdited, m_serverMessage, &FieldMessage::clearProblem);
}

void LoginDialog::setBackend(Backend &backend)
{
    m_backend = &backend;
    if (!m_connector)
        m_staySignedIn->setVisible(backend.kind() == Backend::Kind::Server);
    m_location->setText(backend.kind() == Backend::Kind::Server ? tr("Server: %1").arg(backend.location())
                                                                : tr("Database: %1").arg(backend.location()));
    if (m_connector)
        updateConnectionFields();
    m_ready = false;
    m_backend->hasUsers().then(this, [this, backend = m_backend](Result<bool> hasUsers) {
        if (backend != m_backend)
            return; // the person chose another connection meanwhile
        m_ready = true;
        if (hasUsers && !hasUsers.value())
            showSetup();
        else if (!hasUsers)
            m_signInMessage->showProblem(hasUsers.error().translatedSummary());
    });
}

void LoginDialog::setConnector(Connector connector, const ConnectionChoice &current)
{
    m_connector = std::move(connector);
    m_connection = current;
    m_connectionKind->setCurrentIndex(current.kind == ConnectionChoice::Kind::Server ? 1 : 0);
    if (current.kind == ConnectionChoice::Kind::Server)
        m_serverEdit->setText(current.server.toString());
    else if (const ConnectionChoice saved = ConnectionChoice::load(); saved.kind == ConnectionChoice::Kind::Server)
        m_serverEdit->setText(saved.server.toString());
    m_username->setText(ConnectionChoice::lastUsername());
    m_connectionRows->show();
    updateConnectionFields();
    if (!m_username->text().isEmpty())
        m_password->setFocus();
}

void LoginDialog::showProblem(const QString &message)
{
    showSignIn();
    m_signInMessage->showProblem(message);
}

void LoginDialog::updateConnectionFields()
{
    const bool server = m_connectionKind->currentData().toInt() == int(ConnectionChoice::Kind::Server);
    m_serverEdit->setVisible(server);
    m_staySignedIn->setVisible(server);
    if (auto *label = m_connectionRows->findChild<QLabel *>(QStringLiteral("serverLabel")))
        label->setVisible(server);
    if (!server)
        m_serverMessage->clearProblem();
    // Where the current connection is, only while it is the kind chosen: a
    // database's path under "Signoff server" would say the wrong thing.
    m_location->setVisible(server == (m_backend->kind() == Backend::Kind::Server));
}

bool LoginDialog::connectChosen()
{
    if (!m_connector)
        return true;
    ConnectionChoice chosen;
    chosen.kind = ConnectionChoice::Kind(m_connectionKind->currentData().toInt());
    if (chosen.kind == ConnectionChoice::Kind::Server) {
        QString problem;
        chosen.server = ConnectionChoice::serverUrl(m_serverEdit->text(), &problem);
        if (!problem.isEmpty()) {
            m_serverMessage->showProblem(problem);
            m_serverEdit->setFocus();
            return false;
        }
        if (ConnectionChoice::isUnencryptedRemote(chosen.server) && m_confirmedUnencrypted != chosen.server) {
            const auto answer = QMessageBox::warning(
                this, tr("Unencrypted connection"),
                tr("%1 is not on this computer and does not use HTTPS: your password and the data would cross "
                   "the network unencrypted, readable and changeable by anyone on the way.\n\n"
                   "Connect anyway?")
                    .arg(chosen.server.toString()),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
            if (answer != QMessageBox::Yes)
                return false;
            m_confirmedUnencrypted = chosen.server;
        }
    }
    if (chosen == m_connection && m_backend)
        return true;
    auto backend = m_connector(chosen);
    if (!backend) {
        (chosen.kind == ConnectionChoice::Kind::Server ? m_serverMessage : m_signInMessage)
            ->showProblem(backend.error().translatedSummary());
        return false;
    }
    m_connection = chosen;
    setBackend(*backend.value());
    return true;
}

bool LoginDialog::isSettingUp() const
{
    return m_pages->currentIndex() == 1;
}

void LoginDialog::showSetup()
{
    m_pages->setCurrentIndex(1);
    m_create->setDefault(true);
    m_signIn->setDefault(false);
    checkSetup();
    m_adminPassword->first()->setFocus();
}

void LoginDialog::showSignIn()
{
    m_pages->setCurrentIndex(0);
    m_signIn->setDefault(true);
    m_create->setDefault(false);
    m_username->setFocus();
}

void LoginDialog::setBusy(QPushButton *button, const QString &text)
{
    m_busyButton = button;
    m_busyButtonText = button->text();
    button->setText(text);
    button->setEnabled(false);
    for (QLineEdit *edit : {m_username, m_password, m_adminUsername, m_adminDisplayName})
        edit->setReadOnly(true);
    m_adminPassword->setEnabled(false);
    m_quit->setText(tr("&Cancel"));
    m_quitSetup->setText(tr("&Cancel"));
}

void LoginDialog::endBusy()
{
    m_pending.reset();
    if (m_busyButton) {
        m_busyButton->setText(m_busyButtonText);
        m_busyButton->setEnabled(true);
        m_busyButton = nullptr;
    }
    for (QLineEdit *edit : {m_username, m_password, m_adminUsername, m_adminDisplayName})
        edit->setReadOnly(false);
    m_adminPassword->setEnabled(true);
    m_quit->setText(tr("&Quit"));
    m_quitSetup->setText(tr("&Quit"));
    checkSetup();
}

// Quit, or while a sign-in is under way: stop waiting for it.
void LoginDialog::reject()
{
    if (m_pending) {
        m_pending->cancel();
        endBusy();
        return;
    }
    QDialog::reject();
}

void LoginDialog::signIn()
{
    if (m_pending)
        return;
    if (m_username->text().trimmed().isEmpty()) {
        m_signInMessage->showProblem(tr("Enter your user name."));
        m_username->setFocus();
        return;
    }
    m_signInMessage->clearProblem();
    if (!connectChosen())
        return;
    setBusy(m_signIn, tr("Signing in…"));
    m_pending = m_backend->signIn(m_username->text().trimmed(), m_password->text());
    m_pending->then(this, [this](Result<User> user) {
        endBusy();
        if (!user) {
            const QString reason = user.error().reason;
            if (reason == QStringLiteral("untrusted-certificate") || reason == QStringLiteral("changed-certificate")) {
                if (askAboutCertificate(user.error())) {
                    signIn(); // again, trusting it now; the password is still there
                    return;
                }
                m_signInMessage->showProblem(user.error().translatedSummary());
                return;
            }
            m_signInMessage->showProblem(user.error().translatedSummary());
            m_password->clear();
            m_password->setFocus();
            return;
        }
        m_user = user.value();
        m_password->clear();
        if (m_connector) {
            m_connection.save();
            ConnectionChoice::saveLastUsername(m_user.username);
        }
        finishSignIn();
    });
}

bool LoginDialog::serverChosen() const
{
    if (m_connector)
        return m_connectionKind->currentData().toInt() == int(ConnectionChoice::Kind::Server);
    return m_backend->kind() == Backend::Kind::Server;
}

void LoginDialog::finishSignIn()
{
    if (!serverChosen()) {
        accept();
        return;
    }
    const bool keep = m_staySignedIn->isChecked();
    ConnectionChoice::saveStaySignedIn(keep);
    if (!keep) {
        accept();
        return;
    }
    m_signIn->setEnabled(false); // the keyring answers in a moment
    m_backend->keepSession().then(this, [this](Result<void> kept) {
        m_signIn->setEnabled(true);
        m_keepProblem = kept ? QString() : kept.error().translatedSummary();
        accept();
    });
}

bool LoginDialog::askAboutCertificate(const Error &error)
{
    const QByteArray fingerprint = m_backend->untrustedCertificate();
    if (fingerprint.isEmpty())
        return false;
    const bool changed = error.reason == QStringLiteral("changed-certificate");
    QMessageBox box(changed ? QMessageBox::Critical : QMessageBox::Warning,
                    changed ? tr("The server's certificate changed") : tr("Untrusted certificate"),
                    error.translatedSummary(), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("certificateDialog"));
    box.setInformativeText(
        changed ? tr("Trust the new certificate only if the server's administrator tells you it was replaced and its "
                     "fingerprint matches the one they give you.")
                : tr("Compare the fingerprint with the one the server's administrator gives you. If they match, "
                     "Signoff can trust this certificate for this server from now on, and will refuse any other."));
    QPushButton *trust = box.addButton(changed ? tr("Trust the &new certificate") : tr("&Trust this certificate"),
                                       QMessageBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustCertificateButton"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.exec();
    if (box.clickedButton() != trust)
        return false;
    m_backend->trustCertificate(fingerprint);
    return true;
}

void LoginDialog::checkSetup()
{
    const auto problem = validate::newUsername(m_adminUsername->text());
    m_adminUsernameMessage->showProblem(problem ? problem->translated() : QString());
    m_create->setEnabled(!problem && m_adminPassword->isValid());
}

void LoginDialog::createAdministrator()
{
    if (m_pending)
        return;
    const QString username = m_adminUsername->text();
    const QString password = m_adminPassword->password();
    m_setupMessage->clearProblem();
    setBusy(m_create, tr("Creating…"));
    m_pending = m_backend->createFirstAdministrator(NewUser{username, m_adminDisplayName->text(), Role::Admin, password});
    m_pending->then(this, [this](Result<User> user) {
        endBusy();
        if (!user) {
            if (user.error().kind == ErrorKind::Conflict && user.error().reason == QStringLiteral("already-set-up")) {
                // Someone else set it up meanwhile (another window, `signoff serve`).
                showSignIn();
                m_signInMessage->showProblem(user.error().translatedSummary());
                return;
            }
            m_setupMessage->showProblem(user.error().translatedSummary());
            return;
        }
        m_user = user.value();
        m_adminPassword->clear();
        accept();
    });
}

} // namespace signoff
