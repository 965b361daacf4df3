// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HandlerSupport.h"
#include "Handlers.h"
#include "RequestBodies.h"
#include "service/Services.h"

namespace signoff::rest::handlers {

HttpResponse currentUser(RequestContext &context)
{
    return readResponse(context, context.services.users().me(context.user()));
}

HttpResponse listUsers(RequestContext &context)
{
    QueryParameters parameters(context.request.url(),
                               {QStringLiteral("q"), QStringLiteral("sort"), QStringLiteral("limit"), QStringLiteral("after")});
    UserQuery query;
    query.search = parameters.text(QStringLiteral("q"));
    query.order = parameters.order(EntityType::User);
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
    auto input = bodies::newUser(body.value());
    if (!input)
        return toResponse(input.error());

    auto user = context.services.users().create(context.user(), input.value());
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
    auto patch = bodies::userPatch(body.value());
    if (!patch)
        return toResponse(patch.error());
    auto version = context.expectedVersion();
    if (!version)
        return toResponse(version.error());

    auto user = context.services.users().update(context.user(), context.parameter(), patch.value(), version.value());
    if (!user)
        return toResponse(user.error());
    return itemResponse(200, user.value());
}

} // namespace signoff::rest::handlers
