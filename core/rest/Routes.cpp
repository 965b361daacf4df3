// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Routes.h"

#include "Handlers.h"
#include "ItemHandlers.h"

namespace signoff::rest {

namespace {

Route route(const char *method, const QString &path, Handler handler, Access access = Access::Authenticated)
{
    return Route{QByteArray(method), path, access, handler};
}

Route route(const char *method, const char *path, Handler handler, Access access = Access::Authenticated)
{
    return route(method, QString::fromLatin1(path), handler, access);
}

// What features and orders share, for one of them (its service and
// collection path): one template per operation (ItemHandlers.h).
template<auto service>
QList<Route> itemRoutes(const QString &collection, Handler create, Handler update)
{
    using namespace items;
    const QString item = collection + QStringLiteral("/{id}");
    return {
        route("POST", collection, create),
        route("GET", collection, list<service>),
        route("GET", item, get<service>),
        route("PATCH", item, update),
        route("DELETE", item, remove<service>),
        route("POST", item + QStringLiteral("/submit"), transition<service, WorkflowAction::Submit>),
        route("POST", item + QStringLiteral("/approve"), transition<service, WorkflowAction::Approve>),
        route("POST", item + QStringLiteral("/reject"), transition<service, WorkflowAction::Reject>),
        route("POST", item + QStringLiteral("/revise"), transition<service, WorkflowAction::Revise>),
        route("POST", item + QStringLiteral("/withdraw"), transition<service, WorkflowAction::Withdraw>),
        route("GET", item + QStringLiteral("/history"), history<service>),
        route("GET", item + QStringLiteral("/comment"), comments<service>),
        route("POST", item + QStringLiteral("/comment"), addComment<service>),
        route("POST", collection + QStringLiteral("/batch"), batch<service>),
    };
}

} // namespace

const QList<Route> &routeTable()
{
    using namespace handlers;
    static const QList<Route> table = itemRoutes<&Services::features>(QStringLiteral("/api/v1/feature"), createFeature, updateFeature)
        + itemRoutes<&Services::orders>(QStringLiteral("/api/v1/order"), createOrder, updateOrder) + QList<Route>{
        route("POST", "/api/v1/auth/token", issueToken, Access::Public),
        route("DELETE", "/api/v1/auth/token", revokeToken),

        route("POST", "/api/v1/product", createProduct),
        route("GET", "/api/v1/product", listProducts),
        route("GET", "/api/v1/product/{id}", getProduct),
        route("PATCH", "/api/v1/product/{id}", updateProduct),
        route("DELETE", "/api/v1/product/{id}", deleteProduct),

        route("GET", "/api/v1/user/me", currentUser),
        route("GET", "/api/v1/user", listUsers),
        route("POST", "/api/v1/user", createUser),
        route("GET", "/api/v1/user/{username}", getUser),
        route("PATCH", "/api/v1/user/{username}", updateUser),

        route("GET", "/api/v1/audit", listAudit),
        route("GET", "/api/v1/audit/verify", verifyAudit),
        route("GET", "/api/v1/events", eventStream),

        route("GET", "/api/v1/policy", getPolicy),
        route("PUT", "/api/v1/policy", updatePolicy),

        route("GET", "/api/v1/stats", getStats),
        route("POST", "/api/v1/webhook", createWebhook),
        route("GET", "/api/v1/webhook", listWebhooks),
        route("GET", "/api/v1/webhook/{id}", getWebhook),
        route("PATCH", "/api/v1/webhook/{id}", updateWebhook),
        route("DELETE", "/api/v1/webhook/{id}", deleteWebhook),
        route("GET", "/api/v1/webhook/{id}/delivery", listWebhookDeliveries),
        route("POST", "/api/v1/webhook/{id}/delivery/{delivery_id}/retry", retryWebhookDelivery),

        route("GET", "/api/v1/openapi.json", openApi, Access::Public),
        route("GET", "/healthz", health, Access::Probe),
        route("GET", "/readyz", ready, Access::Probe),
        route("GET", "/metrics", metrics, Access::Public),
    };
    return table;
}

} // namespace signoff::rest
