// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LoginDialog.h"

#include "Backend.h"
#include "domain/Validation.h"
#include "support/FieldMessage.h"
#include "support/PasswordFields.h"

#include <QApplication>
#include <QFormLayout>
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
    , m_backend(backend)
    , m_pages(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Sign in to Signoff"));

    // Sign in
    auto *signInPage = new QWidget(m_pages);
    signInPage->setObjectName(QStringLiteral("signInPage"));
    m_username = new QLineEdit(signInPage);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_username->setAccessibleName(tr("User name"));
    m_password = new QLineEdit(signInPage);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
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
    auto *signInLayout = new QVBoxLayout(signInPage);
    signInLayout->addWidget(heading(tr("Signoff"), signInPage));
    signInLayout->addWidget(paragraph(tr("Sign in with your user name and password."), signInPage));
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

    // First start
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

    m_pages->addWidget(signInPage);
    m_pages->addWidget(setupPage);

    auto *database = new QLabel(backend.kind() == Backend::Kind::Server ? tr("Server: %1").arg(backend.location())
                                                                         : tr("Database: %1").arg(backend.location()),
                                this);
    database->setObjectName(QStringLiteral("databaseLabel"));
    database->setTextInteractionFlags(Qt::TextSelectableByMouse);
    database->setWordWrap(true);
    QPalette muted = database->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::Disabled, QPalette::WindowText));
    database->setPalette(muted);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(database);

    connect(m_signIn, &QPushButton::clicked, this, &LoginDialog::signIn);
    connect(m_create, &QPushButton::clicked, this, &LoginDialog::createAdministrator);
    connect(m_quit, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_quitSetup, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_username, &QLineEdit::textEdited, m_signInMessage, &FieldMessage::clearProblem);
    connect(m_password, &QLineEdit::textEdited, m_signInMessage, &FieldMessage::clearProblem);
    connect(m_adminUsername, &QLineEdit::textEdited, this, &LoginDialog::checkSetup);
    connect(m_adminPassword, &PasswordFields::edited, this, &LoginDialog::checkSetup);

    showSignIn();
    m_backend.hasUsers().then(this, [this](Result<bool> hasUsers) {
        m_ready = true;
        if (hasUsers && !hasUsers.value())
            showSetup();
        else if (!hasUsers)
            m_signInMessage->showProblem(hasUsers.error().translatedSummary());
    });
    resize(440, sizeHint().height());
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
    setBusy(m_signIn, tr("Signing in…"));
    m_pending = m_backend.signIn(m_username->text().trimmed(), m_password->text());
    m_pending->then(this, [this](Result<User> user) {
        endBusy();
        if (!user) {
            m_signInMessage->showProblem(user.error().translatedSummary());
            m_password->clear();
            m_password->setFocus();
            return;
        }
        m_user = user.value();
        m_password->clear();
        accept();
    });
}

void LoginDialog::checkSetup()
{
    const auto problem = validate::username(m_adminUsername->text());
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
    m_pending = m_backend.createFirstAdministrator(NewUser{username, m_adminDisplayName->text(), Role::Admin, password});
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
