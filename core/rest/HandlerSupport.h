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

} // namespace signoff::rest
