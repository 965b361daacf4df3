// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LocalBackend.h"

#include "service/Services.h"

namespace signoff {

LocalBackend::LocalBackend(Services &services, QObject *parent)
    : Backend(parent)
    , m_services(services)
{
    m_pool.setObjectName(QStringLiteral("LocalBackend"));
    m_pool.setMaxThreadCount(workerThreads);
    // Threads stay, and with them their database connections.
    m_pool.setExpiryTimeout(-1);
    // Announced from whichever thread committed: queued into this one.
    connect(&services.notifier(), &ChangeNotifier::changed, this, &Backend::changed);
}

LocalBackend::~LocalBackend()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void LocalBackend::actAs(const User &user)
{
    m_actor = user.actor();
}

QString LocalBackend::location() const
{
    if (!m_locationLabel.isEmpty())
        return m_locationLabel;
    return m_services.databaseLocation();
}

template<typename Task>
auto LocalBackend::runAnonymous(Task task)
    -> Call<typename detail::ResultValue<std::invoke_result_t<Task, Services &>>::type>
{
    using T = typename detail::ResultValue<std::invoke_result_t<Task, Services &>>::type;
    Promise<T> promise;
    m_pool.start([promise, task = std::move(task), services = &m_services]() mutable {
        // Nobody waits for it any more (the form closed, the list moved on).
        if (promise.isCancelled())
            return;
        promise.finish(task(*services));
    });
    return promise.call();
}

template<typename Task>
auto LocalBackend::run(Task task)
    -> Call<typename detail::ResultValue<std::invoke_result_t<Task, Services &, const Actor &>>::type>
{
    using T = typename detail::ResultValue<std::invoke_result_t<Task, Services &, const Actor &>>::type;
    if (!m_actor)
        return Call<T>::finished(Error::unauthenticated(Message(QT_TRANSLATE_NOOP("Core", "Sign in first."))));
    return runAnonymous([task = std::move(task), actor = *m_actor](Services &services) mutable {
        return task(services, actor);
    });
}

template<typename Service, typename Operation, typename... Arguments>
auto LocalBackend::runOn(Service &(Services::*service)(), Operation operation, Arguments... arguments)
{
    return run([service, operation, arguments...](Services &services, const Actor &actor) {
        return ((services.*service)().*operation)(actor, arguments...);
    });
}

Call<User> LocalBackend::signInWith(Call<User> call)
{
    return call.map(this, [this](User user) {
        m_actor = user.actor();
        return user;
    });
}

Call<bool> LocalBackend::hasUsers()
{
    return runAnonymous([](Services &services) { return services.users().hasUsers(); });
}

Call<User> LocalBackend::signIn(const QString &username, const QString &password)
{
    // Hashing the password takes a good part of a second: on a worker.
    return signInWith(runAnonymous(
        [username, password](Services &services) { return services.auth().signIn(username, password); }));
}

Call<User> LocalBackend::createFirstAdministrator(const NewUser &input)
{
    return signInWith(runAnonymous([input](Services &services) -> Result<User> {
        auto created = services.users().createFirstAdministrator(input);
        if (!created)
            return created.error();
        return services.auth().signIn(input.username, input.password);
    }));
}

Call<void> LocalBackend::signOut()
{
    m_actor.reset();
    return Call<void>::finished(Result<void>());
}

Call<User> LocalBackend::me()
{
    return run([](Services &services, const Actor &actor) { return services.users().me(actor); })
        .map(this, [this](User user) {
            // A changed role counts from now on, as the services read it from the actor.
            if (m_actor && m_actor->id == user.id)
                m_actor = user.actor();
            return user;
        });
}

// Features.

Call<Feature> LocalBackend::createFeature(const NewFeature &input)
{
    return runOn(&Services::features, &FeatureService::create, input);
}

Call<Feature> LocalBackend::getFeature(const QUuid &id)
{
    return runOn(&Services::features, &FeatureService::get, id);
}

Call<Page<Feature>> LocalBackend::listFeatures(const ItemQuery &query)
{
    return runOn(&Services::features, &FeatureService::list, query);
}

Call<Feature> LocalBackend::updateFeature(const QUuid &id, const FeaturePatch &patch, int expectedVersion)
{
    return runOn(&Services::features, &FeatureService::update, id, patch, expectedVersion);
}

Call<void> LocalBackend::removeFeature(const QUuid &id, int expectedVersion)
{
    return runOn(&Services::features, &FeatureService::remove, id, expectedVersion);
}

Call<Feature> LocalBackend::transitionFeature(const QUuid &id, WorkflowAction action, int expectedVersion,
                                              const QString &comment)
{
    return runOn(&Services::features, &FeatureService::transition, id, action, expectedVersion, comment);
}

Call<QList<AuditEvent>> LocalBackend::featureHistory(const QUuid &id)
{
    return runOn(&Services::features, &FeatureService::history, id);
}

// Orders.

Call<Order> LocalBackend::createOrder(const NewOrder &input)
{
    return runOn(&Services::orders, &OrderService::create, input);
}

Call<Order> LocalBackend::getOrder(const QUuid &id)
{
    return runOn(&Services::orders, &OrderService::get, id);
}

Call<Page<Order>> LocalBackend::listOrders(const ItemQuery &query)
{
    return runOn(&Services::orders, &OrderService::list, query);
}

Call<Order> LocalBackend::updateOrder(const QUuid &id, const OrderPatch &patch, int expectedVersion)
{
    return runOn(&Services::orders, &OrderService::update, id, patch, expectedVersion);
}

Call<void> LocalBackend::removeOrder(const QUuid &id, int expectedVersion)
{
    return runOn(&Services::orders, &OrderService::remove, id, expectedVersion);
}

Call<Order> LocalBackend::transitionOrder(const QUuid &id, WorkflowAction action, int expectedVersion,
                                          const QString &comment)
{
    return runOn(&Services::orders, &OrderService::transition, id, action, expectedVersion, comment);
}

Call<QList<AuditEvent>> LocalBackend::orderHistory(const QUuid &id)
{
    return runOn(&Services::orders, &OrderService::history, id);
}

// Products.

Call<Product> LocalBackend::createProduct(const NewProduct &input)
{
    return runOn(&Services::products, &ProductService::create, input);
}

Call<Product> LocalBackend::getProduct(const QUuid &id)
{
    return runOn(&Services::products, &ProductService::get, id);
}

Call<Page<Product>> LocalBackend::listProducts(const ProductQuery &query)
{
    return runOn(&Services::products, &ProductService::list, query);
}

Call<Product> LocalBackend::updateProduct(const QUuid &id, const ProductPatch &patch, int expectedVersion)
{
    return runOn(&Services::products, &ProductService::update, id, patch, expectedVersion);
}

Call<void> LocalBackend::removeProduct(const QUuid &id, int expectedVersion)
{
    return runOn(&Services::products, &ProductService::remove, id, expectedVersion);
}

// Users.

Call<User> LocalBackend::createUser(const NewUser &input)
{
    return runOn(&Services::users, &UserService::create, input);
}

Call<User> LocalBackend::getUser(const QString &username)
{
    return runOn(&Services::users, &UserService::get, username);
}

Call<Page<User>> LocalBackend::listUsers(const UserQuery &query)
{
    return runOn(&Services::users, &UserService::list, query);
}

Call<User> LocalBackend::updateUser(const QString &username, const UserPatch &patch, int expectedVersion)
{
    return runOn(&Services::users, &UserService::update, username, patch, expectedVersion);
}

// The audit log.

Call<Page<AuditEvent>> LocalBackend::listAudit(const AuditQuery &query)
{
    return runOn(&Services::audit, &AuditService::list, query);
}

// Comments.

namespace {
Error notAnItem()
{
    return Error::notFound(Message(QT_TRANSLATE_NOOP("Core", "Only features and orders have comments.")));
}
} // namespace

Call<QList<Comment>> LocalBackend::comments(EntityType type, const QUuid &id)
{
    return run([type, id](Services &services, const Actor &actor) -> Result<QList<Comment>> {
        if (type == EntityType::Feature)
            return services.features().comments(actor, id);
        if (type == EntityType::Order)
            return services.orders().comments(actor, id);
        return notAnItem();
    });
}

Call<Comment> LocalBackend::addComment(EntityType type, const QUuid &id, const QString &body)
{
    return run([type, id, body](Services &services, const Actor &actor) -> Result<Comment> {
        if (type == EntityType::Feature)
            return services.features().addComment(actor, id, body);
        if (type == EntityType::Order)
            return services.orders().addComment(actor, id, body);
        return notAnItem();
    });
}

// The approval policy.

Call<ApprovalPolicy> LocalBackend::policy()
{
    return runOn(&Services::policy, &PolicyService::get);
}

Call<ApprovalPolicy> LocalBackend::updatePolicy(const ApprovalPolicy &policy, int expectedVersion)
{
    return runOn(&Services::policy, &PolicyService::update, policy, expectedVersion);
}

Call<Stats> LocalBackend::stats(int days)
{
    return run([days](Services &services, const Actor &actor) { return services.stats().compute(actor, days); });
}

// Webhooks.

Call<Page<WebhookEndpoint>> LocalBackend::listWebhooks(const PageRequest &page)
{
    return runOn(&Services::webhooks, &WebhookService::list, page);
}

Call<WebhookEndpoint> LocalBackend::createWebhook(const NewWebhook &input)
{
    return runOn(&Services::webhooks, &WebhookService::create, input);
}

Call<WebhookEndpoint> LocalBackend::updateWebhook(const QUuid &id, const WebhookPatch &patch, int expectedVersion)
{
    return runOn(&Services::webhooks, &WebhookService::update, id, patch, expectedVersion);
}

Call<void> LocalBackend::removeWebhook(const QUuid &id, int expectedVersion)
{
    return runOn(&Services::webhooks, &WebhookService::remove, id, expectedVersion);
}

Call<Page<WebhookDelivery>> LocalBackend::webhookDeliveries(const QUuid &endpointId, const PageRequest &page)
{
    return runOn(&Services::webhooks, &WebhookService::deliveries, endpointId, page);
}

Call<WebhookDelivery> LocalBackend::redeliverWebhook(const QUuid &endpointId, const QUuid &deliveryId)
{
    return runOn(&Services::webhooks, &WebhookService::redeliver, endpointId, deliveryId);
}

} // namespace signoff
