// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "HttpResponse.h"
#include "Problem.h"
#include "Representation.h"
#include "RequestContext.h"
#include "domain/Result.h"

namespace signoff::rest {

// A versioned item (feature, order, product, user) with its ETag.
template<typename T>
HttpResponse itemResponse(int status, const T &item)
{
    HttpResponse response = HttpResponse::withBody(status, mime::json, toJsonBytes(item));
    response.setHeader("ETag", entityTag(item.version));
    return response;
}

// 201 with Location: the path of the new item.
template<typename T>
HttpResponse createdResponse(const T &item, const QString &location)
{
    HttpResponse response = itemResponse(201, item);
    response.setHeader("Location", location.toUtf8());
    return response;
}

inline HttpResponse notModifiedResponse(int version)
{
    HttpResponse response = HttpResponse::empty(304);
    response.setHeader("ETag", entityTag(version));
    return response;
}

inline HttpResponse invalidResponse(const QList<FieldError> &problems)
{
    return toResponse(Error::invalid(problems));
}

// GET of one item: 304 when If-None-Match names its version.
template<typename T>
HttpResponse readResponse(const RequestContext &context, const Result<T> &item)
{
    if (!item)
        return toResponse(item.error());
    if (context.notModified(item->version))
        return notModifiedResponse(item->version);
    return itemResponse(200, item.value());
}

template<typename T>
HttpResponse pageResponse(const Result<Page<T>> &page)
{
    if (!page)
        return toResponse(page.error());
    return HttpResponse::withBody(200, mime::json, toJsonBytes(page.value()));
}

// The steps every write of one resource shares, so that each handler says
// only what differs: how its body reads (RequestBodies.h) and which service
// call it makes.

// What names an item in its URL: its id; a user's name.
template<typename T>
QString locationKey(const T &item)
{
    return idString(item.id);
}
inline QString locationKey(const User &user)
{
    return user.username;
}

// POST of a new item: the body as `readInput` reads it, `create(input)`,
// then 201 with the item and Location `collection` + its id.
template<typename ReadInput, typename Create>
HttpResponse createResponse(RequestContext &context, ReadInput readInput, Create create, const QString &collection)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    auto input = readInput(body.value());
    if (!input)
        return toResponse(input.error());
    auto item = create(input.value());
    if (!item)
        return toResponse(item.error());
    return createdResponse(item.value(), collection + u'/' + locationKey(item.value()));
}

// PATCH: the body as `readPatch` reads it, If-Match's version, then
// `update(patch, version)`; 200 with the changed item and its ETag.
template<typename ReadPatch, typename Update>
HttpResponse updateResponse(RequestContext &context, ReadPatch readPatch, Update update)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    auto patch = readPatch(body.value());
    if (!patch)
        return toResponse(patch.error());
    auto version = context.expectedVersion();
    if (!version)
        return toResponse(version.error());
    auto item = update(patch.value(), version.value());
    if (!item)
        return toResponse(item.error());
    return itemResponse(200, item.value());
}

// DELETE with If-Match: `remove(version)`, then 204.
template<typename Remove>
HttpResponse removeResponse(RequestContext &context, Remove remove)
{
    auto version = context.expectedVersion();
    if (!version)
        return toResponse(version.error());
    auto removed = remove(version.value());
    if (!removed)
        return toResponse(removed.error());
    return HttpResponse::empty(204);
}

// ?limit=&after= and nothing else.
inline Result<PageRequest> pageOnly(const RequestContext &context)
{
    QueryParameters parameters(context.request.url(), {QStringLiteral("limit"), QStringLiteral("after")});
    const PageRequest page = parameters.page();
    if (!parameters.problems().isEmpty())
        return Error::invalid(parameters.problems());
    return page;
}

} // namespace signoff::rest
