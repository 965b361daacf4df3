// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ServiceContext.h"
#include "domain/AuditEvent.h"
#include "domain/Page.h"
#include "domain/Queries.h"
#include "domain/Result.h"

namespace signoff {

// Reading the audit log: reviewers and administrators, newest first.
class AuditService
{
public:
    explicit AuditService(ServiceContext &context);

    Result<Page<AuditEvent>> list(const Actor &actor, const AuditQuery &query);

private:
    ServiceContext &m_context;
};

} // namespace signoff
