// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "UnsentBudget.h"

#include <QSslConfiguration>
#include <chrono>
#include <optional>

namespace signoff::rest {

// What every connection of one server shares (RestConfig's part for them).
struct ConnectionPolicy
{
    std::chrono::milliseconds idleTimeout{30000};     // nothing to do: closed
    std::chrono::milliseconds requestDeadline{30000}; // a started request must be whole by then: 408
    std::optional<QSslConfiguration> tls;             // set: the connection speaks TLS
    UnsentBudget *unsent = nullptr;                   // the server's, shared by its connections
};

} // namespace signoff::rest
