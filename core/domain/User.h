// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Actor.h"
#include "Role.h"

#include <QDateTime>
#include <QString>
#include <QUuid>
#include <optional>

namespace signoff {

// A person who signs in. The password hash never leaves core/storage and
// core/service; this struct does not carry it.
struct User
{
    QUuid id;
    QString username;
    QString displayName;
    Role role = Role::Requester;
    bool disabled = false;
    int version = 1;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime lastLoginAt; // null until the first sign-in

    Actor actor() const { return Actor{id, username, role}; }
};

struct NewUser
{
    QString username;
    QString displayName;
    Role role = Role::Requester;
    QString password;
};

struct UserPatch
{
    std::optional<QString> displayName;
    std::optional<Role> role;
    std::optional<bool> disabled;
    std::optional<QString> password;
};

} // namespace signoff
