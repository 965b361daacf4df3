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
};

} // namespace signoff
