// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Connection.h"
#include "domain/Result.h"
#include "domain/User.h"

#include <QDateTime>
#include <QUuid>
#include <optional>

namespace signoff {

// An API token as stored: only the SHA-256 of the token, never the token.
struct StoredToken
{
    QUuid id;
    QString tokenHash;
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime lastUsedAt;
    User user;
};

class TokenRepository
{
public:
    explicit TokenRepository(Connection &connection) : m_connection(connection) {}

    Result<void> insert(const QUuid &id, const QUuid &userId, const QString &tokenHash, const QDateTime &createdAt,
                        const QDateTime &expiresAt);
    Result<std::optional<StoredToken>> findByHash(const QString &tokenHash);
    Result<void> touch(const QUuid &id, const QDateTime &at);
    Result<bool> removeByHash(const QString &tokenHash);
    Result<void> removeExpired(const QDateTime &now);
    Result<void> removeForUser(const QUuid &userId);
    // Keeps the user's `keep` newest tokens and removes the others; how many went.
    Result<int> removeOldestBeyond(const QUuid &userId, int keep);

private:
    Connection &m_connection;
};

} // namespace signoff
