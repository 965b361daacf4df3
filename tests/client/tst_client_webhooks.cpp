// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Webhooks in server mode (docs/design.md, "Team mode" and "Webhooks"): RestBackend's
// webhook calls against a real REST server on a free port give what
// LocalBackend gives over the same services, with the same typed errors
// (a private address refused with core's message on the field "url", a
// stale version PreconditionFailed, a requester Forbidden).

#include "RestBackend.h"
#include "UiFixture.h"
#undef SIGNOFF_REQUIRE_FIXTURE
#include "RestTestSupport.h"
#include "ClientTestSupport.h"

#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

ServiceOptions options(bool allowPrivate)
{
    ServiceOptions options = RestFixture::testOptions();
    options.webhooks.allowPrivateAddresses = allowPrivate;
    return options;
}

NewWebhook hook(const QString &url, QStringList events = {QStringLiteral("feature.*")}, bool active = true)
{
    NewWebhook input;
    input.url = url;
    input.events = std::move(events);
    input.active = active;
    return input;
}

// The two backends' failures as one line each: kind, reason, fields and messages.
QString describeFailure(const Error &error)
{
    QStringList fields;
    for (const FieldError &field : error.fields)
        fields.append(field.field + QLatin1Char('=') + field.message.english());
    return toString(error.kind) + QLatin1Char('/') + error.reason + QLatin1Char('/') + error.message.english()
           + QLatin1Char('/') + fields.join(QLatin1Char(';'));
}

} // namespace

class TestClientWebhooks : public QObject
{
    Q_OBJECT

private slots:
    void endpointsOverTheServerAsLocally()
    {
        RestFixture server(RestFixture::testConfig(), options(true));
        SIGNOFF_REQUIRE_FIXTURE(server);
        const User adam = server.addUser(QStringLiteral("adam"), Role::Admin);
        RestBackend remote(server.url());
        SIGNOFF_VERIFY_OK(await(remote.signIn(QStringLiteral("adam"), password())));
        LocalBackend local(server.services());
        local.actAs(adam);

        auto empty = await(remote.listWebhooks(PageRequest{}));
        SIGNOFF_VERIFY_OK(empty);
        QCOMPARE(empty->items.size(), 0);

        // Made remotely: the secret comes back this once, and is what is stored.
        auto made = await(remote.createWebhook(hook(QStringLiteral("http://127.0.0.1:9/hook"),
                                                     {QStringLiteral("feature.*"), QStringLiteral("order.approved")})));
        SIGNOFF_VERIFY_OK(made);
        QVERIFY(made->secret.startsWith(QStringLiteral("whsec_")));
        QCOMPARE(made->events, (QStringList{QStringLiteral("feature.*"), QStringLiteral("order.approved")}));
        QVERIFY(made->active);
        QVERIFY(made->createdAt.isValid());
        auto stored = server.services().webhooks().get(adam.actor(), made->id);
        SIGNOFF_VERIFY_OK(stored);
        QCOMPARE(stored->url, QStringLiteral("http://127.0.0.1:9/hook"));
        auto madeLocally = await(local.createWebhook(hook(QStringLiteral("http://127.0.0.1:10/hook"))));
        SIGNOFF_VERIFY_OK(madeLocally);
        QVERIFY(madeLocally->secret.startsWith(QStringLiteral("whsec_")));

        // Both lists the same, and neither shows a secret again.
        auto remoteList = await(remote.listWebhooks(PageRequest{}));
        auto localList = await(local.listWebhooks(PageRequest{}));
        SIGNOFF_VERIFY_OK(remoteList);
        SIGNOFF_VERIFY_OK(localList);
        QCOMPARE(remoteList->items.size(), 2);
        QCOMPARE(localList->items.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const WebhookEndpoint &r = remoteList->items.at(i);
            const WebhookEndpoint &l = localList->items.at(i);
            QCOMPARE(r.id, l.id);
            QCOMPARE(r.url, l.url);
            QCOMPARE(r.events, l.events);
            QCOMPARE(r.active, l.active);
            QCOMPARE(r.version, l.version);
            QCOMPARE(r.createdAt.toMSecsSinceEpoch() / 1000, l.createdAt.toMSecsSinceEpoch() / 1000);
            QVERIFY(r.secret.isEmpty());
            QVERIFY(l.secret.isEmpty());
        }

        // Deactivated remotely; then a stale version is refused in both modes.
        WebhookPatch off;
        off.active = false;
        auto paused = await(remote.updateWebhook(made->id, off, made->version));
        SIGNOFF_VERIFY_OK(paused);
        QVERIFY(!paused->active);
        QCOMPARE(paused->version, made->version + 1);
        QVERIFY(!server.services().webhooks().get(adam.actor(), made->id)->active);
        SIGNOFF_VERIFY_ERROR(await(remote.updateWebhook(made->id, off, made->version)), PreconditionFailed);
        SIGNOFF_VERIFY_ERROR(await(local.updateWebhook(made->id, off, made->version)), PreconditionFailed);

        // An event the endpoint asks for becomes a delivery; both logs show it.
        auto feature = server.services().features().create(adam.actor(), NewFeature{QStringLiteral("Dark mode"), {}});
        SIGNOFF_VERIFY_OK(feature);
        auto remoteLog = await(remote.webhookDeliveries(madeLocally->id, PageRequest{}));
        auto localLog = await(local.webhookDeliveries(madeLocally->id, PageRequest{}));
        SIGNOFF_VERIFY_OK(remoteLog);
        SIGNOFF_VERIFY_OK(localLog);
        QCOMPARE(remoteLog->items.size(), 1);
        QCOMPARE(localLog->items.size(), 1);
        const WebhookDelivery &delivery = remoteLog->items.first();
        QCOMPARE(delivery.id, localLog->items.first().id);
        QCOMPARE(delivery.endpointId, madeLocally->id);
        QCOMPARE(delivery.eventType, localLog->items.first().eventType);
        QCOMPARE(delivery.eventType, QStringLiteral("feature.created"));
        QVERIFY(delivery.status == DeliveryStatus::Pending);
        QCOMPARE(delivery.attemptCount, localLog->items.first().attemptCount);

        auto again = await(remote.redeliverWebhook(madeLocally->id, delivery.id));
        SIGNOFF_VERIFY_OK(again);
        QCOMPARE(again->id, delivery.id);
        QVERIFY(again->status == DeliveryStatus::Pending);
        SIGNOFF_VERIFY_ERROR(await(remote.redeliverWebhook(madeLocally->id, QUuid::createUuid())), NotFound);
        SIGNOFF_VERIFY_ERROR(await(local.redeliverWebhook(madeLocally->id, QUuid::createUuid())), NotFound);

        // Removed remotely: gone for both, and a second removal is NotFound in both.
        SIGNOFF_VERIFY_OK(await(remote.removeWebhook(made->id, paused->version)));
        SIGNOFF_VERIFY_ERROR(server.services().webhooks().get(adam.actor(), made->id), NotFound);
        SIGNOFF_VERIFY_ERROR(await(remote.removeWebhook(made->id, paused->version)), NotFound);
        SIGNOFF_VERIFY_ERROR(await(local.removeWebhook(made->id, paused->version)), NotFound);
        QCOMPARE(await(remote.listWebhooks(PageRequest{}))->items.size(), 1);
    }

