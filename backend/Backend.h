// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Call.h"
#include "domain/ApprovalPolicy.h"
#include "domain/AuditEvent.h"
#include "domain/Comment.h"
#include "domain/EntityType.h"
#include "domain/Feature.h"
#include "domain/Order.h"
#include "domain/Page.h"
#include "domain/Product.h"
#include "domain/Queries.h"
#include "domain/Stats.h"
#include "domain/User.h"
#include "domain/Webhook.h"
#include "domain/Workflow.h"

#include <QObject>
#include <QUuid>
#include <optional>

namespace signoff {

// What the desktop does, as asynchronous calls: the one interface under the
// pages, forms, dialogs, models and the login (docs/design.md, "Overview" and
// "Team mode"). Two implementations: LocalBackend (core's services on worker
// threads, on a database) and RestBackend (client/, a Signoff server over
// HTTP). The UI does not know which one it has.
//
// Every call returns at once; its Result arrives in the GUI thread (Call.h).
// The errors are core's typed errors in both implementations, so forms show
// the same field messages and banners whichever door answered.
//
// A backend acts as the user who signed in through it; calls made before
// that (other than hasUsers, signIn and createFirstAdministrator) answer
// Unauthenticated. Adding a call: docs/architecture.md, "A new backend call".
class Backend : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Database, Server };

    using QObject::QObject;

    virtual Kind kind() const = 0;
    // Where the data is, for people: the database URL without its password,
    // or the server's URL.
    virtual QString location() const = 0;
    // Whether the data can be reached now. A database is; a server may be
    // out of reach for a while (reachabilityChanged says when).
    virtual bool isReachable() const { return true; }

    // Server mode: the SHA-256 fingerprint of the certificate a server
    // presented that neither the system nor the person trusts (calls then
    // fail with reason "untrusted-certificate"); empty: none.
    virtual QByteArray untrustedCertificate() const { return {}; }
    // Trusts that certificate for this server from now on ("Trust this
    // certificate": it is pinned for the host and port, like SSH's known hosts).
    virtual void trustCertificate(const QByteArray &fingerprint) { Q_UNUSED(fingerprint); }

    // Signing in and out.
    // Whether anyone can sign in: false on a database without users, where
    // the login creates the administrator first. A server always has users.
    virtual Call<bool> hasUsers() = 0;
    virtual Call<User> signIn(const QString &username, const QString &password) = 0;
    // Creates the first administrator of an empty database and signs in as them.
    virtual Call<User> createFirstAdministrator(const NewUser &input) = 0;
    // Forgets the signed-in user (a server revokes the token).
    virtual Call<void> signOut() = 0;
    // The signed-in user as stored now (role changes, disabling).
    virtual Call<User> me() = 0;
    // Server mode, "Stay signed in" (docs/design.md, "Team mode"): keeps the
    // session's token in the system keyring, so that the next start signs
    // in with it; signing out forgets it. A database has nothing to keep.
    virtual Call<void> keepSession();
    // Signs in with the session kept for `username`, if there is one.
    virtual Call<User> resumeKeptSession(const QString &username);

    // Features.
    virtual Call<Feature> createFeature(const NewFeature &input) = 0;
    virtual Call<Feature> getFeature(const QUuid &id) = 0;
    virtual Call<Page<Feature>> listFeatures(const ItemQuery &query) = 0;
    virtual Call<Feature> updateFeature(const QUuid &id, const FeaturePatch &patch, int expectedVersion) = 0;
    virtual Call<void> removeFeature(const QUuid &id, int expectedVersion) = 0;
    virtual Call<Feature> transitionFeature(const QUuid &id, WorkflowAction action, int expectedVersion,
                                            const QString &comment) = 0;
    virtual Call<QList<AuditEvent>> featureHistory(const QUuid &id) = 0;

    // Orders.
    virtual Call<Order> createOrder(const NewOrder &input) = 0;
    virtual Call<Order> getOrder(const QUuid &id) = 0;
    virtual Call<Page<Order>> listOrders(const ItemQuery &query) = 0;
    virtual Call<Order> updateOrder(const QUuid &id, const OrderPatch &patch, int expectedVersion) = 0;
    virtual Call<void> removeOrder(const QUuid &id, int expectedVersion) = 0;
    virtual Call<Order> transitionOrder(const QUuid &id, WorkflowAction action, int expectedVersion,
                                        const QString &comment) = 0;
    virtual Call<QList<AuditEvent>> orderHistory(const QUuid &id) = 0;

    // Products.
    virtual Call<Product> createProduct(const NewProduct &input) = 0;
    virtual Call<Product> getProduct(const QUuid &id) = 0;
    virtual Call<Page<Product>> listProducts(const ProductQuery &query) = 0;
    virtual Call<Product> updateProduct(const QUuid &id, const ProductPatch &patch, int expectedVersion) = 0;
    virtual Call<void> removeProduct(const QUuid &id, int expectedVersion) = 0;

    // Users.
    virtual Call<User> createUser(const NewUser &input) = 0;
    virtual Call<User> getUser(const QString &username) = 0;
    virtual Call<Page<User>> listUsers(const UserQuery &query) = 0;
    virtual Call<User> updateUser(const QString &username, const UserPatch &patch, int expectedVersion) = 0;

    // The audit log.
    virtual Call<Page<AuditEvent>> listAudit(const AuditQuery &query) = 0;

    // The discussion of a feature or an order (any user, any status), oldest first.
    virtual Call<QList<Comment>> comments(EntityType type, const QUuid &id) = 0;
    virtual Call<Comment> addComment(EntityType type, const QUuid &id, const QString &body) = 0;

    // The approval policy: everyone reads it, administrators change it.
    virtual Call<ApprovalPolicy> policy() = 0;
    virtual Call<ApprovalPolicy> updatePolicy(const ApprovalPolicy &policy, int expectedVersion) = 0;

    // Webhook endpoints and their delivery logs (administrators only). The
    // endpoint createWebhook answers carries its signing secret, the only
    // time anything shows it.
    virtual Call<Page<WebhookEndpoint>> listWebhooks(const PageRequest &page) = 0;
    virtual Call<WebhookEndpoint> createWebhook(const NewWebhook &input) = 0;
    virtual Call<WebhookEndpoint> updateWebhook(const QUuid &id, const WebhookPatch &patch, int expectedVersion) = 0;
    virtual Call<void> removeWebhook(const QUuid &id, int expectedVersion) = 0;
    // Newest first, each delivery with its attempts.
    virtual Call<Page<WebhookDelivery>> webhookDeliveries(const QUuid &endpointId, const PageRequest &page) = 0;
    virtual Call<WebhookDelivery> redeliverWebhook(const QUuid &endpointId, const QUuid &deliveryId) = 0;

    // The dashboard's figures over the last `days` UTC days (docs/design.md,
    // "The dashboard's figures"), the same in both modes.
    virtual Call<Stats> stats(int days) = 0;

    // A feature's or an order's transition and history, by type.
    Call<void> transitionItem(EntityType type, const QUuid &id, WorkflowAction action, int expectedVersion,
                              const QString &comment);

    // One decision on several items of one type, each on its own (its own
    // transaction; one stale item does not undo the others): an outcome per
    // item, in their order, empty when it was done. A server takes them in
    // requests of 100 (POST /api/v1/{type}/batch, docs/design.md, "Approval
    // policies"); here they are made one after another.
    struct Decision
    {
        QUuid id;
        int version = 0;
    };
    using Outcomes = QList<std::optional<Error>>;
    virtual Call<Outcomes> decideEach(EntityType type, WorkflowAction action, const QList<Decision> &items,
                                      const QString &comment);
    Call<void> removeItem(EntityType type, const QUuid &id, int expectedVersion);

signals:
    // A committed change (an entity type and its id; an empty id: anything of
    // the type), made anywhere: this window, a REST client, another process,
    // another desktop of the team. Lists and forms refresh from it.
    void changed(signoff::EntityType type, const QString &id);
    // The server went out of reach (false: `reason` says why; the backend
    // retries with backoff) or is back (true: lists and forms reload).
    void reachabilityChanged(bool reachable, const QString &reason);
    // The server ended the session (the token expired or was revoked, the
    // user was disabled): the person signs in again. `message` says why.
    void sessionEnded(const QString &message);
};

} // namespace signoff
