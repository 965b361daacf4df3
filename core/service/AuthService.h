// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ChangeSubscription.h"
#include "HashingGate.h"
#include "LoginThrottle.h"
#include "PasswordHasher.h"
#include "ReadCache.h"
#include "ServiceContext.h"
#include "domain/Result.h"
#include "domain/User.h"
#include "storage/TokenRepository.h"

namespace signoff {

struct IssuedToken
{
    QString token; // shown once; only its SHA-256 is stored
    QDateTime expiresAt;
    User user;
};

// Signing in (desktop), API tokens (REST) and turning a token back into the
// acting user. Failed sign-ins are throttled per user name for every door.
class AuthService
{
public:
    AuthService(ServiceContext &context, const PasswordHasher &hasher, LoginThrottle &throttle, HashingGate &hashing);

    Result<User> signIn(const QString &username, const QString &password);
    Result<IssuedToken> issueToken(const QString &username, const QString &password);
    // The user behind a bearer token; Unauthenticated when the token is
    // unknown, expired, revoked, or its user is disabled. Valid tokens are
    // cached (by their hash, for ServiceOptions::readCacheTtl): revoking one
    // and any announced change of its user drop it at once, and its expiry is
    // checked on every use.
    Result<Actor> authenticate(const QString &token);
    Result<void> revoke(const QString &token);

private:
    Result<User> checkPassword(const QString &username, const QString &password);

    ServiceContext &m_context;
    const PasswordHasher &m_hasher;
    LoginThrottle &m_throttle;
    HashingGate &m_hashing;
    ReadCache<QString, StoredToken> m_tokens; // by the token's hash
    ChangeSubscription m_userChanges;
};

} // namespace signoff
