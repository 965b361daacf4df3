// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AuthService.h"
#include "domain/LogText.h"

#include "ServiceLog.h"
#include "domain/Clock.h"
#include "domain/Identifier.h"
#include "domain/Validation.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"
#include "storage/TokenRepository.h"
#include "storage/UserRepository.h"

namespace signoff {

namespace {

constexpr int tokenBytes = 32;
// last_used_at is a hint for administrators, not a log: writing it at most
// once a minute keeps reads from becoming writes.
constexpr qint64 touchIntervalSeconds = 60;
// Longest input worth hashing; anything longer cannot be a valid password.
constexpr qsizetype maxCredentialLength = 4096;

Error wrongCredentials()
{
    return Error::unauthenticated(Message(QT_TRANSLATE_NOOP("Core", "The user name or password is wrong.")));
}

Error invalidToken()
{
    return Error::unauthenticated(Message(QT_TRANSLATE_NOOP("Core", "The token is not valid; sign in again.")));
}

} // namespace

AuthService::AuthService(ServiceContext &context, const PasswordHasher &hasher, LoginThrottle &throttle, HashingGate &hashing)
    : m_context(context)
    , m_hasher(hasher)
    , m_throttle(throttle)
    , m_hashing(hashing)
    , m_tokens(context.options.tokenCacheEntries, context.options.readCacheTtl)
    , m_userChanges(context.notifier, [this](EntityType type, const QString &id) {
        if (type != EntityType::User)
            return;
        // A user's role, name or state changed, or one of their sessions
        // ended elsewhere: their tokens are looked up afresh.
        if (id.isEmpty())
            m_tokens.clear();
        else
            m_tokens.invalidateIf([userId = QUuid::fromString(id)](const QString &, const StoredToken &token) {
                return token.user.id == userId;
            });
    })
{
}

Result<User> AuthService::checkPassword(const QString &username, const QString &password)
{
    if (const QList<FieldError> problems = validate::credentials(username, password); !problems.isEmpty())
        return Error::invalid(problems);
    const QDateTime now = utcNow();
    if (username.size() > maxCredentialLength || password.size() > maxCredentialLength)
        return wrongCredentials(); // nothing worth counting: no name is that long
    auto attempt = m_throttle.begin(username, now);
    if (!attempt)
        return attempt.error();
    if (const int wait = attempt->waitSeconds; wait > 0) {
        qCWarning(lcService).noquote() << "sign-in throttled for" << logText(username, 64);
        return Error::rateLimited(wait, Message(QT_TRANSLATE_NOOP("Core", "Too many failed sign-ins; try again in %1 seconds."),
                                                {QString::number(wait)}));
    }

    // A name no user can have is looked up nowhere (it may hold a NUL, which
    // would cut QPSQL's statement); it costs a dummy verification all the same.
    auto credentials = validate::username(username)
        ? Result<std::optional<StoredCredentials>>(std::optional<StoredCredentials>())
        : m_context.database.run([&](Connection &connection) { return UserRepository(connection).credentials(username); });
    if (!credentials) {
        m_throttle.abandon(attempt.value());
        return credentials.error();
    }
    // Hashing waits its turn in its own small queue; a full queue is refused
    // at once (the caller may retry), not waited for.
    const auto slot = m_hashing.enter();
    if (!slot) {
        m_throttle.abandon(attempt.value());
        qCWarning(lcService).noquote() << "sign-in refused: password hashing is busy";
        Error busy = Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "Too many sign-ins at once; try again in a moment.")));
        busy.reason = QStringLiteral("busy");
        busy.retryAfterSeconds = 1;
        return busy;
    }
    const bool known = credentials.value().has_value();
    if (!known)
        m_hasher.verifyAgainstDummy(password);
    if (!known || !m_hasher.verify(credentials.value()->passwordHash, password)) {
        m_throttle.recordFailure(attempt.value());
        qCWarning(lcService).noquote() << "failed sign-in for" << logText(username, 64);
        return wrongCredentials();
    }
    m_throttle.recordSuccess(attempt.value());
    const User &user = credentials.value()->user;
    if (user.disabled)
        return Error::unauthenticated(Message(QT_TRANSLATE_NOOP("Core", "This account is disabled.")));
    return user;
}

