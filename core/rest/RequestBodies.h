// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/ApprovalPolicy.h"
#include "domain/Feature.h"
#include "domain/Order.h"
#include "domain/Product.h"
#include "domain/Result.h"
#include "domain/User.h"
#include "domain/Webhook.h"
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
// {"feature":{"required_approvals"},"order":{"required_approvals","thresholds"?:[...]}}
Result<ApprovalPolicy> policy(const QJsonObject &body);
// {"body"}: a comment on an item.
Result<QString> commentBody(const QJsonObject &body);

// {"url","events":[...],"active"?}: a webhook endpoint; all optional for a change.
Result<NewWebhook> newWebhook(const QJsonObject &body);
Result<WebhookPatch> webhookPatch(const QJsonObject &body);

// {"action","items":[{"id","version"?}],"comment"?|"reason"?}: one decision
// for many items. An id that is not one is kept as the null id (404 for that
// item, as its own request would answer); `version` is the item's If-Match.
struct BatchItem
{
    QUuid id;
    QString idText; // as sent, for the result
    std::optional<int> version;
};
struct Batch
{
    WorkflowAction action = WorkflowAction::Submit;
    QList<BatchItem> items;
    QString comment; // the reason, for reject
};
Result<Batch> batch(const QJsonObject &body);

} // namespace bodies

} // namespace signoff::rest
