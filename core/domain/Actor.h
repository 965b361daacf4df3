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
    bool owns(const QUuid &ownerId) const { return !id.isNull() && id == ownerId; }
};

} // namespace signoff
