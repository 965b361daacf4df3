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

HttpResponse createFeature(RequestContext &context);
HttpResponse listFeatures(RequestContext &context);
HttpResponse getFeature(RequestContext &context);
HttpResponse updateFeature(RequestContext &context);
HttpResponse deleteFeature(RequestContext &context);
HttpResponse submitFeature(RequestContext &context);
HttpResponse approveFeature(RequestContext &context);
HttpResponse rejectFeature(RequestContext &context);
HttpResponse reviseFeature(RequestContext &context);
HttpResponse featureHistory(RequestContext &context);
HttpResponse withdrawFeature(RequestContext &context);
HttpResponse featureComments(RequestContext &context);
HttpResponse commentFeature(RequestContext &context);
HttpResponse batchFeature(RequestContext &context);

HttpResponse createOrder(RequestContext &context);
HttpResponse listOrders(RequestContext &context);
HttpResponse getOrder(RequestContext &context);
HttpResponse updateOrder(RequestContext &context);
HttpResponse deleteOrder(RequestContext &context);
HttpResponse submitOrder(RequestContext &context);
HttpResponse approveOrder(RequestContext &context);
HttpResponse rejectOrder(RequestContext &context);
HttpResponse reviseOrder(RequestContext &context);
HttpResponse orderHistory(RequestContext &context);
HttpResponse withdrawOrder(RequestContext &context);
HttpResponse orderComments(RequestContext &context);
HttpResponse commentOrder(RequestContext &context);
HttpResponse batchOrder(RequestContext &context);

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

HttpResponse health(RequestContext &context);
// GET /readyz: whether this server takes traffic (starting, draining, database).
HttpResponse ready(RequestContext &context);
HttpResponse metrics(RequestContext &context);
HttpResponse openApi(RequestContext &context);

} // namespace handlers

} // namespace signoff::rest
