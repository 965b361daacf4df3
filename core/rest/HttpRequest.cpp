// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HttpRequest.h"

#include <QHttpServerRequest>

namespace signoff::rest {

HttpRequest::HttpRequest(const QHttpServerRequest &request)
    : m_url(request.url())
    , m_body(request.body())
    , m_headers(request.headers())
    , m_remoteAddress(request.remoteAddress())
{
}

QByteArray HttpRequest::value(const QByteArray &name) const
{
    QByteArray joined;
    bool found = false;
    for (const auto &[headerName, headerValue] : m_headers) {
        if (headerName.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (found)
            joined += ", ";
        joined += headerValue;
        found = true;
    }
    return joined;
}

} // namespace signoff::rest
