// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ServiceContext.h"
#include "domain/ApprovalPolicy.h"
#include "domain/Result.h"

namespace signoff {

// The approval policy (docs/design.md, "Approval policies"): everyone reads it,
// administrators change it. Items take their number of approvals from it
// when they are submitted (ItemWorkflow), so a change never alters an item
// already pending.
class PolicyService
{
public:
    explicit PolicyService(ServiceContext &context);

    Result<ApprovalPolicy> get(const Actor &actor);
    // Whether `actor` may change the policy at all (Forbidden when not),
    // so that a caller can ask before it reads the new document.
    Result<void> mayUpdate(const Actor &actor) const;
    // Replaces the policy; `policy.version` is ignored, `expectedVersion`
    // (If-Match) is checked when given. Audited as entity "policy".
    Result<ApprovalPolicy> update(const Actor &actor, const ApprovalPolicy &policy,
                                  ExpectedVersion expectedVersion = {});

private:
    ServiceContext &m_context;
};

} // namespace signoff
