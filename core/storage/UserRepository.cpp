// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "UserRepository.h"

#include "KeysetQuery.h"
#include "SqlValues.h"

namespace signoff {

namespace {

// UserService refuses the keys users have no column for.
QString userSortColumn(SortKey key)
{
    switch (key) {
    case SortKey::UpdatedAt: return QStringLiteral("u.updated_at");
    case SortKey::Name: return QStringLiteral("u.username");
    case SortKey::CreatedAt:
    case SortKey::Status:
    case SortKey::Owner: break;
    }
    return QStringLiteral("u.created_at");
}

const QStringList userColumnList{
    QStringLiteral("u.id"),      QStringLiteral("u.username"),   QStringLiteral("u.display_name"),
    QStringLiteral("u.role"),    QStringLiteral("u.disabled"),   QStringLiteral("u.version"),
    QStringLiteral("u.created_at"), QStringLiteral("u.updated_at"), QStringLiteral("u.last_login_at"),
};
const QString userColumns = userColumnList.join(QStringLiteral(", "));

User readUser(const Rows &rows, int first = 0)
{
    User user;
    user.id = sql::toUuid(rows.value(first + 0));
    user.username = rows.value(first + 1).toString();
    user.displayName = rows.value(first + 2).toString();
    user.role = roleFromString(rows.value(first + 3).toString()).value_or(Role::Requester);
    user.disabled = rows.value(first + 4).toBool();
    user.version = rows.value(first + 5).toInt();
    user.createdAt = sql::toTime(rows.value(first + 6));
    user.updatedAt = sql::toTime(rows.value(first + 7));
    user.lastLoginAt = sql::toTime(rows.value(first + 8));
    return user;
}

} // namespace

Result<void> UserRepository::insert(const User &user, const QString &passwordHash)
{
    return m_connection.execute(
        QStringLiteral("INSERT INTO users (id, username, display_name, role, password_hash, disabled, version, "
                       "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {sql::fromUuid(user.id), user.username, user.displayName, toString(user.role), passwordHash, user.disabled,
         user.version, sql::fromTime(user.createdAt), sql::fromTime(user.updatedAt)});
}

Result<std::optional<User>> UserRepository::findById(const QUuid &id)
{
    auto rows = m_connection.query(QStringLiteral("SELECT ") + userColumns + QStringLiteral(" FROM users u WHERE u.id = ?"),
                                   {sql::fromUuid(id)});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return std::optional<User>();
    return std::optional<User>(readUser(*rows));
}

Result<std::optional<User>> UserRepository::findByUsername(const QString &username)
{
    auto rows = m_connection.query(
        QStringLiteral("SELECT ") + userColumns + QStringLiteral(" FROM users u WHERE u.username = ?"), {username});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return std::optional<User>();
    return std::optional<User>(readUser(*rows));
}

Result<std::optional<StoredCredentials>> UserRepository::credentials(const QString &username)
{
    auto rows = m_connection.query(QStringLiteral("SELECT ") + userColumns
                                       + QStringLiteral(", u.password_hash FROM users u WHERE u.username = ?"),
                                   {username});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return std::optional<StoredCredentials>();
    return std::optional<StoredCredentials>(StoredCredentials{readUser(*rows), rows->value(9).toString()});
}

Result<bool> UserRepository::update(const User &user, int expectedVersion, const std::optional<QString> &passwordHash)
{
    QVariantList values{user.displayName, toString(user.role), user.disabled, user.version,
                        sql::fromTime(user.updatedAt)};
    QString statement = QStringLiteral("UPDATE users SET display_name = ?, role = ?, disabled = ?, version = ?, updated_at = ?");
    if (passwordHash) {
        statement += QStringLiteral(", password_hash = ?");
        values.append(*passwordHash);
    }
    statement += QStringLiteral(" WHERE id = ? AND version = ?");
    values.append(sql::fromUuid(user.id));
    values.append(expectedVersion);
    auto rows = m_connection.query(statement, values);
    if (!rows)
        return rows.error();
    return rows->rowsAffected() == 1;
}

Result<void> UserRepository::recordSignIn(const QUuid &id, const QDateTime &at)
{
    return m_connection.execute(QStringLiteral("UPDATE users SET last_login_at = ? WHERE id = ?"),
                                {sql::fromTime(at), sql::fromUuid(id)});
}

Result<qint64> UserRepository::count()
{
    auto rows = m_connection.query(QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!rows)
        return rows.error();
    rows->next();
    return rows->value(0).toLongLong();
}

Result<qint64> UserRepository::countForSetUp()
{
    // Any fixed number, the same in every Signoff (the migrations' is another).
    constexpr qint64 postgresqlSetUpLock = 0x5349474e41444d; // "SIGNADM"
    if (m_connection.dialect() == SqlDialect::Postgresql) {
        if (auto locked = m_connection.execute(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {postgresqlSetUpLock}); !locked)
            return locked.error();
    }
    return count();
}

Result<qint64> UserRepository::countEnabledAdmins()
{
    auto rows = m_connection.query(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = ? AND disabled = ?"),
                                   {toString(Role::Admin), false});
    if (!rows)
        return rows.error();
    rows->next();
    return rows->value(0).toLongLong();
}

Result<qint64> UserRepository::lockEnabledAdmins()
{
    if (m_connection.dialect() != SqlDialect::Postgresql)
        return countEnabledAdmins();
    // FOR UPDATE does not go with an aggregate: the rows are locked and counted here.
    auto rows = m_connection.query(
        QStringLiteral("SELECT id FROM users WHERE role = ? AND disabled = ? ORDER BY id FOR UPDATE"),
        {toString(Role::Admin), false});
    if (!rows)
        return rows.error();
    qint64 count = 0;
    while (rows->next())
        ++count;
    return count;
}

Result<Page<User>> UserRepository::list(const UserQuery &query)
{
    auto limit = checkedLimit(query.page);
    if (!limit)
        return limit.error();
    KeysetQuery keyset(userColumnList, QStringLiteral("users u"), insertionOrder(m_connection.dialect(), QStringLiteral("u")));
    // Keys without a column of their own sort (and page) by creation.
    const SortKey key = userSortColumn(query.order.key) == QStringLiteral("u.created_at") ? SortKey::CreatedAt : query.order.key;
    keyset.orderBy(userSortColumn(key), query.order.descending, sortValueOf(key));
    if (!query.search.isEmpty())
        keyset.where(QStringLiteral("(lower(u.username) LIKE ? ESCAPE '\\' OR lower(u.display_name) LIKE ? ESCAPE '\\')"),
                     {containsPattern(query.search), containsPattern(query.search)});
    if (auto started = keyset.startAfter(query.page.after); !started)
        return started.error();
    auto rows = m_connection.query(keyset.sql(), keyset.values(*limit));
    if (!rows)
        return rows.error();
    return collectPage<User>(*rows, *limit, keyset, [](const Rows &row) { return readUser(row); });
}

} // namespace signoff
