// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "EntityForm.h"
#include "domain/User.h"

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace signoff {

class PasswordFields;

// A user (administrators only): name, display name, role, disabled, and a
// new password.
class UserForm : public EntityForm
{
    Q_OBJECT
public:
    // An empty user name: a new user.
    UserForm(Session &session, const QString &username, QWidget *parent = nullptr);

    QString key() const override;
    static QString keyFor(const QString &username);

protected:
    bool isNew() const override { return m_username.isEmpty(); }
    int loadedVersion() const override { return m_shown ? m_shown->version : 0; }
    Call<int> fetchLatest() override;
    void showLatest() override;
    Call<void> saveEdits() override;
    bool editsValid() const override;
    bool mayEdit() const override;
    void setEditorsEnabled(bool enabled) override;
    QString duplicateField() const override { return QStringLiteral("username"); }
    QString windowTitleText() const override;
    QString watchedId() const override;

private:
    Role selectedRole() const;
    void check();

    QString m_username;
    std::optional<User> m_shown;
    std::optional<User> m_latest;
    QLineEdit *m_usernameEdit;
    FieldMessage *m_usernameMessage;
    QLineEdit *m_displayName;
    FieldMessage *m_displayNameMessage;
    QComboBox *m_role;
    QCheckBox *m_disabled;
    PasswordFields *m_password;
    QLabel *m_note;
};

} // namespace signoff
