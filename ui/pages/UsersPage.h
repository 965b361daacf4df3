// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ListPage.h"
#include "models/UserListModel.h"

namespace signoff {

// The people who can sign in (administrators only).
class UsersPage : public ListPage
{
    Q_OBJECT
public:
    UsersPage(Session &session, FormManager &forms, QWidget *parent = nullptr);

    UserListModel *users() const { return m_users; }
    QString title() const override { return tr("Users"); }
    bool canCreate() const override { return true; }
    void createItem() override;
    void openRow(int row) override;

protected:
    void applySearch(const QString &text) override { m_users->setSearch(text); }
    QString emptyText() const override;

private:
    UserListModel *m_users;
};

} // namespace signoff
