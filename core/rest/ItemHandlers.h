// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "HandlerSupport.h"
#include "RequestBodies.h"
#include "domain/Validation.h"
#include "service/Services.h"

#include <type_traits>

namespace signoff::rest::items {

// What features and orders share over HTTP, as their services share it in
// core: reading, listing, deleting, the workflow transitions and the history.
// `service` selects the service (&Services::features or &Services::orders).

template<auto service>
auto &serviceOf(RequestContext &context)
{
    return (context.services.*service)();
}

template<auto service>
constexpr EntityType entityTypeOf()
{
    return std::is_same_v<decltype(service), decltype(&Services::features)> ? EntityType::Feature : EntityType::Order;
}

// ?status=&owner=&q=&sort=&limit=&after= as core's ItemQuery.
inline Result<ItemQuery> itemQuery(const RequestContext &context, EntityType type)
{
    QueryParameters parameters(context.request.url(),
                               {QStringLiteral("status"), QStringLiteral("owner"), QStringLiteral("q"),
                                QStringLiteral("sort"), QStringLiteral("limit"), QStringLiteral("after")});
    ItemQuery query;
    if (const QString status = parameters.text(QStringLiteral("status")); !status.isEmpty()) {
        query.status = itemStatusFromString(status);
        if (!query.status)
            parameters.addProblem(QStringLiteral("status"),
                                  Message(QT_TRANSLATE_NOOP("Rest", "Use draft, pending, approved or rejected.")));
    }
    query.ownerUsername = parameters.text(QStringLiteral("owner"));
    query.search = parameters.text(QStringLiteral("q"));
    query.order = parameters.order(type);
    query.page = parameters.page();
    if (!parameters.problems().isEmpty())
        return Error::invalid(parameters.problems());
    return query;
}

template<auto service>
HttpResponse list(RequestContext &context)
{
    auto query = itemQuery(context, entityTypeOf<service>());
    if (!query)
        return toResponse(query.error());
    return pageResponse(serviceOf<service>(context).list(context.user(), query.value()));
}

template<auto service>
HttpResponse get(RequestContext &context)
{
    return readResponse(context, serviceOf<service>(context).get(context.user(), context.id()));
}

template<auto service>
HttpResponse remove(RequestContext &context)
{
    return removeResponse(context, [&](ExpectedVersion version) {
        return serviceOf<service>(context).remove(context.user(), context.id(), version);
    });
}

// POST .../{id}/submit|approve|reject|revise with {"comment"} or, where core
// requires a reason (reject), {"reason"}; If-Match carries the version seen.
template<auto service, WorkflowAction action>
HttpResponse transition(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    auto comment = bodies::transitionComment(body.value(), action);
    if (!comment)
        return toResponse(comment.error());
    auto version = context.expectedVersion();
    if (!version)
        return toResponse(version.error());
    auto item = serviceOf<service>(context).transition(context.user(), context.id(), action, version.value(), comment.value());
    if (!item)
        return toResponse(item.error());
    return itemResponse(200, item.value());
}

template<auto service>
HttpResponse history(RequestContext &context)
{
    auto events = serviceOf<service>(context).history(context.user(), context.id());
    if (!events)
        return toResponse(events.error());
    return HttpResponse::json(200, itemsJson(events.value()));
}

// GET .../{id}/comment: the discussion, oldest first.
template<auto service>
HttpResponse comments(RequestContext &context)
{
    auto list = serviceOf<service>(context).comments(context.user(), context.id());
    if (!list)
        return toResponse(list.error());
    return HttpResponse::json(200, itemsJson(list.value()));
}

// POST .../{id}/comment {"body"}: 201 with the comment.
template<auto service>
HttpResponse addComment(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    auto text = bodies::commentBody(body.value());
    if (!text)
        return toResponse(text.error());
    auto comment = serviceOf<service>(context).addComment(context.user(), context.id(), text.value());
    if (!comment)
        return toResponse(comment.error());
    return HttpResponse::json(201, toJson(comment.value()));
}

// A decision without the version it is about (approve, reject without
// If-Match): 428 (docs/design.md, "State machine").
inline bool needsVersion(WorkflowAction action)
{
    return action == WorkflowAction::Approve || action == WorkflowAction::Reject;
}

inline Problem preconditionRequired()
{
    return httpProblem(428, QStringLiteral("precondition-required"),
                       QStringLiteral("A decision names the version it is about: send If-Match with the item's ETag."));
}

// POST .../batch: one action on up to 100 items, each in its own
// transaction; each result carries the status its own request would have
// had, and the item or the problem. The comment or reason is judged once.
template<auto service>
HttpResponse batch(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    auto input = bodies::batch(body.value());
    if (!input)
        return toResponse(input.error());
    if (Workflow::requiresReason(input->action)) {
        if (auto problem = validate::reason(input->comment))
            return toResponse(Error::invalidField(QStringLiteral("reason"), *problem));
    } else if (auto problem = validate::comment(input->comment)) {
        return toResponse(Error::invalidField(QStringLiteral("comment"), *problem));
    }
    QJsonArray results;
    for (const bodies::BatchItem &item : input->items) {
        QJsonObject result{{QStringLiteral("id"), item.idText}};
        std::optional<Problem> problem;
        if (needsVersion(input->action) && !item.version) {
            problem = preconditionRequired();
        } else {
            auto decided = serviceOf<service>(context).transition(context.user(), item.id, input->action, item.version,
                                                                  input->comment);
            if (decided) {
                result.insert(QStringLiteral("status"), 200);
                result.insert(QStringLiteral("item"), toJson(decided.value()));
            } else {
                problem = problemFor(decided.error());
            }
        }
        if (problem) {
            result.insert(QStringLiteral("status"), problem->status);
            result.insert(QStringLiteral("problem"), problemDocument(*problem));
        }
        results.append(result);
    }
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("results"), results}});
}

} // namespace signoff::rest::items
