// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QUrl>

class QHttpServerRequest;

namespace signoff::rest {

// A request as the handlers see it, copied out of QHttpServerRequest (whose
// values are shared, not duplicated): it can outlive QHttpServer's turn and
// travel to a worker thread with the handler that serves it.
class HttpRequest
{
public:
    explicit HttpRequest(const QHttpServerRequest &request);

    const QUrl &url() const { return m_url; }
    const QByteArray &body() const { return m_body; }
    const QHostAddress &remoteAddress() const { return m_remoteAddress; }
    // A header's value; several of the same name joined by ", ", as
    // QHttpServerRequest::value() does. Names are case-insensitive.
    QByteArray value(const QByteArray &name) const;

private:
    QUrl m_url;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QHostAddress m_remoteAddress;
};

} // namespace signoff::rest
