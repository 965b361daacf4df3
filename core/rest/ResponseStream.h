// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>

namespace signoff::rest {

// Where a streamed body goes: the connection, once the head is out.
class StreamSink
{
public:
    // Queues bytes for the client.
    virtual void writeBody(const QByteArray &bytes) = 0;
    // Bytes queued and not yet on the wire: a stream stops producing above
    // a mark of its own, and goes on when told writable().
    virtual qint64 unsentBytes() const = 0;
    // The body is complete: the connection closes after sending it.
    virtual void endBody() = 0;

protected:
    ~StreamSink() = default;
};

// A response body written over time instead of at once (the event stream,
// large exports). The handler returns it in HttpResponse::stream; the
// connection sends the head without a Content-Length (the body ends when the
// connection does), then hands itself to start(). The stream lives in the
// connection's thread and is destroyed with the connection, whichever ends first.
class ResponseStream
{
public:
    virtual ~ResponseStream() = default;
    // The head is out: write the body through `sink` from now on.
    virtual void start(StreamSink &sink) = 0;
    // What was queued went out (below the stream's mark, perhaps): more may be written.
    virtual void writable() {}
    // The server is stopping: write the last words, if any (the connection then closes).
    virtual void stopping() {}
};

} // namespace signoff::rest
