// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "UserForm.h"

#include "Backend.h"
#include "Session.h"
#include "domain/Validation.h"
#include "support/FieldMessage.h"
#include "support/Format.h"
#include "support/PasswordFields.h"
#include "support/ReadOnlyLook.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace signoff {

UserForm::UserForm(Session &session, const QString &username, QWidget *parent)
    : EntityForm(session, EntityType::User, parent)
    , m_username(username)
    , m_usernameEdit(new QLineEdit(this))
    , m_usernameMessage(new FieldMessage(this))
    , m_displayName(new QLineEdit(this))
    , m_displayNameMessage(new FieldMessage(this))
    , m_role(new QComboBox(this))
    , m_disabled(new QCheckBox(tr("Disabled: cannot sign in, API tokens stop working"), this))
    , m_password(new PasswordFields(this, !username.isEmpty()))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("userForm"));
    m_usernameEdit->setObjectName(QStringLiteral("usernameEdit"));
    m_usernameEdit->setAccessibleName(tr("User name"));
    m_usernameEdit->setPlaceholderText(tr("lower-case letters, digits, . _ -"));
    m_usernameMessage->setObjectName(QStringLiteral("usernameMessage"));
    m_displayName->setObjectName(QStringLiteral("displayNameEdit"));
    m_displayName->setAccessibleName(tr("Display name"));
    m_displayNameMessage->setObjectName(QStringLiteral("displayNameMessage"));
    m_role->setObjectName(QStringLiteral("roleCombo"));
    m_role->setAccessibleName(tr("Role"));
    for (Role role : {Role::Requester, Role::Reviewer, Role::Admin})
        m_role->addItem(Format::role(role), toString(role));
    m_disabled->setObjectName(QStringLiteral("disabledCheck"));
    m_note->setObjectName(QStringLiteral("userNote"));
    m_note->setWordWrap(true);

    auto *fields = new QFormLayout;
    fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto addRow = [this, fields](const QString &text, QWidget *field, FieldMessage *message) {
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        column->addWidget(field);
        if (message)
            column->addWidget(message);
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        fields->addRow(label, column);
    };
    addRow(tr("&User name:"), m_usernameEdit, m_usernameMessage);
    addRow(tr("&Display name:"), m_displayName, m_displayNameMessage);
    addRow(tr("&Role:"), m_role, nullptr);
    fields->addRow(QString(), m_disabled);
    m_password->addTo(fields, username.isEmpty() ? tr("&Password:") : tr("New &password:"), tr("R&epeat:"));
    contentLayout()->addLayout(fields);
    contentLayout()->addWidget(m_note);
    contentLayout()->addStretch(1);

    registerField(QStringLiteral("username"), m_usernameMessage);
    registerField(QStringLiteral("display_name"), m_displayNameMessage);
    registerField(QStringLiteral("password"), m_password->message());

    const auto edited = [this] {
        check();
        markEdited();
    };
    connect(m_usernameEdit, &QLineEdit::textEdited, this, edited);
    connect(m_displayName, &QLineEdit::textEdited, this, edited);
    connect(m_role, &QComboBox::currentIndexChanged, this, edited);
    connect(m_disabled, &QCheckBox::toggled, this, edited);
    connect(m_password, &PasswordFields::edited, this, &UserForm::markEdited);

    resize(520, 420);
    finishSetup();
    if (isNew())
        m_usernameEdit->setFocus();
}

QString UserForm::keyFor(const QString &username)
{
    return QStringLiteral("user:") + username;
}

QString UserForm::key() const
{
    return m_shown ? keyFor(m_shown->username) : QString();
}

QString UserForm::watchedId() const
{
    return m_shown ? m_shown->id.toString(QUuid::WithoutBraces) : QString();
}

Role UserForm::selectedRole() const
{
    return roleFromString(m_role->currentData().toString()).value_or(Role::Requester);
}

Call<int> UserForm::fetchLatest()
{
    return session().backend().getUser(m_username).map(this, [this](User user) {
        m_latest = user;
        return user.version;
    });
}

void UserForm::showLatest()
{
    if (!m_latest)
        return;
    m_shown = m_latest;
    m_username = m_shown->username;
    const QSignalBlocker blockRole(m_role);
    const QSignalBlocker blockDisabled(m_disabled);
    m_usernameEdit->setText(m_shown->username);
    m_displayName->setText(m_shown->displayName);
    m_role->setCurrentIndex(m_role->findData(toString(m_shown->role)));
    m_disabled->setChecked(m_shown->disabled);
    m_password->clear();
    m_note->setText(tr("Version %1, created %2, last sign-in %3.")
                        .arg(QString::number(m_shown->version), Format::dateTime(m_shown->createdAt),
                             m_shown->lastLoginAt.isValid() ? Format::dateTime(m_shown->lastLoginAt) : tr("never")));
}

void UserForm::check()
{
    if (isNew()) {
        const auto username = validate::newUsername(m_usernameEdit->text());
        m_usernameMessage->showProblem(username ? username->translated() : QString());
    }
    const auto displayName = validate::displayName(m_displayName->text());
    m_displayNameMessage->showProblem(displayName ? displayName->translated() : QString());
}

bool UserForm::editsValid() const
{
    if (isNew() && validate::newUsername(m_usernameEdit->text()))
        return false;
    return !validate::displayName(m_displayName->text()) && m_password->isValid();
}

bool UserForm::mayEdit() const
{
    return session().isAdmin() && m_shown.has_value();
}

Call<void> UserForm::saveEdits()
{
    const auto keep = [this](User saved) { m_latest = std::move(saved); };
    if (!m_shown)
        return session()
            .backend()
            .createUser(NewUser{m_usernameEdit->text(), m_displayName->text(), selectedRole(), m_password->password()})
            .map(this, keep);
    UserPatch patch;
    if (normalizedText(m_displayName->text()) != m_shown->displayName)
        patch.displayName = m_displayName->text();
    if (selectedRole() != m_shown->role)
        patch.role = selectedRole();
    if (m_disabled->isChecked() != m_shown->disabled)
        patch.disabled = m_disabled->isChecked();
    if (!m_password->isEmpty())
        patch.password = m_password->password();
    return session().backend().updateUser(m_shown->username, patch, m_shown->version).map(this, keep);
}

void UserForm::setEditorsEnabled(bool enabled)
{
    m_usernameEdit->setReadOnly(!enabled || !isNew());
    setReadOnlyLook(m_usernameEdit, !enabled || !isNew());
    m_displayName->setReadOnly(!enabled);
    setReadOnlyLook(m_displayName, !enabled);
    m_role->setEnabled(enabled);
    m_disabled->setEnabled(enabled);
    m_password->setEnabled(enabled);
}

QString UserForm::windowTitleText() const
{
    if (!m_shown)
        return tr("New user");
    return tr("User ‘%1’").arg(m_shown->username);
}

} // namespace signoff
