// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Role.h"

#include <QString>
#include <QUuid>

namespace signoff {

// The signed-in user on whose behalf a service method runs.
struct Actor
{
    QUuid id;
    QString username;
    Role role = Role::Requester;

    bool isAdmin() const { return role == Role::Admin; }
    bool isReviewer() const { return role == Role::Reviewer || role == Role::Admin; }
    bool isSystem() const { return id.isNull(); }

    // The operator at the command line (`signoff user add`): acts with
    // administrator rights and appears in the audit log as "system".
    static Actor system() { return Actor{QUuid(), QStringLiteral("system"), Role::Admin}; }
    bool owns(const QUuid &ownerId) const { return !id.isNull() && id == ownerId; }
};

} // namespace signoff
