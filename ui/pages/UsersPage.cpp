// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "UsersPage.h"

#include "FormManager.h"

namespace signoff {

UsersPage::UsersPage(Session &session, FormManager &forms, QWidget *parent)
    : ListPage(session, forms, new UserListModel(session), {EntityType::User}, parent)
    , m_users(static_cast<UserListModel *>(model()))
{
    setObjectName(QStringLiteral("usersPage"));
    setSearchPlaceholder(tr("Search user and display names (Ctrl+F)"));
    setStretchColumn(UserListModel::DisplayNameColumn);
}

void UsersPage::createItem()
{
    forms().openUser(QString());
}

void UsersPage::openRow(int row)
{
    if (row >= 0 && row < m_users->rowCount())
        forms().openUser(m_users->rowAt(row).username);
}

QString UsersPage::emptyText() const
{
    return tr("No user matches the search.");
}

} // namespace signoff
