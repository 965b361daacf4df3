// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "UserListModel.h"

#include "Session.h"
#include "Backend.h"
#include "support/Format.h"

#include <QColor>

namespace signoff {

UserListModel::UserListModel(Session &session, QObject *parent)
    : CursorTableModel<User>(parent)
    , m_session(session)
{
    setColumns({{tr("User name"), SortKey::Name, false},
                {tr("Display name"), std::nullopt, false},
                {tr("Role"), std::nullopt, false},
                {tr("State"), std::nullopt, false},
                {tr("Last sign-in"), std::nullopt, false},
                {tr("Created"), SortKey::CreatedAt, false}},
               CreatedColumn, Qt::DescendingOrder);
}

void UserListModel::setSearch(const QString &text)
{
    setFilter(m_query.search, text);
}

void UserListModel::fetchFromSource(int limit, QObject *epoch, Done done)
{
    UserQuery query = m_query;
    query.order = listOrder();
    query.page = nextPage(limit);
    fetchPage(m_session.backend().listUsers(query), epoch, std::move(done));
}

QVariant UserListModel::cell(const User &user, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        switch (column) {
        case UsernameColumn: return user.username;
        case DisplayNameColumn: return user.displayName;
        case RoleColumn: return Format::role(user.role);
        case StateColumn: return user.disabled ? tr("Disabled") : tr("Active");
        case LastSignInColumn: return user.lastLoginAt.isValid() ? Format::dateTime(user.lastLoginAt) : tr("never");
        case CreatedColumn: return Format::dateTime(user.createdAt);
        default: return {};
        }
    }
    if (role == Qt::ForegroundRole && user.disabled)
        return QColor(0x80, 0x80, 0x80);
    return {};
}

} // namespace signoff
