// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "WebhookService.h"

#include "AuditExport.h"
#include "HostResolver.h"
#include "ServiceLog.h"
#include "domain/Clock.h"
#include "domain/EventType.h"
#include "domain/Identifier.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"
#include "storage/WebhookRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace signoff {

namespace {

const QString webhookEntity = QStringLiteral("webhook");

Error notFound()
{
    return Error::notFound(Message(QT_TRANSLATE_NOOP("Core", "There is no such webhook.")));
}

Error deliveryNotFound()
{
    return Error::notFound(Message(QT_TRANSLATE_NOOP("Core", "This webhook has no such delivery.")));
}

Error adminsOnly()
{
    return Error::forbidden(Message(QT_TRANSLATE_NOOP("Core", "Only administrators can manage webhooks.")));
}

Result<WebhookEndpoint> find(Connection &connection, const QUuid &id)
{
    auto found = WebhookRepository(connection).findById(id);
    if (!found)
        return found.error();
    if (!found.value())
        return notFound();
    return *found.value();
}

// What the audit log says of an endpoint: never its secret.
QJsonObject summary(const WebhookEndpoint &endpoint)
{
    return {{QStringLiteral("url"), endpoint.url},
            {QStringLiteral("events"), QJsonArray::fromStringList(endpoint.events)},
            {QStringLiteral("active"), endpoint.active}};
}

AuditEvent webhookEvent(const Actor &actor, const QString &action, const WebhookEndpoint &endpoint, const QDateTime &at)
{
    AuditEvent event;
    event.at = at;
    event.actorId = actor.id;
    event.actorUsername = actor.username;
    event.action = action;
    event.entityType = webhookEntity;
    event.entityId = idText(endpoint.id);
    event.version = endpoint.version;
    event.detail = summary(endpoint);
    return event;
}

WebhookEndpoint withoutSecret(WebhookEndpoint endpoint)
{
    endpoint.secret.clear();
    return endpoint;
}

} // namespace

WebhookService::WebhookService(ServiceContext &context)
    : m_context(context)
{
}

Result<QList<webhook::IpAddress>> WebhookService::checkTarget(const QString &url) const
{
    if (auto problem = webhook::urlProblem(url))
        return Error::invalidField(QStringLiteral("url"), *problem);
    const QUrl parsed(url, QUrl::StrictMode);
    const auto &resolve = m_context.options.webhooks.resolve;
    const QList<webhook::IpAddress> addresses = resolve ? resolve(parsed.host()) : resolveHost(parsed.host());
    if (auto refusal = webhook::targetRefusal(parsed, addresses, m_context.options.webhooks.allowPrivateAddresses))
        return Error::invalidField(QStringLiteral("url"), *refusal);
    return addresses;
}

Result<WebhookEndpoint> WebhookService::create(const Actor &actor, const NewWebhook &input)
{
    if (!actor.isAdmin())
        return adminsOnly();
    if (const QList<FieldError> problems = webhook::validateNew(input); !problems.isEmpty())
        return Error::invalid(problems);
    // Outside the transaction: DNS may take its time.
    if (auto allowed = checkTarget(input.url.trimmed()); !allowed)
        return allowed.error();

    WebhookEndpoint endpoint;
    endpoint.id = newIdentifier();
    endpoint.url = input.url.trimmed();
    endpoint.events = webhook::normalizedEvents(input.events);
    endpoint.active = input.active;
    endpoint.version = 1;
    endpoint.createdAt = utcNow();
    endpoint.updatedAt = endpoint.createdAt;
    endpoint.secret = webhook::newSecret();

    auto result = m_context.database.write([&](Connection &connection) -> Result<WebhookEndpoint> {
        if (auto inserted = WebhookRepository(connection).insert(endpoint); !inserted)
            return inserted.error();
        if (auto appended = AuditRepository(connection).append(webhookEvent(actor, QStringLiteral("create"), endpoint, endpoint.createdAt));
            !appended)
            return appended.error();
        return endpoint;
    });
    if (result)
        qCInfo(lcService).noquote() << "webhook created:" << idText(endpoint.id) << "by" << actor.username;
    return result;
}

Result<WebhookEndpoint> WebhookService::get(const Actor &actor, const QUuid &id)
{
    if (!actor.isAdmin())
        return adminsOnly();
    auto found = m_context.database.run([&](Connection &connection) { return find(connection, id); });
    if (!found)
        return found;
    return withoutSecret(found.value());
}

Result<Page<WebhookEndpoint>> WebhookService::list(const Actor &actor, const PageRequest &page)
{
    if (!actor.isAdmin())
        return adminsOnly();
    auto listed = m_context.database.run([&](Connection &connection) { return WebhookRepository(connection).list(page); });
    if (!listed)
        return listed;
    for (WebhookEndpoint &endpoint : listed->items)
        endpoint.secret.clear();
    return listed;
}

