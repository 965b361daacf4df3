// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Role.h"

namespace signoff {

QString toString(Role role)
{
    switch (role) {
    case Role::Requester: return QStringLiteral("requester");
    case Role::Reviewer: return QStringLiteral("reviewer");
    case Role::Admin: return QStringLiteral("admin");
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<Role> roleFromString(const QString &text)
{
    for (Role role : {Role::Requester, Role::Reviewer, Role::Admin}) {
        if (text == toString(role))
            return role;
    }
    return std::nullopt;
}

} // namespace signoff
