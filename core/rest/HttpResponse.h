// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <memory>
#include <utility>

namespace signoff::rest {

class ResponseStream;

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

namespace mime {
inline constexpr char json[] = "application/json";
inline constexpr char problem[] = "application/problem+json";
inline constexpr char prometheus[] = "text/plain; version=0.0.4; charset=utf-8";
inline constexpr char eventStream[] = "text/event-stream; charset=utf-8";
inline constexpr char csv[] = "text/csv; charset=utf-8; header=present";
} // namespace mime

// One answer, built by a handler or the guard and written by the connection.
// The content type is always explicit (QHttpServerResponse would guess it
// with QMimeDatabase, which is slow).
struct HttpResponse
{
    int status = 200;
    QByteArray contentType; // empty: no body
    QByteArray body;
    HeaderList headers;
    // Never sent: what went wrong, for the ERROR log line of a 5xx.
    QString failure;
    // Set: the body is written over time by this stream (ResponseStream.h),
    // not taken from `body`, and the connection closes when it ends.
    std::shared_ptr<ResponseStream> stream;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse withBody(int status, const char *contentType, QByteArray body);
    static HttpResponse empty(int status);
};

QByteArray reasonPhrase(int status);

// The response as bytes on the wire: status line, Date, Content-Length,
// the headers, the body. `omitBody` answers HEAD (the headers GET would have,
// no body); `close` announces that the connection ends after it.
QByteArray serializeResponse(const HttpResponse &response, bool omitBody, bool close);
// The head of a streamed response: no Content-Length, "Connection: close"
// (the body ends with the connection).
QByteArray serializeStreamHead(const HttpResponse &response);

} // namespace signoff::rest