Result<WebhookEndpoint> WebhookService::update(const Actor &actor, const QUuid &id, const WebhookPatch &patch,
                                               ExpectedVersion expectedVersion)
{
    if (!actor.isAdmin())
        return adminsOnly();
    if (const QList<FieldError> problems = webhook::validatePatch(patch); !problems.isEmpty())
        return Error::invalid(problems);
    if (patch.url) {
        if (auto allowed = checkTarget(patch.url->trimmed()); !allowed)
            return allowed.error();
    }

    auto result = m_context.database.write([&](Connection &connection) -> Result<WebhookEndpoint> {
        auto current = find(connection, id);
        if (!current)
            return current;
        if (!versionMatches(expectedVersion, current->version))
            return Error::preconditionFailed();
        WebhookEndpoint updated = current.value();
        QJsonArray changed;
        if (patch.url && patch.url->trimmed() != updated.url) {
            updated.url = patch.url->trimmed();
            changed.append(QStringLiteral("url"));
        }
        if (patch.events && webhook::normalizedEvents(*patch.events) != updated.events) {
            updated.events = webhook::normalizedEvents(*patch.events);
            changed.append(QStringLiteral("events"));
        }
        if (patch.active && *patch.active != updated.active) {
            updated.active = *patch.active;
            changed.append(QStringLiteral("active"));
        }
        if (changed.isEmpty())
            return updated;
        updated.version = current->version + 1;
        updated.updatedAt = utcNow();
        auto written = WebhookRepository(connection).update(updated, current->version);
        if (!written)
            return written.error();
        if (!written.value())
            return Error::preconditionFailed();
        AuditEvent event = webhookEvent(actor, QStringLiteral("update"), updated, updated.updatedAt);
        event.detail.insert(QStringLiteral("changed"), changed);
        if (auto appended = AuditRepository(connection).append(event); !appended)
            return appended.error();
        return updated;
    });
    if (!result)
        return result;
    qCInfo(lcService).noquote() << "webhook updated:" << idText(id) << "by" << actor.username;
    return withoutSecret(result.value());
}

Result<void> WebhookService::remove(const Actor &actor, const QUuid &id, ExpectedVersion expectedVersion)
{
    if (!actor.isAdmin())
        return adminsOnly();
    auto result = m_context.database.write([&](Connection &connection) -> Result<void> {
        auto current = find(connection, id);
        if (!current)
            return current.error();
        if (!versionMatches(expectedVersion, current->version))
            return Error::preconditionFailed();
        auto removed = WebhookRepository(connection).remove(id, current->version);
        if (!removed)
            return removed.error();
        if (!removed.value())
            return Error::preconditionFailed();
        return AuditRepository(connection).append(webhookEvent(actor, QStringLiteral("delete"), current.value(), utcNow()));
    });
    if (result)
        qCInfo(lcService).noquote() << "webhook deleted:" << idText(id) << "by" << actor.username;
    return result;
}

Result<Page<WebhookDelivery>> WebhookService::deliveries(const Actor &actor, const QUuid &endpointId, const PageRequest &page)
{
    if (!actor.isAdmin())
        return adminsOnly();
    auto listed = m_context.database.read([&](Connection &connection) -> Result<Page<WebhookDelivery>> {
        if (auto endpoint = find(connection, endpointId); !endpoint)
            return endpoint.error();
        return WebhookRepository(connection).deliveries(endpointId, page);
    });
    if (!listed)
        return listed;
    for (WebhookDelivery &delivery : listed->items)
        delivery.giveUpAt = delivery.giveUpAt.addMSecs(m_context.options.webhooks.retryWindow.count());
    return listed;
}

Result<WebhookDelivery> WebhookService::redeliver(const Actor &actor, const QUuid &endpointId, const QUuid &deliveryId)
{
    if (!actor.isAdmin())
        return adminsOnly();
    const QDateTime now = utcNow();
    auto result = m_context.database.write([&](Connection &connection) -> Result<WebhookDelivery> {
        if (auto endpoint = find(connection, endpointId); !endpoint)
            return endpoint.error();
        WebhookRepository webhooks(connection);
        auto requeued = webhooks.requeue(endpointId, deliveryId, now);
        if (!requeued)
            return requeued.error();
        if (!requeued.value())
            return deliveryNotFound();
        auto delivery = webhooks.delivery(endpointId, deliveryId);
        if (!delivery)
            return delivery.error();
        if (!delivery.value())
            return deliveryNotFound();
        return *delivery.value();
    });
    if (!result)
        return result;
    result->giveUpAt = result->giveUpAt.addMSecs(m_context.options.webhooks.retryWindow.count());
    qCInfo(lcService).noquote() << "webhook delivery queued again:" << idText(deliveryId) << "by" << actor.username;
    return result;
}

