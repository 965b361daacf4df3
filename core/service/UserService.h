// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "EntityMetrics.h"
#include "PasswordHasher.h"
#include "ServiceContext.h"
#include "domain/Page.h"
#include "domain/Queries.h"
#include "domain/Result.h"
#include "domain/User.h"

namespace signoff {

// People and their roles. Administrators manage users; everyone can read
// themselves. The last enabled administrator can be neither demoted nor
// disabled, so the desk never locks itself out.
class UserService
{
public:
    UserService(ServiceContext &context, const PasswordHasher &hasher);

    Result<User> create(const Actor &actor, const NewUser &input);
    Result<User> get(const Actor &actor, const QString &username);
    Result<User> me(const Actor &actor);
    Result<Page<User>> list(const Actor &actor, const UserQuery &query);
    Result<User> update(const Actor &actor, const QString &username, const UserPatch &patch,
                        ExpectedVersion expectedVersion = {});

    // Whether anyone can sign in yet (a new database has no users).
    Result<bool> hasUsers();
    // First start of the desktop: the administrator the person enters.
    // Conflict once any user exists.
    Result<User> createFirstAdministrator(const NewUser &input);
    // First start of `serve`: user `admin` with a random password, which is
    // returned once; nothing when users exist.
    Result<std::optional<QString>> createInitialAdministratorIfNone();

private:
    Result<User> insert(const Actor &actor, const NewUser &input, bool onlyIfNoUsers);

    ServiceContext &m_context;
    const PasswordHasher &m_hasher;
    EntityMetrics m_metrics;
};

} // namespace signoff
