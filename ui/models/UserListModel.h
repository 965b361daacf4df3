// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CursorTableModel.h"
#include "domain/User.h"

namespace signoff {

class Session;

// The people who can sign in (administrators only), newest first.
class UserListModel : public CursorTableModel<User>
{
    Q_OBJECT
public:
    enum Columns { UsernameColumn, DisplayNameColumn, RoleColumn, StateColumn, LastSignInColumn, CreatedColumn };

    explicit UserListModel(Session &session, QObject *parent = nullptr);

    void setSearch(const QString &text);

protected:
    void fetchFromSource(int limit, QObject *epoch, Done done) override;
    QString keyOf(const User &user) const override { return user.username; }
    QVariant cell(const User &user, int column, int role) const override;

private:
    Session &m_session;
    UserQuery m_query;
};

} // namespace signoff
