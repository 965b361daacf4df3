// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Backend.h"

#include <QMutex>
#include <QThreadPool>

namespace signoff {

class Services;

// The backend of database mode: core's services, run on worker threads so
// the GUI thread never waits on the database (a file another process holds
// locked, a slow PostgreSQL) or on password hashing. Each worker thread has
// its own database connection (Database hands one to every thread); SQLite's
// writes still go through the process's one writer thread.
//
// Changes announced by the services (this process's, and other processes'
// through a ChangeWatcher on the same notifier) become changed().
class LocalBackend : public Backend
{
    Q_OBJECT
public:
    // At most this many calls run at once; the others wait their turn.
    static constexpr int workerThreads = 3;

    explicit LocalBackend(Services &services, QObject *parent = nullptr);
    // Waits for the calls under way (their answers go nowhere).
    ~LocalBackend() override;

    // Acts as `user` from now on, without a password (tests, and the
    // application after a sign-in made elsewhere).
    void actAs(const User &user);

    // What location() says instead of the database's URL (screenshots).
    void setLocationLabel(const QString &label) { m_locationLabel = label; }

    Kind kind() const override { return Kind::Database; }
    QString location() const override;

    Call<bool> hasUsers() override;
    Call<User> signIn(const QString &username, const QString &password) override;
    Call<User> createFirstAdministrator(const NewUser &input) override;
    Call<void> signOut() override;
    Call<User> me() override;

    Call<Feature> createFeature(const NewFeature &input) override;
    Call<Feature> getFeature(const QUuid &id) override;
    Call<Page<Feature>> listFeatures(const ItemQuery &query) override;
    Call<Feature> updateFeature(const QUuid &id, const FeaturePatch &patch, int expectedVersion) override;
    Call<void> removeFeature(const QUuid &id, int expectedVersion) override;
    Call<Feature> transitionFeature(const QUuid &id, WorkflowAction action, int expectedVersion,
                                    const QString &comment) override;
    Call<QList<AuditEvent>> featureHistory(const QUuid &id) override;

    Call<Order> createOrder(const NewOrder &input) override;
    Call<Order> getOrder(const QUuid &id) override;
    Call<Page<Order>> listOrders(const ItemQuery &query) override;
    Call<Order> updateOrder(const QUuid &id, const OrderPatch &patch, int expectedVersion) override;
    Call<void> removeOrder(const QUuid &id, int expectedVersion) override;
    Call<Order> transitionOrder(const QUuid &id, WorkflowAction action, int expectedVersion,
                                const QString &comment) override;
    Call<QList<AuditEvent>> orderHistory(const QUuid &id) override;

    Call<Product> createProduct(const NewProduct &input) override;
    Call<Product> getProduct(const QUuid &id) override;
    Call<Page<Product>> listProducts(const ProductQuery &query) override;
    Call<Product> updateProduct(const QUuid &id, const ProductPatch &patch, int expectedVersion) override;
    Call<void> removeProduct(const QUuid &id, int expectedVersion) override;

    Call<User> createUser(const NewUser &input) override;
    Call<User> getUser(const QString &username) override;
    Call<Page<User>> listUsers(const UserQuery &query) override;
    Call<User> updateUser(const QString &username, const UserPatch &patch, int expectedVersion) override;

    Call<Page<AuditEvent>> listAudit(const AuditQuery &query) override;

    Call<QList<Comment>> comments(EntityType type, const QUuid &id) override;
    Call<Comment> addComment(EntityType type, const QUuid &id, const QString &body) override;

    Call<ApprovalPolicy> policy() override;
    Call<ApprovalPolicy> updatePolicy(const ApprovalPolicy &policy, int expectedVersion) override;

    Call<Page<WebhookEndpoint>> listWebhooks(const PageRequest &page) override;
    Call<WebhookEndpoint> createWebhook(const NewWebhook &input) override;
    Call<WebhookEndpoint> updateWebhook(const QUuid &id, const WebhookPatch &patch, int expectedVersion) override;
    Call<void> removeWebhook(const QUuid &id, int expectedVersion) override;
    Call<Page<WebhookDelivery>> webhookDeliveries(const QUuid &endpointId, const PageRequest &page) override;
    Call<WebhookDelivery> redeliverWebhook(const QUuid &endpointId, const QUuid &deliveryId) override;

    Call<Stats> stats(int days) override;

private:
    // Runs `task(services, actor)` on a worker thread as the signed-in user;
    // Unauthenticated when nobody is signed in.
    template<typename Task>
    auto run(Task task) -> Call<typename detail::ResultValue<std::invoke_result_t<Task, Services &, const Actor &>>::type>;
    // Runs `operation` of the service `service` answers (as in
    // runOn(&Services::features, &FeatureService::get, id)) with `arguments`,
    // copied for the worker thread, as the signed-in user.
    template<typename Service, typename Operation, typename... Arguments>
    auto runOn(Service &(Services::*service)(), Operation operation, Arguments... arguments);
    // Runs `task(services)` on a worker thread, signed in or not.
    template<typename Task>
    auto runAnonymous(Task task) -> Call<typename detail::ResultValue<std::invoke_result_t<Task, Services &>>::type>;
    // Signs in as the user a call returns.
    Call<User> signInWith(Call<User> call);

    Services &m_services;
    QThreadPool m_pool;
    std::optional<Actor> m_actor; // GUI thread only
    QString m_locationLabel;
};

} // namespace signoff
