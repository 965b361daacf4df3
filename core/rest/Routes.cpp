// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Routes.h"

#include "Handlers.h"

namespace signoff::rest {

namespace {

Route route(const char *method, const char *path, Handler handler, Access access = Access::Authenticated)
{
    return Route{QByteArray(method), QString::fromLatin1(path), access, handler};
}

} // namespace

const QList<Route> &routeTable()
{
    using namespace handlers;
    static const QList<Route> table{
        route("POST", "/api/v1/auth/token", issueToken, Access::Public),
        route("DELETE", "/api/v1/auth/token", revokeToken),

        route("POST", "/api/v1/feature", createFeature),
        route("GET", "/api/v1/feature", listFeatures),
        route("GET", "/api/v1/feature/{id}", getFeature),
        route("PATCH", "/api/v1/feature/{id}", updateFeature),
        route("DELETE", "/api/v1/feature/{id}", deleteFeature),
        route("POST", "/api/v1/feature/{id}/submit", submitFeature),
        route("POST", "/api/v1/feature/{id}/approve", approveFeature),
        route("POST", "/api/v1/feature/{id}/reject", rejectFeature),
        route("POST", "/api/v1/feature/{id}/revise", reviseFeature),
        route("POST", "/api/v1/feature/{id}/withdraw", withdrawFeature),
        route("GET", "/api/v1/feature/{id}/history", featureHistory),
        route("GET", "/api/v1/feature/{id}/comment", featureComments),
        route("POST", "/api/v1/feature/{id}/comment", commentFeature),
        route("POST", "/api/v1/feature/batch", batchFeature),

        route("POST", "/api/v1/order", createOrder),
        route("GET", "/api/v1/order", listOrders),
        route("GET", "/api/v1/order/{id}", getOrder),
        route("PATCH", "/api/v1/order/{id}", updateOrder),
        route("DELETE", "/api/v1/order/{id}", deleteOrder),
        route("POST", "/api/v1/order/{id}/submit", submitOrder),
        route("POST", "/api/v1/order/{id}/approve", approveOrder),
        route("POST", "/api/v1/order/{id}/reject", rejectOrder),
        route("POST", "/api/v1/order/{id}/revise", reviseOrder),
        route("POST", "/api/v1/order/{id}/withdraw", withdrawOrder),
        route("GET", "/api/v1/order/{id}/history", orderHistory),
        route("GET", "/api/v1/order/{id}/comment", orderComments),
        route("POST", "/api/v1/order/{id}/comment", commentOrder),
        route("POST", "/api/v1/order/batch", batchOrder),

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
