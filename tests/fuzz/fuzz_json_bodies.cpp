// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The REST layer's request bodies as core sees them: bytes → JSON object
// (core/rest/JsonBody: not JSON, not an object, a name twice → 400) → the
// input of each resource (core/rest/RequestBodies: types, required and
// unknown fields) → core's validation of that input (core/domain/
// Validation), for every body the API takes. Invariants: no crash, no
// sanitizer finding; every refusal is Invalid and names at least one field
// or is about the body as a whole; an accepted body decodes the same way
// twice.

#include "FuzzCheck.h"
#include "domain/Validation.h"
#include "domain/WebhookRules.h"
#include "rest/JsonBody.h"
#include "rest/RequestBodies.h"

#include <cstdint>

using namespace signoff;
using namespace signoff::rest;

namespace {

template<typename T>
void checkRefusal(const Result<T> &decoded)
{
    if (decoded)
        return;
    FUZZ_CHECK(decoded.error().kind == ErrorKind::Invalid);
    FUZZ_CHECK(!decoded.error().fields.isEmpty());
    for (const FieldError &field : decoded.error().fields)
        FUZZ_CHECK(!field.field.isEmpty() && !field.message.isEmpty());
}

void checkProblems(const QList<FieldError> &problems)
{
    for (const FieldError &problem : problems) {
        FUZZ_CHECK(!problem.field.isEmpty());
        FUZZ_CHECK(!problem.message.isEmpty());
        FUZZ_CHECK(!problem.message.english().isEmpty());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<QJsonObject> object = parseJsonObject(body);
    if (!object) {
        FUZZ_CHECK(object.error().kind == ErrorKind::Invalid);
        FUZZ_CHECK(!object.error().message.english().isEmpty());
        return 0;
    }
    const QJsonObject &json = object.value();

    const auto credentials = bodies::credentials(json);
    checkRefusal(credentials);

    const auto feature = bodies::newFeature(json);
    checkRefusal(feature);
    if (feature)
        checkProblems(validate::newFeature(feature.value()));
    const auto featurePatch = bodies::featurePatch(json);
    checkRefusal(featurePatch);
    if (featurePatch)
        checkProblems(validate::featurePatch(featurePatch.value()));

    const auto order = bodies::newOrder(json);
    checkRefusal(order);
    if (order) {
        checkProblems(validate::newOrder(order.value()));
        // Decoding is a function of the body alone.
        const auto again = bodies::newOrder(json);
        FUZZ_CHECK(again && again->lines.size() == order->lines.size() && again->note == order->note);
    }
    const auto orderPatch = bodies::orderPatch(json);
    checkRefusal(orderPatch);
    if (orderPatch)
        checkProblems(validate::orderPatch(orderPatch.value()));

    const auto product = bodies::newProduct(json);
    checkRefusal(product);
    if (product)
        checkProblems(validate::newProduct(product.value()));
    const auto productPatch = bodies::productPatch(json);
    checkRefusal(productPatch);
    if (productPatch)
        checkProblems(validate::productPatch(productPatch.value()));

    const auto user = bodies::newUser(json);
    checkRefusal(user);
    if (user)
        checkProblems(validate::newUser(user.value()));
    const auto userPatch = bodies::userPatch(json);
    checkRefusal(userPatch);
    if (userPatch)
        checkProblems(validate::userPatch(userPatch.value()));

    for (const WorkflowAction action :
         {WorkflowAction::Submit, WorkflowAction::Approve, WorkflowAction::Reject, WorkflowAction::Revise,
          WorkflowAction::Withdraw}) {
        const auto comment = bodies::transitionComment(json, action);
        checkRefusal(comment);
        if (comment && !comment->isEmpty()) {
            const auto problem = Workflow::requiresReason(action) ? validate::reason(comment.value())
                                                                  : validate::comment(comment.value());
            FUZZ_CHECK(!problem || !problem->isEmpty());
        }
    }

    const auto policy = bodies::policy(json);
    checkRefusal(policy);
    if (policy) {
        checkProblems(validate::policy(policy.value()));
        // What validates is what is stored: it reads back the same.
        if (validate::policy(policy.value()).isEmpty()) {
            const auto stored = ApprovalPolicy::fromJson(policy->toJson());
            FUZZ_CHECK(stored && stored->sameRules(policy.value()));
        }
    }
    const auto comment = bodies::commentBody(json);
    checkRefusal(comment);
    if (comment) {
        const auto problem = validate::commentBody(comment.value());
        FUZZ_CHECK(!problem || !problem->isEmpty());
        if (!problem)
            FUZZ_CHECK(!normalizedComment(comment.value()).isEmpty());
    }
    const auto batch = bodies::batch(json);
    checkRefusal(batch);
    if (batch)
        FUZZ_CHECK(batch->items.size() >= 1 && batch->items.size() <= limits::batchItemsMax);

    const auto endpoint = bodies::newWebhook(json);
    checkRefusal(endpoint);
    if (endpoint)
        checkProblems(webhook::validateNew(endpoint.value()));
    const auto webhookPatch = bodies::webhookPatch(json);
    checkRefusal(webhookPatch);
    if (webhookPatch)
        checkProblems(webhook::validatePatch(webhookPatch.value()));
    return 0;
}
