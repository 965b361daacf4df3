// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "UserService.h"

#include "ServiceLog.h"
#include "domain/Clock.h"
#include "domain/Identifier.h"
#include "domain/Validation.h"
#include "storage/AuditRepository.h"
#include "storage/TokenRepository.h"
#include "storage/UserRepository.h"

#include <QJsonArray>

namespace signoff {

namespace {

Error adminsOnly()
{
    return Error::forbidden(Message(QT_TRANSLATE_NOOP("Core", "Only administrators can manage users.")));
}

Error notFound()
{
    return Error::notFound(Message(QT_TRANSLATE_NOOP("Core", "There is no such user.")));
}

Error duplicateUsername(const QString &username)
{
    return Error::conflict(QStringLiteral("duplicate"),
                           Message(QT_TRANSLATE_NOOP("Core", "A user named ‘%1’ already exists."), {username}));
}

Result<User> find(Connection &connection, const QString &username)
{
    auto found = UserRepository(connection).findByUsername(username);
    if (!found)
        return found.error();
    if (!found.value())
        return notFound();
    return *found.value();
}

QJsonObject summary(const User &user)
{
    return {{QStringLiteral("username"), user.username},
            {QStringLiteral("display_name"), user.displayName},
            {QStringLiteral("role"), toString(user.role)},
            {QStringLiteral("disabled"), user.disabled}};
}

} // namespace

UserService::UserService(ServiceContext &context, const PasswordHasher &hasher)
    : m_context(context)
    , m_hasher(hasher)
{
}

Result<User> UserService::create(const Actor &actor, const NewUser &input)
{
    if (!actor.isAdmin())
        return adminsOnly();
    return insert(actor, input, false);
}

Result<User> UserService::insert(const Actor &actor, const NewUser &input, bool onlyIfNoUsers)
{
    if (const QList<FieldError> problems = validate::newUser(input); !problems.isEmpty())
        return Error::invalid(problems);

    User user;
    user.id = newIdentifier();
    user.username = input.username;
    user.displayName = normalizedText(input.displayName);
    user.role = input.role;
    user.createdAt = utcNow();
    user.updatedAt = user.createdAt;
    // Hashing takes a moment and much memory: done before the transaction
    // so no write lock is held meanwhile.
    const QString passwordHash = m_hasher.hash(input.password);

    auto result = m_context.database.write([&](Connection &connection) -> Result<User> {
        UserRepository users(connection);
        if (onlyIfNoUsers) {
            auto count = users.countForSetUp();
            if (!count)
                return count.error();
            if (count.value() > 0)
                return Error::conflict(QStringLiteral("already-set-up"),
                                       Message(QT_TRANSLATE_NOOP("Core", "Signoff already has users; sign in instead.")));
        }
        auto existing = users.findByUsername(user.username);
        if (!existing)
            return existing.error();
        if (existing.value())
            return duplicateUsername(user.username);
        if (auto inserted = users.insert(user, passwordHash); !inserted)
            return inserted.error();
        // The first administrator creates themselves.
        const Actor author = onlyIfNoUsers && actor.isSystem() && input.role == Role::Admin ? user.actor() : actor;
        AuditEvent event = auditEvent(author, QStringLiteral("create"), EntityType::User, idText(user.id), user.createdAt);
        event.version = user.version;
        event.detail = summary(user);
        if (auto appended = AuditRepository(connection).append(event); !appended)
            return appended.error();
        return user;
    });
    if (!result && result.error().reason == QStringLiteral("duplicate"))
        return duplicateUsername(user.username);
    if (result) {
        qCInfo(lcService).noquote() << "user created:" << user.username << "role" << toString(user.role) << "by"
                                    << actor.username;
        m_context.notifier.announce(EntityType::User, idText(user.id));
    }
    return result;
}

Result<User> UserService::get(const Actor &actor, const QString &username)
{
    if (!actor.isAdmin() && actor.username != username)
        return adminsOnly();
    return m_context.database.run([&](Connection &connection) { return find(connection, username); });
}

Result<User> UserService::me(const Actor &actor)
{
    return m_context.database.run([&](Connection &connection) -> Result<User> {
        auto found = UserRepository(connection).findById(actor.id);
        if (!found)
            return found.error();
        if (!found.value())
            return notFound();
        return *found.value();
    });
}

Result<Page<User>> UserService::list(const Actor &actor, const UserQuery &query)
{
    if (!actor.isAdmin())
        return adminsOnly();
    if (query.order.key == SortKey::Status || query.order.key == SortKey::Owner)
        return Error::invalidField(QStringLiteral("sort"),
                                   Message(QT_TRANSLATE_NOOP("Core", "Users can be sorted by name, creation or last change only.")));
    return m_context.database.run([&](Connection &connection) { return UserRepository(connection).list(query); });
}

Result<User> UserService::update(const Actor &actor, const QString &username, const UserPatch &patch,
                                 std::optional<int> expectedVersion)
{
    if (!actor.isAdmin())
        return adminsOnly();
    if (const QList<FieldError> problems = validate::userPatch(patch); !problems.isEmpty())
        return Error::invalid(problems);
    const std::optional<QString> passwordHash = patch.password ? std::optional(m_hasher.hash(*patch.password))
                                                               : std::nullopt;

    auto result = m_context.database.write([&](Connection &connection) -> Result<User> {
        UserRepository users(connection);
        auto current = find(connection, username);
        if (!current)
            return current;
        if (!versionMatches(expectedVersion, current->version))
            return Error::preconditionFailed();
        User updated = current.value();
        QJsonArray changed;
        if (patch.displayName && normalizedText(*patch.displayName) != updated.displayName) {
            updated.displayName = normalizedText(*patch.displayName);
            changed.append(QStringLiteral("display_name"));
        }
        if (patch.role && *patch.role != updated.role) {
            updated.role = *patch.role;
            changed.append(QStringLiteral("role"));
        }
        if (patch.disabled && *patch.disabled != updated.disabled) {
            updated.disabled = *patch.disabled;
            changed.append(QStringLiteral("disabled"));
        }
        if (passwordHash)
            changed.append(QStringLiteral("password"));
        if (changed.isEmpty())
            return updated;

        const bool wasActiveAdmin = current->role == Role::Admin && !current->disabled;
        const bool isActiveAdmin = updated.role == Role::Admin && !updated.disabled;
        if (wasActiveAdmin && !isActiveAdmin) {
            auto admins = users.countEnabledAdmins();
            if (!admins)
                return admins.error();
            if (admins.value() <= 1)
                return Error::conflict(QStringLiteral("last-admin"),
                                       Message(QT_TRANSLATE_NOOP("Core", "‘%1’ is the last administrator; make someone else administrator first."),
                                               {username}));
        }
        updated.version = current->version + 1;
        updated.updatedAt = utcNow();
        auto written = users.update(updated, current->version, passwordHash);
        if (!written)
            return written.error();
        if (!written.value())
            return Error::preconditionFailed();
        // A disabled account or a changed password ends every session at once.
        if (updated.disabled || passwordHash) {
            if (auto revoked = TokenRepository(connection).removeForUser(updated.id); !revoked)
                return revoked.error();
        }
        AuditEvent event = auditEvent(actor, QStringLiteral("update"), EntityType::User, idText(updated.id), updated.updatedAt);
        event.version = updated.version;
        event.detail = summary(updated);
        event.detail.insert(QStringLiteral("changed"), changed);
        if (auto appended = AuditRepository(connection).append(event); !appended)
            return appended.error();
        return updated;
    });
    if (result) {
        qCInfo(lcService).noquote() << "user updated:" << username << "by" << actor.username;
        m_context.notifier.announce(EntityType::User, idText(result->id));
    }
    return result;
}

Result<bool> UserService::hasUsers()
{
    return m_context.database.run([&](Connection &connection) -> Result<bool> {
        auto count = UserRepository(connection).count();
        if (!count)
            return count.error();
        return count.value() > 0;
    });
}

Result<User> UserService::createFirstAdministrator(const NewUser &input)
{
    NewUser administrator = input;
    administrator.role = Role::Admin;
    return insert(Actor::system(), administrator, true);
}

Result<std::optional<QString>> UserService::createInitialAdministratorIfNone()
{
    auto users = hasUsers();
    if (!users)
        return users.error();
    if (users.value())
        return std::optional<QString>();
    const QString password = randomToken(18);
    auto created = createFirstAdministrator(
        NewUser{QStringLiteral("admin"), QStringLiteral("Administrator"), Role::Admin, password});
    if (!created) {
        // Another process set up the database first: not an error.
        if (created.error().reason == QStringLiteral("already-set-up"))
            return std::optional<QString>();
        return created.error();
    }
    return std::optional<QString>(password);
}

} // namespace signoff
