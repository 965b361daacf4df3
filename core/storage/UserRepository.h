// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Connection.h"
#include "domain/Page.h"
#include "domain/Queries.h"
#include "domain/Result.h"
#include "domain/User.h"

#include <optional>

namespace signoff {

struct StoredCredentials
{
    User user;
    QString passwordHash;
};

// Rows of `users`. The password hash goes in and, for sign-in only, comes out
// through credentials(); every other read leaves it behind.
class UserRepository
{
public:
    explicit UserRepository(Connection &connection) : m_connection(connection) {}

    Result<void> insert(const User &user, const QString &passwordHash);
    Result<std::optional<User>> findById(const QUuid &id);
    Result<std::optional<User>> findByUsername(const QString &username);
    Result<std::optional<StoredCredentials>> credentials(const QString &username);
    // Writes every field of `user` (and the hash when given) if the row is
    // still at `expectedVersion`; false when someone changed it first.
    Result<bool> update(const User &user, int expectedVersion, const std::optional<QString> &passwordHash);
    Result<void> recordSignIn(const QUuid &id, const QDateTime &at);
    Result<qint64> count();
    // count(), inside a write transaction that may create the first user:
    // waits for any other transaction doing the same, so that programs
    // starting together on an empty database set it up once (PostgreSQL: an
    // advisory lock held until commit; SQLite's writes are serial anyway).
    Result<qint64> countForSetUp();
    Result<qint64> countEnabledAdmins();
    Result<Page<User>> list(const UserQuery &query);

private:
    Connection &m_connection;
};

} // namespace signoff
