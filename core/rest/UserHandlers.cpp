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
    return createResponse(context, bodies::newUser,
                          [&](const NewUser &input) { return context.services.users().create(context.user(), input); },
                          QStringLiteral("/api/v1/user"));
}

HttpResponse getUser(RequestContext &context)
{
    return readResponse(context, context.services.users().get(context.user(), context.parameter()));
}

HttpResponse updateUser(RequestContext &context)
{
    return updateResponse(context, bodies::userPatch, [&](const UserPatch &patch, ExpectedVersion version) {
        return context.services.users().update(context.user(), context.parameter(), patch, version);
    });
}

} // namespace signoff::rest::handlers
