// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ConnectionPolicy.h"
#include "HttpResponse.h"
#include "RequestFramer.h"
#include "ResponseStream.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>
#include <memory>

class QTcpSocket;

namespace signoff::rest {

class ProxySocket;
class RequestRecorder;

// One client connection behind the guard. It owns the real socket, splits
// what arrives into requests with RequestFramer (answering oversized,
// malformed and Expect: 100-continue requests itself), hands each whole
// request to QHttpServer through a ProxySocket, writes the answer, and closes
// idle connections. Closing is graceful: the answer is flushed, our side is
// shut down, and whatever the client still sends is discarded, not kept,
// until it closes too (so it reads the answer instead of a reset). With TLS
// the real socket is a QSslSocket in server mode: the framer sees decrypted
// bytes, and closing sends TLS's close_notify after the answer.
//
// A response with a stream (HttpResponse::stream: the event stream) turns the
// connection into a stream's: the head goes out without a Content-Length,
// the stream writes the body over time (StreamSink), the idle timeout no
// longer applies, nothing the client still sends is read as a request, and
// the connection closes when the stream ends, the client leaves, or the
// server drains.
class GuardedConnection final : public QObject, private StreamSink
{
    Q_OBJECT
public:
    GuardedConnection(qintptr descriptor, const ConnectionPolicy &policy, RequestRecorder &recorder, QObject *parent);
    ~GuardedConnection() override;

    // Whether the real socket could be set up; if not, the connection is
    // finished already.
    bool isValid() const { return m_proxy != nullptr; }
    ProxySocket *proxy() const { return m_proxy.data(); }

    // The request QHttpServer is handling right now.
    const RequestHead &currentRequest() const { return m_current; }
    qint64 nanosecondsSinceRequest() const { return m_requestTimer.nsecsElapsed(); }

    // The answer to the current request. Closes afterwards when the client
    // asked for it, the server is stopping, or `close` says so.
    void respond(const HttpResponse &response, bool close = false);
    // Whether an answer body of `bytes` fits what the server may hold unread
    // (UnsentBudget); a large one that does not is answered with 503 instead.
    bool admits(qint64 bytes) const { return !m_budget || m_budget->admits(bytes); }
    // Said while the current request is being dispatched: its answer comes
    // later, through respond(), from another turn of the event loop. Until
    // then the connection reads no further request (answers stay in order),
    // and neither the idle timer nor a drain closes it.
    void deferResponse();

    // Stops after the request in progress, if any; closes at once otherwise.
    void beginDrain();
    // Ends the connection now, written or not (shutdown deadline).
    void abort();

    // From ProxySocket: bytes QHttpServer wrote itself, and its close.
    void writeFromServer(const QByteArray &bytes);
    void closeFromServer();

signals:
    // The connection is over; it deletes itself later.
    void finished();

private:
    enum class Phase { Open, Closing, Finished };

    // StreamSink, for the stream of a streamed response.
    void writeBody(const QByteArray &bytes) override;
    void endBody() override;
    void startStream(const HttpResponse &response);

    void onReadyRead();
    void onBytesWritten();
    void onIdleTimeout();
    void onRequestDeadline();
    // Bytes of our answers not yet on the wire (for TLS: before and after encryption).
    qint64 unsentBytes() const override;
    // Tells the server's UnsentBudget what this connection holds now.
    void accountUnsent();
    void pump();
    void dispatch(const QByteArray &request);
    void answer(int status, const QString &type, const QString &detail);
    void closeAfterWriting();
    void shutDownWriting();
    void finish();
    void touch();

    QTcpSocket *m_socket = nullptr;
    QPointer<ProxySocket> m_proxy;
    RequestRecorder &m_recorder;
    RequestFramer m_framer;
    QByteArray m_unparsed;  // read from the socket, not yet given to the framer
    RequestHead m_current;
    QElapsedTimer m_requestTimer;
    QTimer m_idleTimer;
    QTimer m_requestDeadline;
    bool m_tls = false;
    QTimer m_lingerTimer;
    Phase m_phase = Phase::Open;
    bool m_dispatching = false;
    bool m_deferred = false;   // the current request's answer comes later
    bool m_inDelivery = false; // QHttpServer is handling the current request right now
    bool m_responded = false;
    bool m_closeAfterResponse = false;
    bool m_continueSent = false;
    bool m_draining = false;
    bool m_writingShutDown = false;
    qint64 m_discarded = 0;
    UnsentBudget *m_budget = nullptr;
    qint64 m_accounted = 0; // our share of m_budget
    std::shared_ptr<ResponseStream> m_stream; // set while the connection carries a streamed body
};

} // namespace signoff::rest
