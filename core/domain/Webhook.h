// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <optional>

namespace signoff {

// A registered webhook endpoint (docs/design.md, "Webhooks"). The secret is
// shown once, when the endpoint is made (NewWebhookEndpoint::secret); the
// representation never carries it again.
struct WebhookEndpoint
{
    QUuid id;
    QString url;
    QStringList events; // patterns as registered: "feature.approved", "order.*", "*"
    bool active = true;
    int version = 1;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString secret; // "whsec_<base64>"; filled only where it is needed (creation, signing)
};

struct NewWebhook
{
    QString url;
    QStringList events;
    bool active = true;
};

struct WebhookPatch
{
    std::optional<QString> url;
    std::optional<QStringList> events;
    std::optional<bool> active;
};

enum class DeliveryStatus { Pending, Delivered, Failed };
QString toString(DeliveryStatus status);
std::optional<DeliveryStatus> deliveryStatusFromString(const QString &text);

// What one attempt at a delivery came to.
enum class AttemptOutcome { Delivered, Retry, Failed };
QString toString(AttemptOutcome outcome);

struct WebhookAttempt
{
    QDateTime at;
    AttemptOutcome outcome = AttemptOutcome::Failed;
    std::optional<int> responseCode; // none: no HTTP answer (timeout, refused, ...)
    qint64 durationMs = 0;
    QString response; // the first 1 KiB of the answer's body, sanitised
    QString error;    // why there was no answer, or why it was not sent
};

// One event for one endpoint: the outbox row and its attempts.
struct WebhookDelivery
{
    QUuid id; // the webhook-id header: the same for every attempt
    QUuid endpointId;
    qint64 eventId = 0; // the audit event
    QString eventType;
    DeliveryStatus status = DeliveryStatus::Pending;
    int attemptCount = 0;
    QDateTime createdAt;
    QDateTime nextAttemptAt; // while pending
    QDateTime giveUpAt;
    QDateTime lastAttemptAt;
    std::optional<int> lastResponseCode;
    QList<WebhookAttempt> attempts; // oldest first
};

// A delivery the dispatcher claimed: what to send where, and how.
struct DeliveryJob
{
    QUuid deliveryId;
    QUuid endpointId;
    QString url;
    QString secret;
    QString eventType;
    QByteArray body; // the event's JSON, the same bytes on every attempt
    int attemptCount = 0; // attempts made before this one
    QDateTime giveUpAt;
};

} // namespace signoff
