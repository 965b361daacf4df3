#pragma once

#include "PasswordHasher.h"

#include <chrono>

namespace signoff {

struct ServiceOptions
{
    std::chrono::seconds tokenLifetime{std::chrono::hours(12)};
    int loginFailuresAllowed = 5;
    std::chrono::seconds loginFailureWindow{60};
    PasswordHasher::Cost passwordCost = PasswordHasher::Cost::Interactive;

    // The read caches (features and orders by id, the user behind an API
    // token): how long an entry may be served without reading the database
    // again, and how many entries each keeps. Changes made through this
    // process's services (and, where a ChangeWatcher runs, other processes')
    // invalidate entries at once; the TTL bounds what nobody announces.
    // A TTL of 0 turns the caches off.
    std::chrono::milliseconds readCacheTtl{std::chrono::seconds(10)};
    qsizetype itemCacheEntries = 50000;
    qsizetype tokenCacheEntries = 10000;
};

} // namespace signoff
