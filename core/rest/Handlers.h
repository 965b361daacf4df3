// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "HttpResponse.h"

namespace signoff::rest {

struct RequestContext;

// The route handlers: parse, call one service method, answer. The route
// table (Routes.cpp) binds them to methods and paths.
namespace handlers {

HttpResponse issueToken(RequestContext &context);
HttpResponse revokeToken(RequestContext &context);

// Features and orders: what differs between them (their bodies). What they
// share is one template per operation (ItemHandlers.h), bound in Routes.cpp.
HttpResponse createFeature(RequestContext &context);
HttpResponse updateFeature(RequestContext &context);

HttpResponse createOrder(RequestContext &context);
HttpResponse updateOrder(RequestContext &context);

HttpResponse createProduct(RequestContext &context);
HttpResponse listProducts(RequestContext &context);
HttpResponse getProduct(RequestContext &context);
HttpResponse updateProduct(RequestContext &context);
HttpResponse deleteProduct(RequestContext &context);

HttpResponse currentUser(RequestContext &context);
HttpResponse listUsers(RequestContext &context);
HttpResponse createUser(RequestContext &context);
HttpResponse getUser(RequestContext &context);
HttpResponse updateUser(RequestContext &context);

HttpResponse listAudit(RequestContext &context);
HttpResponse verifyAudit(RequestContext &context);
HttpResponse eventStream(RequestContext &context);

HttpResponse getPolicy(RequestContext &context);
HttpResponse updatePolicy(RequestContext &context);

HttpResponse getStats(RequestContext &context);
HttpResponse createWebhook(RequestContext &context);
HttpResponse listWebhooks(RequestContext &context);
HttpResponse getWebhook(RequestContext &context);
HttpResponse updateWebhook(RequestContext &context);
HttpResponse deleteWebhook(RequestContext &context);
HttpResponse listWebhookDeliveries(RequestContext &context);
HttpResponse retryWebhookDelivery(RequestContext &context);

HttpResponse health(RequestContext &context);
// GET /readyz: whether this server takes traffic (starting, draining, database).
HttpResponse ready(RequestContext &context);
HttpResponse metrics(RequestContext &context);
HttpResponse openApi(RequestContext &context);

} // namespace handlers

} // namespace signoff::rest
