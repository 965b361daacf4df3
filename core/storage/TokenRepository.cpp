// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TokenRepository.h"

#include "SqlValues.h"

namespace signoff {

Result<void> TokenRepository::insert(const QUuid &id, const QUuid &userId, const QString &tokenHash,
                                     const QDateTime &createdAt, const QDateTime &expiresAt)
{
    return m_connection.execute(
        QStringLiteral("INSERT INTO api_token (id, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)"),
        {sql::fromUuid(id), sql::fromUuid(userId), tokenHash, sql::fromTime(createdAt), sql::fromTime(expiresAt)});
}

Result<std::optional<StoredToken>> TokenRepository::findByHash(const QString &tokenHash)
{
    auto rows = m_connection.query(
        QStringLiteral("SELECT t.id, t.token_hash, t.created_at, t.expires_at, t.last_used_at, "
                       "u.id, u.username, u.display_name, u.role, u.disabled, u.version "
                       "FROM api_token t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?"),
        {tokenHash});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return std::optional<StoredToken>();
    StoredToken token;
    token.id = sql::toUuid(rows->value(0));
    token.tokenHash = rows->value(1).toString();
    token.createdAt = sql::toTime(rows->value(2));
    token.expiresAt = sql::toTime(rows->value(3));
    token.lastUsedAt = sql::toTime(rows->value(4));
    token.user.id = sql::toUuid(rows->value(5));
    token.user.username = rows->value(6).toString();
    token.user.displayName = rows->value(7).toString();
    token.user.role = roleFromString(rows->value(8).toString()).value_or(Role::Requester);
    token.user.disabled = rows->value(9).toBool();
    token.user.version = rows->value(10).toInt();
    return std::optional<StoredToken>(token);
}

Result<void> TokenRepository::touch(const QUuid &id, const QDateTime &at)
{
    return m_connection.execute(QStringLiteral("UPDATE api_token SET last_used_at = ? WHERE id = ?"),
                                {sql::fromTime(at), sql::fromUuid(id)});
}

Result<bool> TokenRepository::removeByHash(const QString &tokenHash)
{
    auto rows = m_connection.query(QStringLiteral("DELETE FROM api_token WHERE token_hash = ?"), {tokenHash});
    if (!rows)
        return rows.error();
    return rows->rowsAffected() > 0;
}

Result<void> TokenRepository::removeExpired(const QDateTime &now)
{
    return m_connection.execute(QStringLiteral("DELETE FROM api_token WHERE expires_at < ?"), {sql::fromTime(now)});
}

Result<void> TokenRepository::removeForUser(const QUuid &userId)
{
    return m_connection.execute(QStringLiteral("DELETE FROM api_token WHERE user_id = ?"), {sql::fromUuid(userId)});
}

Result<int> TokenRepository::removeOldestBeyond(const QUuid &userId, int keep)
{
    auto rows = m_connection.query(
        QStringLiteral("DELETE FROM api_token WHERE user_id = ? AND id NOT IN "
                       "(SELECT id FROM api_token WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?)"),
        {sql::fromUuid(userId), sql::fromUuid(userId), keep});
    if (!rows)
        return rows.error();
    return rows->rowsAffected();
}

} // namespace signoff
