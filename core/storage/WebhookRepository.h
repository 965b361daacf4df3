// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Connection.h"
#include "domain/AuditEvent.h"
#include "domain/Page.h"
#include "domain/Result.h"
#include "domain/Webhook.h"

#include <QHash>
#include <optional>

namespace signoff {

// A delivery claimed for sending: the outbox row, its endpoint and its event.
struct ClaimedDelivery
{
    QUuid deliveryId;
    QUuid endpointId;
    QString url;
    QString secret;
    QString eventType;
    int attemptCount = 0;
    QDateTime windowStart;
    AuditEvent event;
};

// What one attempt changes in its delivery.
struct AttemptRecord
{
    QUuid deliveryId;
    QString leaseOwner;
    WebhookAttempt attempt;
    DeliveryStatus status = DeliveryStatus::Pending;
    QDateTime nextAttemptAt; // while still pending
};

// Webhook endpoints, their event filters, the outbox of deliveries and the
// delivery log (tables of 20261210_webhooks.sql).
class WebhookRepository
{
public:
    explicit WebhookRepository(Connection &connection) : m_connection(connection) {}

    // Endpoints. `secret` is read only by withSecret().
    Result<void> insert(const WebhookEndpoint &endpoint);
    Result<std::optional<WebhookEndpoint>> findById(const QUuid &id);
    Result<Page<WebhookEndpoint>> list(const PageRequest &page);
    // Writes url, events (and filters), active, version, updated_at when the
    // stored version is `expectedVersion`; false when it is not.
    Result<bool> update(const WebhookEndpoint &endpoint, int expectedVersion);
    Result<bool> remove(const QUuid &id, int expectedVersion);

    // The outbox: a pending delivery for each active endpoint whose patterns
    // select `eventType`, in the caller's transaction (the audit event's).
    Result<void> enqueue(qint64 eventId, const QString &eventType, const QDateTime &at);

    // The delivery log of one endpoint, newest first, with every attempt.
    Result<Page<WebhookDelivery>> deliveries(const QUuid &endpointId, const PageRequest &page);
    Result<std::optional<WebhookDelivery>> delivery(const QUuid &endpointId, const QUuid &deliveryId);
    // Pending again, due `at`, its 24 hours starting `at`; false when there is no such delivery.
    Result<bool> requeue(const QUuid &endpointId, const QUuid &deliveryId, const QDateTime &at);

    // Whether any pending delivery is due at `now` (a read: an idle
    // dispatcher does not write).
    Result<bool> anyDue(const QDateTime &now);
    // Up to `limit` deliveries due at `now`, each the oldest pending one of
    // its active endpoint in the feed's order (sealed events only), leased
    // to `owner` until `leaseUntil`. PostgreSQL: FOR UPDATE SKIP LOCKED, so
    // concurrent instances claim different ones.
    Result<QList<ClaimedDelivery>> claimDue(const QString &owner, const QDateTime &now, const QDateTime &leaseUntil, int limit);
    // Adds the attempt to the log and, when `owner` still holds the lease,
    // moves the delivery on (false: it was not held any more: redelivered,
    // or claimed by another process after the lease ran out).
    Result<bool> recordAttempt(const AttemptRecord &record);
    // Deliveries (and their attempts) finished before `cutoff`.
    Result<qint64> pruneFinishedBefore(const QDateTime &cutoff);

private:
    Result<void> writeFilters(const QUuid &endpointId, const QStringList &patterns);
    Result<QHash<QUuid, QList<WebhookAttempt>>> attemptsOf(const QList<QUuid> &deliveryIds);

    Connection &m_connection;
};

} // namespace signoff