QByteArray WebhookService::body(const AuditEvent &event)
{
    QJsonObject json = audit_export::feedEventJson(event);
    json.insert(QStringLiteral("type"), eventTypeName(event));
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

Result<QList<DeliveryJob>> WebhookService::claimDue(const QString &owner, int limit)
{
    const QDateTime now = utcNow();
    const QDateTime leaseUntil = now.addMSecs(m_context.options.webhooks.lease.count());
    auto due = m_context.database.run([&](Connection &connection) { return WebhookRepository(connection).anyDue(now); });
    if (!due)
        return due.error();
    if (!due.value())
        return QList<DeliveryJob>();
    auto claimed = m_context.database.write([&](Connection &connection) {
        return WebhookRepository(connection).claimDue(owner, now, leaseUntil, limit);
    });
    if (!claimed)
        return claimed.error();
    QList<DeliveryJob> jobs;
    for (const ClaimedDelivery &delivery : claimed.value()) {
        DeliveryJob job;
        job.deliveryId = delivery.deliveryId;
        job.endpointId = delivery.endpointId;
        job.url = delivery.url;
        job.secret = delivery.secret;
        job.eventType = delivery.eventType;
        job.body = body(delivery.event);
        job.attemptCount = delivery.attemptCount;
        job.giveUpAt = delivery.windowStart.addMSecs(m_context.options.webhooks.retryWindow.count());
        jobs.append(std::move(job));
    }
    return jobs;
}

Result<AttemptOutcome> WebhookService::recordAttempt(const QString &owner, const DeliveryJob &job, const SendResult &sent)
{
    const QDateTime now = utcNow();
    AttemptRecord record;
    record.deliveryId = job.deliveryId;
    record.leaseOwner = owner;
    record.attempt.at = now;
    record.attempt.responseCode = sent.responseCode;
    record.attempt.durationMs = sent.durationMs;
    record.attempt.response = webhook::responseExcerpt(sent.responseHead);
    record.attempt.error = sent.error.left(500);
    // A target that is not allowed now (its name resolves elsewhere, the
    // server lost --allow-private-webhooks) may be allowed again later.
    AttemptOutcome outcome = sent.refused ? AttemptOutcome::Retry : webhook::outcomeOf(sent.responseCode);
    bool gaveUp = false;
    if (outcome == AttemptOutcome::Retry) {
        const double jitter = QRandomGenerator::global()->generateDouble() * 2.0 - 1.0;
        const auto delay = webhook::retryDelay(job.attemptCount + 1, m_context.options.webhooks.retrySchedule, jitter);
        record.nextAttemptAt = now.addMSecs(delay.count());
        if (record.nextAttemptAt > job.giveUpAt) {
            outcome = AttemptOutcome::Failed;
            gaveUp = true;
            if (record.attempt.error.isEmpty())
                record.attempt.error = QStringLiteral("no success within the retry window; given up");
            else
                record.attempt.error += QStringLiteral(" (no success within the retry window; given up)");
        }
    }
    record.attempt.outcome = outcome;
    record.status = outcome == AttemptOutcome::Delivered ? DeliveryStatus::Delivered
        : outcome == AttemptOutcome::Failed             ? DeliveryStatus::Failed
                                                        : DeliveryStatus::Pending;
    bool paused = false;
    auto recorded = m_context.database.write([&](Connection &connection) -> Result<bool> {
        auto written = WebhookRepository(connection).recordAttempt(record);
        if (!written || !written.value() || !gaveUp)
            return written;
        auto pausing = pauseFailing(connection, job.endpointId, now);
        if (!pausing)
            return pausing.error();
        paused = pausing.value();
        return true;
    });
    if (!recorded)
        return recorded.error();
    if (paused)
        qCWarning(lcService).noquote() << "webhook paused:" << idText(job.endpointId)
                                       << "no delivery succeeded within the retry window";
    return outcome;
}

// An endpoint whose delivery found no success for the whole retry window
// (24 hours) is paused: nothing more is queued for it, and its later
// deliveries wait, until an administrator sets it active again. Its version
// changes, so an admin's form loaded before sees the pause as a change.
Result<bool> WebhookService::pauseFailing(Connection &connection, const QUuid &endpointId, const QDateTime &at)
{
    auto current = find(connection, endpointId);
    if (!current)
        return current.error().kind == ErrorKind::NotFound ? Result<bool>(false) : Result<bool>(current.error());
    if (!current->active)
        return false;
    WebhookEndpoint paused = current.value();
    paused.active = false;
    paused.version = current->version + 1;
    paused.updatedAt = at;
    auto written = WebhookRepository(connection).update(paused, current->version);
    if (!written || !written.value())
        return written;
    AuditEvent event = webhookEvent(Actor::system(), QStringLiteral("pause"), paused, at);
    event.detail.insert(QStringLiteral("changed"), QJsonArray{QStringLiteral("active")});
    event.comment = QStringLiteral("No delivery succeeded within the retry window.");
    if (auto appended = AuditRepository(connection).append(event); !appended)
        return appended.error();
    return true;
}

Result<qint64> WebhookService::pruneLog()
{
    const QDateTime cutoff = utcNow().addMSecs(-m_context.options.webhooks.keepLog.count());
    return m_context.database.write([&](Connection &connection) { return WebhookRepository(connection).pruneFinishedBefore(cutoff); });
}

} // namespace signoff
