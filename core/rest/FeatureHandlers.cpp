#include "Handlers.h"
#include "ItemHandlers.h"

namespace signoff::rest::handlers {

namespace {
constexpr auto features = &Services::features;
} // namespace

HttpResponse createFeature(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    JsonFields fields(body.value());
    NewFeature input;
    input.name = fields.text(QStringLiteral("name"), Presence::Required).value_or(QString());
    input.options = fields.object(QStringLiteral("options")).value_or(QJsonObject());
    if (!fields.problems().isEmpty())
        return invalidResponse(fields.problems());

    auto feature = context.services.features().create(context.user(), input);
    if (!feature)
        return toResponse(feature.error());
    return createdResponse(feature.value(), QStringLiteral("/api/v1/feature/") + idString(feature->id));
}

HttpResponse updateFeature(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    JsonFields fields(body.value());
    FeaturePatch patch;
    patch.name = fields.text(QStringLiteral("name"));
    patch.options = fields.object(QStringLiteral("options"));
    if (!fields.problems().isEmpty())
        return invalidResponse(fields.problems());
    auto version = context.expectedVersion();
    if (!version)
        return toResponse(version.error());

    auto feature = context.services.features().update(context.user(), context.id(), patch, version.value());
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

} // namespace signoff::rest::handlers
