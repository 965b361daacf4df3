// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SignInAttemptRepository.h"

#include "SqlValues.h"

namespace signoff {

namespace {
// PostgreSQL's two-number advisory locks are apart from the one-number ones
// the migrator, the sealer and the first start use: "sign" in ASCII, and
// the first 32 bits of the name's key.
constexpr int signInLockClass = 0x7369676e;
} // namespace

Result<void> SignInAttemptRepository::lockName(const QString &nameKey)
{
    if (m_connection.dialect() != SqlDialect::Postgresql)
        return {};
    const qint32 objectId = qint32(nameKey.left(8).toUInt(nullptr, 16));
    return m_connection.execute(QStringLiteral("SELECT pg_advisory_xact_lock(?, ?)"), {signInLockClass, objectId});
}

Result<void> SignInAttemptRepository::removeBefore(const QDateTime &cutoff)
{
    return m_connection.execute(QStringLiteral("DELETE FROM sign_in_attempt WHERE at < ?"), {sql::fromTime(cutoff)});
}

Result<SignInAttemptRepository::Recent> SignInAttemptRepository::recentFor(const QString &nameKey, const QDateTime &cutoff)
{
    auto rows = m_connection.query(
        QStringLiteral("SELECT COUNT(*), MIN(at) FROM sign_in_attempt WHERE name_key = ? AND at >= ?"),
        {nameKey, sql::fromTime(cutoff)});
    if (!rows)
        return rows.error();
    Recent recent;
    if (rows->next()) {
        recent.count = rows->value(0).toInt();
        if (recent.count > 0)
            recent.oldest = sql::toTime(rows->value(1));
    }
    return recent;
}

Result<qint64> SignInAttemptRepository::insert(const QString &nameKey, const QDateTime &at)
{
    auto rows = m_connection.query(QStringLiteral("INSERT INTO sign_in_attempt (name_key, at) VALUES (?, ?) RETURNING id"),
                                   {nameKey, sql::fromTime(at)});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "The database is not available; try again shortly.")));
    return rows->value(0).toLongLong();
}

Result<void> SignInAttemptRepository::remove(qint64 id)
{
    return m_connection.execute(QStringLiteral("DELETE FROM sign_in_attempt WHERE id = ?"), {id});
}

Result<void> SignInAttemptRepository::removeAllFor(const QString &nameKey)
{
    return m_connection.execute(QStringLiteral("DELETE FROM sign_in_attempt WHERE name_key = ?"), {nameKey});
}

} // namespace signoff
