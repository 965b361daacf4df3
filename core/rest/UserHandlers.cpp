#include "HandlerSupport.h"
#include "Handlers.h"
#include "service/Services.h"

namespace signoff::rest::handlers {

namespace {

std::optional<Role> readRole(JsonFields &fields, Presence presence)
{
    const std::optional<QString> text = fields.text(QStringLiteral("role"), presence);
    if (!text)
        return std::nullopt;
    const std::optional<Role> role = roleFromString(*text);
    if (!role)
        fields.addProblem(QStringLiteral("role"), Message(QT_TRANSLATE_NOOP("Rest", "Use requester, reviewer or admin.")));
    return role;
}

} // namespace

HttpResponse currentUser(RequestContext &context)
{
    return readResponse(context, context.services.users().me(context.user()));
}

HttpResponse listUsers(RequestContext &context)
{
    QueryParameters parameters(context.request.url(),
                               {QStringLiteral("q"), QStringLiteral("limit"), QStringLiteral("after")});
    UserQuery query;
    query.search = parameters.text(QStringLiteral("q"));
    query.page = parameters.page();
    if (!parameters.problems().isEmpty())
        return invalidResponse(parameters.problems());
    return pageResponse(context.services.users().list(context.user(), query));
}

HttpResponse createUser(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    JsonFields fields(body.value());
    NewUser input;
    input.username = fields.text(QStringLiteral("username"), Presence::Required).value_or(QString());
    input.displayName = fields.text(QStringLiteral("display_name")).value_or(QString());
    input.role = readRole(fields, Presence::Required).value_or(Role::Requester);
    input.password = fields.text(QStringLiteral("password"), Presence::Required).value_or(QString());
    if (!fields.problems().isEmpty())
        return invalidResponse(fields.problems());

    auto user = context.services.users().create(context.user(), input);
    if (!user)
        return toResponse(user.error());
    return createdResponse(user.value(), QStringLiteral("/api/v1/user/") + user->username);
}

HttpResponse getUser(RequestContext &context)
{
    return readResponse(context, context.services.users().get(context.user(), context.parameter()));
}

HttpResponse updateUser(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    JsonFields fields(body.value());
    UserPatch patch;
    patch.displayName = fields.text(QStringLiteral("display_name"));
    patch.role = readRole(fields, Presence::Optional);
    patch.disabled = fields.boolean(QStringLiteral("disabled"));
    patch.password = fields.text(QStringLiteral("password"));
    if (!fields.problems().isEmpty())
        return invalidResponse(fields.problems());
    auto version = context.expectedVersion();
    if (!version)
        return toResponse(version.error());

    auto user = context.services.users().update(context.user(), context.parameter(), patch, version.value());
    if (!user)
        return toResponse(user.error());
    return itemResponse(200, user.value());
}

} // namespace signoff::rest::handlers
