// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Handlers.h"
#include "ItemHandlers.h"
#include "RequestBodies.h"

namespace signoff::rest::handlers {

namespace {
constexpr auto features = &Services::features;
} // namespace

HttpResponse createFeature(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    auto input = bodies::newFeature(body.value());
    if (!input)
        return toResponse(input.error());

    auto feature = context.services.features().create(context.user(), input.value());
    if (!feature)
        return toResponse(feature.error());
    return createdResponse(feature.value(), QStringLiteral("/api/v1/feature/") + idString(feature->id));
}

HttpResponse updateFeature(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    auto patch = bodies::featurePatch(body.value());
    if (!patch)
        return toResponse(patch.error());
    auto version = context.expectedVersion();
    if (!version)
        return toResponse(version.error());

    auto feature = context.services.features().update(context.user(), context.id(), patch.value(), version.value());
    if (!feature)
        return toResponse(feature.error());
    return itemResponse(200, feature.value());
}

HttpResponse listFeatures(RequestContext &context) { return items::list<features>(context); }
HttpResponse getFeature(RequestContext &context) { return items::get<features>(context); }
HttpResponse deleteFeature(RequestContext &context) { return items::remove<features>(context); }
HttpResponse featureHistory(RequestContext &context) { return items::history<features>(context); }

HttpResponse submitFeature(RequestContext &context)
{
    return items::transition<features, WorkflowAction::Submit>(context);
}

HttpResponse approveFeature(RequestContext &context)
{
    return items::transition<features, WorkflowAction::Approve>(context);
}

HttpResponse rejectFeature(RequestContext &context)
{
    return items::transition<features, WorkflowAction::Reject>(context);
}

HttpResponse reviseFeature(RequestContext &context)
{
    return items::transition<features, WorkflowAction::Revise>(context);
}

HttpResponse withdrawFeature(RequestContext &context)
{
    return items::transition<features, WorkflowAction::Withdraw>(context);
}

HttpResponse featureComments(RequestContext &context) { return items::comments<features>(context); }
HttpResponse commentFeature(RequestContext &context) { return items::addComment<features>(context); }
HttpResponse batchFeature(RequestContext &context) { return items::batch<features>(context); }

} // namespace signoff::rest::handlers
