// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "PasswordHasher.h"
#include "domain/WebhookRules.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <chrono>
#include <functional>

namespace signoff {

// Webhooks (docs/design.md, "Webhooks"): where they may go, and how deliveries
// are retried. Tests shrink the schedule instead of waiting for it.
struct WebhookOptions
{
    // `serve --allow-private-webhooks`: loopback, private and link-local
    // receivers (and plain http:// to loopback) are allowed.
    bool allowPrivateAddresses = false;
    // The addresses a host resolves to (4 or 16 bytes each); unset: the
    // system's resolver (resolveHost). The same one judges a URL when it is
    // registered and again before each delivery.
    std::function<QList<QByteArray>(const QString &host)> resolve;
    // Delays between attempts (the last repeats), each varied by ±20 %.
    QList<std::chrono::milliseconds> retrySchedule = webhook::defaultRetrySchedule();
    // How long a delivery is retried, from its event (or its redelivery).
    std::chrono::milliseconds retryWindow{std::chrono::hours(24)};
    // The dispatcher (`serve`): one attempt's limit, how often it looks for
    // due deliveries, how many it sends at once, how long its claim on one
    // lasts (another instance takes it over after that), and how long
    // finished deliveries stay in the log.
    std::chrono::milliseconds timeout{10000};
    std::chrono::milliseconds pollInterval{1000};
    int maxInFlight = 8;
    std::chrono::milliseconds lease{30000};
    std::chrono::milliseconds keepLog{std::chrono::hours(24 * 30)};
};

struct ServiceOptions
{
    std::chrono::seconds tokenLifetime{std::chrono::hours(12)};
    int loginFailuresAllowed = 5;
    std::chrono::seconds loginFailureWindow{60};
    PasswordHasher::Cost passwordCost = PasswordHasher::Cost::Interactive;
    // API tokens a user may hold at once; a new one beyond that revokes the
    // oldest, so signing in in a loop cannot pile up sessions.
    int maxTokensPerUser = 20;
    // Password verifications at once, and sign-ins that may wait for one;
    // more are refused with 503 and Retry-After (HashingGate).
    int hashingConcurrency = 2;
    int hashingQueue = 4;

    // The read caches (features by id, the user behind an API token): how
    // long an entry may be served without reading the database again, and
    // how much each keeps. Changes made through this process's services (and,
    // where a ChangeWatcher runs, other processes', which it reads from the
    // audit log) invalidate entries at once, so the TTL only bounds what
    // nobody announces: edits made around Signoff, with the sqlite3 shell or
    // by restoring a file under a running server.
    // A TTL of 0 turns the caches off.
    std::chrono::milliseconds readCacheTtl{std::chrono::minutes(5)};
    // Features are counted by their approximate size (CacheFootprint), as
    // options vary from a few bytes to 64 KiB: about 140,000 small features,
    // or 1,000 with options at the limit.
    qsizetype itemCacheBytes = 64 * 1024 * 1024;
    qsizetype tokenCacheEntries = 10000;

    WebhookOptions webhooks;
};

} // namespace signoff