Result<User> AuthService::signIn(const QString &username, const QString &password)
{
    auto user = checkPassword(username, password);
    if (!user)
        return user;
    const QDateTime now = utcNow();
    auto recorded = m_context.database.write([&](Connection &connection) -> Result<void> {
        if (auto signedIn = UserRepository(connection).recordSignIn(user->id, now); !signedIn)
            return signedIn;
        return AuditRepository(connection).append(
            auditEvent(user->actor(), QStringLiteral("sign_in"), EntityType::User, idText(user->id), now));
    });
    if (!recorded)
        return recorded.error();
    user.value().lastLoginAt = now;
    qCInfo(lcService).noquote() << "signed in:" << logText(username);
    return user;
}

Result<IssuedToken> AuthService::issueToken(const QString &username, const QString &password)
{
    auto user = checkPassword(username, password);
    if (!user)
        return user.error();
    IssuedToken issued;
    issued.token = randomToken(tokenBytes);
    issued.user = user.value();
    const QDateTime now = utcNow();
    issued.expiresAt = now.addSecs(m_context.options.tokenLifetime.count());
    int revoked = 0;
    auto stored = m_context.database.write([&](Connection &connection) -> Result<void> {
        // The user's row first: its write lock makes a user's concurrent
        // sign-ins take turns, so each sees the others' tokens when it prunes.
        if (auto signedIn = UserRepository(connection).recordSignIn(user->id, now); !signedIn)
            return signedIn;
        TokenRepository tokens(connection);
        if (auto purged = tokens.removeExpired(now); !purged)
            return purged;
        if (auto inserted = tokens.insert(newIdentifier(), user->id, sha256Hex(issued.token), now, issued.expiresAt);
            !inserted)
            return inserted;
        auto pruned = tokens.removeOldestBeyond(user->id, m_context.options.maxTokensPerUser);
        if (!pruned)
            return pruned.error();
        revoked = pruned.value();
        AuditEvent event = auditEvent(user->actor(), QStringLiteral("sign_in"), EntityType::User, idText(user->id), now);
        event.detail = {{QStringLiteral("token_expires_at"), issued.expiresAt.toString(Qt::ISODateWithMs)}};
        if (revoked > 0)
            event.detail.insert(QStringLiteral("revoked_tokens"), revoked);
        return AuditRepository(connection).append(event);
    });
    if (!stored)
        return stored.error();
    if (revoked > 0) // the oldest sessions ended: not served from the cache either
        m_tokens.invalidateIf([userId = user->id](const QString &, const StoredToken &token) { return token.user.id == userId; });
    issued.user.lastLoginAt = now;
    qCInfo(lcService).noquote() << "token issued to" << logText(username);
    return issued;
}

Result<Actor> AuthService::authenticate(const QString &token)
{
    if (token.isEmpty() || token.size() > 256)
        return invalidToken();
    const QString hash = sha256Hex(token);
    std::optional<StoredToken> known = m_tokens.find(hash);
    if (!known) {
        const auto ticket = m_tokens.ticket();
        auto found = m_context.database.run(
            [&](Connection &connection) { return TokenRepository(connection).findByHash(hash); });
        if (!found)
            return found.error();
        if (!found.value() || !constantTimeEquals(found.value()->tokenHash.toLatin1(), hash.toLatin1()))
            return invalidToken();
        known = std::move(*found.value());
        m_tokens.store(hash, *known, ticket);
    }
    const StoredToken &stored = *known;
    const QDateTime now = utcNow();
    if (stored.expiresAt <= now)
        return Error::unauthenticated(Message(QT_TRANSLATE_NOOP("Core", "The token has expired; sign in again.")));
    if (stored.user.disabled)
        return Error::unauthenticated(Message(QT_TRANSLATE_NOOP("Core", "This account is disabled.")));
    if (!stored.lastUsedAt.isValid() || stored.lastUsedAt.secsTo(now) >= touchIntervalSeconds) {
        auto touched = m_context.database.write(
            [&](Connection &connection) { return TokenRepository(connection).touch(stored.id, now); });
        if (!touched)
            qCWarning(lcService) << "could not record token use";
        m_tokens.invalidate(hash); // read again with the new last use
    }
    return stored.user.actor();
}

Result<void> AuthService::revoke(const QString &token)
{
    auto actor = authenticate(token);
    if (!actor)
        return actor.error();
    const QString hash = sha256Hex(token);
    auto revoked = m_context.database.write([&](Connection &connection) -> Result<void> {
        auto removed = TokenRepository(connection).removeByHash(hash);
        if (!removed)
            return removed.error();
        return AuditRepository(connection).append(
            auditEvent(actor.value(), QStringLiteral("sign_out"), EntityType::User, idText(actor->id), utcNow()));
    });
    // After the commit: a lookup that read the token before it is refused by the ticket.
    m_tokens.invalidate(hash);
    return revoked;
}

} // namespace signoff
