// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Connection.h"
#include "domain/ApprovalPolicy.h"
#include "domain/Result.h"

namespace signoff {

// The one row of approval_policy: the policy's document and its version.
class PolicyRepository
{
public:
    explicit PolicyRepository(Connection &connection) : m_connection(connection) {}

    Result<ApprovalPolicy> load();
    // Writes `policy` (its version already incremented) over the row at
    // `expectedVersion`; false when someone changed it first.
    Result<bool> store(const ApprovalPolicy &policy, int expectedVersion, const QDateTime &at);

private:
    Connection &m_connection;
};

} // namespace signoff
