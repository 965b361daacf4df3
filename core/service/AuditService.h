// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "AuditVerifier.h"
#include "ServiceContext.h"
#include "domain/AuditEvent.h"
#include "domain/Page.h"
#include "domain/Queries.h"
#include "domain/Result.h"
#include "storage/AuditSealRepository.h"

namespace signoff {

// Events of the ordered feed that one reader may see, and how far the read
// went (events it may not see are skipped, not waited for).
struct FeedPage
{
    QList<SealedEvent> events;
    qint64 readUpTo = 0;
    bool hasUserEvents = false; // among all read, seen or not: a user account changed
};

// Reading the audit log: reviewers and administrators, newest first; its
// hash chain (administrators); the ordered feed (everyone, each sees what
// their role may: eventVisibleToAll).
class AuditService
{
public:
    explicit AuditService(ServiceContext &context);

    Result<Page<AuditEvent>> list(const Actor &actor, const AuditQuery &query);
    Result<ChainReport> verify(const Actor &actor);

    // The feed's last position (0 while nothing is sealed).
    Result<qint64> feedHead();
    // Up to `limit` sealed events after `position` that `actor` may see.
    Result<FeedPage> feedAfter(const Actor &actor, qint64 position, int limit);

private:
    ServiceContext &m_context;
};

} // namespace signoff