    void refusalsAreTheSameInBothModes()
    {
        RestFixture server; // without --allow-private-webhooks
        SIGNOFF_REQUIRE_FIXTURE(server);
        const User adam = server.addUser(QStringLiteral("adam"), Role::Admin);
        const User alice = server.addUser(QStringLiteral("alice"), Role::Requester);
        RestBackend remote(server.url());
        SIGNOFF_VERIFY_OK(await(remote.signIn(QStringLiteral("adam"), password())));
        LocalBackend local(server.services());
        local.actAs(adam);

        // A private address: Invalid on "url" with core's message, the same in both.
        auto remotePrivate = await(remote.createWebhook(hook(QStringLiteral("https://10.1.2.3/hook"))));
        auto localPrivate = await(local.createWebhook(hook(QStringLiteral("https://10.1.2.3/hook"))));
        SIGNOFF_VERIFY_ERROR(remotePrivate, Invalid);
        SIGNOFF_VERIFY_ERROR(localPrivate, Invalid);
        QCOMPARE(remotePrivate.error().fields.size(), 1);
        QCOMPARE(remotePrivate.error().fields.first().field, QStringLiteral("url"));
        QVERIFY(!remotePrivate.error().fields.first().message.english().isEmpty());
        QCOMPARE(describeFailure(remotePrivate.error()), describeFailure(localPrivate.error()));

        // No events: Invalid on "events", the same in both.
        auto remoteNoEvents = await(remote.createWebhook(hook(QStringLiteral("https://93.184.216.34/hook"), {})));
        auto localNoEvents = await(local.createWebhook(hook(QStringLiteral("https://93.184.216.34/hook"), {})));
        SIGNOFF_VERIFY_ERROR(remoteNoEvents, Invalid);
        QCOMPARE(remoteNoEvents.error().fields.first().field, QStringLiteral("events"));
        QCOMPARE(describeFailure(remoteNoEvents.error()), describeFailure(localNoEvents.error()));
        QCOMPARE(server.services().webhooks().list(adam.actor(), PageRequest{})->items.size(), 0);

        // A requester may not see or make endpoints, in either mode.
        RestBackend requester(server.url());
        SIGNOFF_VERIFY_OK(await(requester.signIn(QStringLiteral("alice"), password())));
        LocalBackend requesterLocally(server.services());
        requesterLocally.actAs(alice);
        SIGNOFF_VERIFY_ERROR(await(requester.listWebhooks(PageRequest{})), Forbidden);
        SIGNOFF_VERIFY_ERROR(await(requesterLocally.listWebhooks(PageRequest{})), Forbidden);
        SIGNOFF_VERIFY_ERROR(await(requester.createWebhook(hook(QStringLiteral("https://93.184.216.34/hook")))),
                             Forbidden);
        SIGNOFF_VERIFY_ERROR(await(requesterLocally.createWebhook(hook(QStringLiteral("https://93.184.216.34/hook")))),
                             Forbidden);
    }
};

QTEST_MAIN(TestClientWebhooks)
#include "tst_client_webhooks.moc"
