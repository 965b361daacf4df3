// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Feature.h"
#include "domain/Order.h"
#include "domain/Product.h"
#include "domain/Result.h"
#include "domain/User.h"
#include "domain/Workflow.h"

#include <QJsonObject>
#include <QString>

namespace signoff::rest {

// The request bodies of the API turned into core's inputs: each field of
// the right JSON type, required ones present, no field the OpenAPI document
// does not name. Values are judged by core's validation, not here. Every
// problem is reported at once (Invalid with one FieldError per field).
// Kept apart from the handlers so that the fuzz tests (tests/fuzz) drive
// exactly the decoding the server runs.
namespace bodies {

struct Credentials
{
    QString username;
    QString password;
};

Result<Credentials> credentials(const QJsonObject &body);
Result<NewFeature> newFeature(const QJsonObject &body);
Result<FeaturePatch> featurePatch(const QJsonObject &body);
Result<NewOrder> newOrder(const QJsonObject &body);
Result<OrderPatch> orderPatch(const QJsonObject &body);
Result<NewProduct> newProduct(const QJsonObject &body);
Result<ProductPatch> productPatch(const QJsonObject &body);
Result<NewUser> newUser(const QJsonObject &body);
Result<UserPatch> userPatch(const QJsonObject &body);
// {"comment"} for submit, approve and revise; {"reason"} for reject.
Result<QString> transitionComment(const QJsonObject &body, WorkflowAction action);

} // namespace bodies

} // namespace signoff::rest
