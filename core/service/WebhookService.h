// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ServiceContext.h"
#include "domain/Page.h"
#include "domain/Result.h"
#include "domain/Webhook.h"
#include "domain/WebhookRules.h"

#include <QUrl>
#include <optional>

namespace signoff {

class Connection;

// What an attempt at sending a delivery came to, as the dispatcher saw it.
struct SendResult
{
    std::optional<int> responseCode; // none: no HTTP answer
    qint64 durationMs = 0;
    QByteArray responseHead;         // the start of the answer's body (at most 1 KiB is kept)
    QString error;                   // why there was no answer
    bool refused = false;            // not sent at all: the target is not allowed (any more)
};

// Webhooks (docs/design.md, "Webhooks"): administrators register endpoints;
// every audit event an endpoint asks for becomes a delivery in the outbox,
// in the event's own transaction (WebhookRepository::enqueue, called where
// audit events are written); the dispatcher in `serve` claims due
// deliveries, sends them and reports each attempt here.
class WebhookService
{
public:
    explicit WebhookService(ServiceContext &context);

    // The new endpoint with its signing secret, which nothing shows again.
    Result<WebhookEndpoint> create(const Actor &actor, const NewWebhook &input);
    Result<WebhookEndpoint> get(const Actor &actor, const QUuid &id);
    Result<Page<WebhookEndpoint>> list(const Actor &actor, const PageRequest &page);
    Result<WebhookEndpoint> update(const Actor &actor, const QUuid &id, const WebhookPatch &patch,
                                   ExpectedVersion expectedVersion = {});
    Result<void> remove(const Actor &actor, const QUuid &id, ExpectedVersion expectedVersion = {});

    // The delivery log, newest first, each delivery with its attempts.
    Result<Page<WebhookDelivery>> deliveries(const Actor &actor, const QUuid &endpointId, const PageRequest &page);
    // Sends a delivery again (whatever became of it): pending, due now, with
    // 24 hours of retries from now.
    Result<WebhookDelivery> redeliver(const Actor &actor, const QUuid &endpointId, const QUuid &deliveryId);

    // The addresses `url` may be sent to now, or why it may not (Invalid on
    // the field "url"). Resolves the host: blocks for as long as DNS takes.
    Result<QList<webhook::IpAddress>> checkTarget(const QString &url) const;

    // For the dispatcher: due deliveries, leased to `owner` (one process's
    // dispatcher), with the bytes to send.
    Result<QList<DeliveryJob>> claimDue(const QString &owner, int limit);
    // Records an attempt and decides what follows (delivered, retried after
    // the backoff, or failed for good). Answers the outcome recorded.
    Result<AttemptOutcome> recordAttempt(const QString &owner, const DeliveryJob &job, const SendResult &sent);
    // Forgets finished deliveries older than the log keeps them.
    Result<qint64> pruneLog();

    // The JSON body of a delivery of `event` (the event stream's data plus "type").
    static QByteArray body(const AuditEvent &event);

private:
    Result<bool> pauseFailing(Connection &connection, const QUuid &endpointId, const QDateTime &at);

    ServiceContext &m_context;
};

} // namespace signoff
