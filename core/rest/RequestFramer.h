// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>

namespace signoff::rest {

// The limits (docs/design.md, "Security") that Qt 6.4's server does not enforce.
namespace http {
constexpr qsizetype maxHeadBytes = 16 * 1024;   // request line and headers: more is 431
constexpr qint64 maxBodyBytes = 1024 * 1024;    // declared or received body: more is 413
} // namespace http

// What the guard learnt from a request's head.
struct RequestHead
{
    QByteArray method;
    QByteArray target;
    int minorVersion = 1;        // HTTP/1.x
    bool keepAlive = true;       // HTTP/1.1 without "Connection: close"
    bool expectsContinue = false;
    bool chunked = false;
    qint64 contentLength = 0;    // when not chunked
};

// Why the guard answered a request itself.
struct FramingRejection
{
    int status = 400;
    QString type;    // problem type suffix, e.g. "headers-too-large"
    QString detail;
};

// Splits the bytes of one connection into whole HTTP/1.1 requests, checking
// the limits on the way, before Qt's parser sees any of them: a head larger
// than 16 KiB or a body larger than 1 MiB is refused as soon as that is
// known, without waiting for (or keeping) the rest. It understands only what
// framing needs (request line, Content-Length, Transfer-Encoding: chunked,
// Connection, Expect, Host); everything else is left to QHttpServer.
class RequestFramer
{
public:
    enum class Status { NeedMore, Complete, Rejected };

    RequestFramer(qsizetype maxHeadBytes = http::maxHeadBytes, qint64 maxBodyBytes = http::maxBodyBytes);

    // Takes bytes from the front of `input` until one request is complete or
    // rejected. On Complete, bytes of the next request stay in `input`.
    Status consume(QByteArray &input);

    bool hasHead() const { return m_headEnd > 0; }
    // As far as it was read (a rejected head may be partly filled).
    const RequestHead &head() const { return m_head; }
    // Whether any byte of a request has arrived (an idle connection has none).
    bool inProgress() const { return !m_raw.isEmpty(); }
    // Whether the body has started to arrive (an answer to Expect: 100-continue
    // is only useful before that).
    bool bodyStarted() const { return hasHead() && m_raw.size() > m_headEnd; }
    const FramingRejection &rejection() const { return m_rejection; }

    // The complete request as received (head and body); resets for the next.
    QByteArray takeRequest();

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Complete, Rejected };
    enum class LineState { Incomplete, Complete, TooLong, Malformed };
    struct Line
    {
        LineState state = LineState::Incomplete;
        QByteArray text; // without its CR LF
    };
    // What the head's fields say about framing, gathered while reading them.
    struct HeadFields
    {
        bool close = false;
        bool hasContentLength = false;
        QByteArray transferEncoding;
        int hosts = 0;
    };

    Status reject(int status, const QString &type, const QString &detail);
    Status malformed(const QString &detail); // 400
    Status bodyTooLarge();                   // 413
    Status parseHeadIfComplete();
    qsizetype findHeadEnd();
    Status parseHead(qsizetype end);
    Status parseRequestLine(const QByteArray &line);
    Status parseField(const QByteArray &line, HeadFields *fields);
    Status takeContentLength(const QByteArray &value, HeadFields *fields);
    Status checkFraming(const HeadFields &fields);
    Status startBody();
    Status continueBody();
    Status bodyStep();
    Status readFixedBody();
    Status readChunkSize();
    Status readChunkData();
    Status readChunkDataEnd();
    Status readTrailer();
    // The next CR LF-terminated line from m_pos; m_pos moves past it when complete.
    Line nextLine(qsizetype maxLength);

    const qsizetype m_maxHeadBytes;
    const qint64 m_maxBodyBytes;
    State m_state = State::Head;
    QByteArray m_raw;          // this request's bytes so far
    qsizetype m_pos = 0;       // parsed up to here
    qsizetype m_headStart = 0; // after empty lines that precede the request line
    qsizetype m_headEnd = 0;   // where the body starts
    qsizetype m_scanFrom = 0;  // where to look for the end of the head next time
    qint64 m_bodyBytes = 0;    // body bytes received (decoded, for chunked)
    qint64 m_chunkLeft = 0;
    qsizetype m_trailerBytes = 0;
    RequestHead m_head;
    FramingRejection m_rejection;
};

} // namespace signoff::rest
