// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "UserService.h"

#include "WritePath.h"
#include "domain/Identifier.h"
#include "domain/ListSorting.h"
#include "domain/Validation.h"
#include "storage/TokenRepository.h"
#include "storage/UserRepository.h"

namespace signoff {

namespace {

// Users as the write path sees them (WritePath.h): found by user name; the
// password hash is not one of their fields, and never in an event.
struct UserKind : ManagedByAdministrators
{
    using Item = User;
    using Key = QString;
    static constexpr EntityType entityType = EntityType::User;

    static Result<std::optional<User>> lookup(Connection &connection, const QString &username)
    {
        if (validate::username(username))
            return std::optional<User>(); // no such name can exist: not worth a statement (nor a NUL in one)
        return UserRepository(connection).findByUsername(username);
    }
    static Message notFound() { return Message(QT_TRANSLATE_NOOP("Core", "There is no such user.")); }
    static QString keyText(const User &user) { return idText(user.id); }
    static QString logName(const User &user) { return user.username + QStringLiteral(" (") + toString(user.role) + u')'; }
    static QJsonObject fields(const User &user)
    {
        return {{QStringLiteral("display_name"), user.displayName},
                {QStringLiteral("role"), toString(user.role)},
                {QStringLiteral("disabled"), user.disabled}};
    }
    static QJsonObject summary(const User &user)
    {
        QJsonObject summary = fields(user);
        summary.insert(QStringLiteral("username"), user.username);
        return summary;
    }
    static Error duplicate(const User &user)
    {
        return Error::conflict(QStringLiteral("duplicate"),
                               Message(QT_TRANSLATE_NOOP("Core", "A user named ‘%1’ already exists."), {user.username}));
    }
    static Result<bool> write(Connection &connection, const User &user, int readVersion)
    {
        return UserRepository(connection).update(user, readVersion, std::nullopt);
    }
};

using UserPath = WritePath<UserKind>;

Error adminsOnly()
{
    return Error::forbidden(Message(QT_TRANSLATE_NOOP("Core", "Only administrators can manage users.")));
}

// The last enabled administrator may be neither demoted nor disabled.
Result<void> keepsAnAdministrator(Connection &connection, const User &before, const User &after)
{
    const bool wasActiveAdmin = before.role == Role::Admin && !before.disabled;
    const bool isActiveAdmin = after.role == Role::Admin && !after.disabled;
    if (!wasActiveAdmin || isActiveAdmin)
        return {};
    auto admins = UserRepository(connection).lockEnabledAdmins(); // counted under lock: two admins demoting each other

    if (!admins)
        return admins.error();
    if (admins.value() <= 1)
        return Error::conflict(QStringLiteral("last-admin"),
                               Message(QT_TRANSLATE_NOOP("Core", "‘%1’ is the last administrator; make someone else administrator first."),
                                       {before.username}));
    return {};
}

} // namespace

UserService::UserService(ServiceContext &context, const PasswordHasher &hasher)
    : m_context(context)
    , m_hasher(hasher)
    , m_metrics(context.metrics, EntityType::User)
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
    const auto timing = m_metrics.time(EntityMetrics::Operation::Create);
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

    UserPath::Creation creation;
    if (onlyIfNoUsers) {
        creation.prepare = [](Connection &connection, User &) -> Result<void> {
            auto count = UserRepository(connection).countForSetUp();
            if (!count)
                return count.error();
            if (count.value() > 0)
                return Error::conflict(QStringLiteral("already-set-up"),
                                       Message(QT_TRANSLATE_NOOP("Core", "Signoff already has users; sign in instead.")));
            return {};
        };
    }
    creation.insert = [&](Connection &connection, const User &created) {
        return UserRepository(connection).insert(created, passwordHash);
    };
    // The first administrator creates themselves.
    creation.author = [&](const User &created) {
        return onlyIfNoUsers && actor.isSystem() && input.role == Role::Admin ? created.actor() : actor;
    };
    auto created = UserPath::create(m_context, actor, std::move(user), creation);
    if (created)
        m_metrics.created().increment();
    return created;
}

Result<User> UserService::get(const Actor &actor, const QString &username)
{
    if (!actor.isAdmin() && actor.username != username)
        return adminsOnly();
    const auto timing = m_metrics.time(EntityMetrics::Operation::Get);
    return m_context.database.run([&](Connection &connection) { return UserPath::find(connection, username); });
}

Result<User> UserService::me(const Actor &actor)
{
    return m_context.database.run([&](Connection &connection) -> Result<User> {
        auto found = UserRepository(connection).findById(actor.id);
        if (!found)
            return found.error();
        if (!found.value())
            return Error::notFound(UserKind::notFound());
        return *found.value();
    });
}

Result<Page<User>> UserService::list(const Actor &actor, const UserQuery &query)
{
    if (!actor.isAdmin())
        return adminsOnly();
    if (!isSortable(EntityType::User, query.order.key))
        return Error::invalidField(QStringLiteral("sort"),
                                   Message(QT_TRANSLATE_NOOP("Core", "Users can be sorted by name, creation or last change only.")));
    const auto timing = m_metrics.time(EntityMetrics::Operation::List);
    return m_context.database.run([&](Connection &connection) { return UserRepository(connection).list(query); });
}

Result<User> UserService::update(const Actor &actor, const QString &username, const UserPatch &patch,
                                 ExpectedVersion expectedVersion)
{
    const auto timing = m_metrics.time(EntityMetrics::Operation::Update);
    if (!actor.isAdmin())
        return adminsOnly();
    if (const QList<FieldError> problems = validate::userPatch(patch); !problems.isEmpty())
        return Error::invalid(problems);
    const std::optional<QString> passwordHash = patch.password ? std::optional(m_hasher.hash(*patch.password))
                                                               : std::nullopt;

    UserPath::Edit edit;
    edit.apply = [&](Connection &, User &user) -> Result<void> {
        if (patch.displayName)
            user.displayName = normalizedText(*patch.displayName);
        if (patch.role)
            user.role = *patch.role;
        if (patch.disabled)
            user.disabled = *patch.disabled;
        return {};
    };
    // A new password is a change, named without any value.
    if (passwordHash)
        edit.unseenChanges.append(QJsonObject{{QStringLiteral("path"), QStringLiteral("/password")}});
    edit.check = keepsAnAdministrator;
    edit.write = [&](Connection &connection, const User &user, int readVersion) {
        return UserRepository(connection).update(user, readVersion, passwordHash);
    };
    // A disabled account or a changed password ends every session at once.
    edit.alongside = [&](Connection &connection, const User &, const User &after) -> Result<void> {
        if (after.disabled || passwordHash)
            return TokenRepository(connection).removeForUser(after.id);
        return {};
    };
    return UserPath::update(m_context, actor, username, expectedVersion, edit);
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
