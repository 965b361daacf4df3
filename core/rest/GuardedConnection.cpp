// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GuardedConnection.h"

#include "Problem.h"
#include "ProxySocket.h"
#include "RequestRecorder.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <sys/socket.h>
#include <unistd.h>

namespace signoff::rest {

namespace {

constexpr qint64 readChunk = 64 * 1024;
// Qt stops reading from the kernel when this much is buffered: a client that
// pipelines faster than we answer is slowed down by TCP, not by our memory.
constexpr qint64 socketReadBuffer = 256 * 1024;
// Requests wait while this much of our answers is still unsent.
constexpr qint64 writeHighWater = 1024 * 1024;
// After our last answer: how long the client may take to close its side.
constexpr std::chrono::milliseconds lingerTime{2000};
constexpr qint64 maxDiscardedBytes = 4 * 1024 * 1024;

} // namespace

GuardedConnection::GuardedConnection(qintptr descriptor, const ConnectionPolicy &policy, RequestRecorder &recorder,
                                     QObject *parent)
    : QObject(parent)
    , m_recorder(recorder)
    , m_tls(policy.tls.has_value())
    , m_budget(policy.unsent)
{
    QSslSocket *tlsSocket = m_tls ? new QSslSocket(this) : nullptr;
    m_socket = tlsSocket ? tlsSocket : new QTcpSocket(this);
    if (!m_socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor));
        m_phase = Phase::Finished;
        return;
    }
    m_socket->setReadBufferSize(socketReadBuffer);
    m_proxy = new ProxySocket(this, *m_socket);

    // The idle timer also bounds the TLS handshake: a client that never
    // finishes it has sent no request and is closed like an idle one.
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(policy.idleTimeout);
    connect(&m_idleTimer, &QTimer::timeout, this, &GuardedConnection::onIdleTimeout);
    m_requestDeadline.setSingleShot(true);
    m_requestDeadline.setInterval(policy.requestDeadline);
    connect(&m_requestDeadline, &QTimer::timeout, this, &GuardedConnection::onRequestDeadline);
    m_lingerTimer.setSingleShot(true);
    m_lingerTimer.setInterval(lingerTime);
    connect(&m_lingerTimer, &QTimer::timeout, this, &GuardedConnection::abort);

    connect(m_socket, &QTcpSocket::readyRead, this, &GuardedConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &GuardedConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &GuardedConnection::finish);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::SslHandshakeFailedError)
            abort(); // not TLS, or nothing we share: there is no one to answer
        else if (m_socket->state() == QAbstractSocket::UnconnectedState)
            finish();
    });
    if (tlsSocket) {
        connect(tlsSocket, &QSslSocket::encryptedBytesWritten, this, &GuardedConnection::onBytesWritten);
        tlsSocket->setSslConfiguration(*policy.tls);
        tlsSocket->startServerEncryption();
    }
    m_idleTimer.start();
}

qint64 GuardedConnection::unsentBytes() const
{
    const qint64 plain = m_socket->bytesToWrite();
    if (!m_tls)
        return plain;
    return plain + static_cast<const QSslSocket *>(m_socket)->encryptedBytesToWrite();
}

GuardedConnection::~GuardedConnection()
{
    if (m_budget)
        m_budget->adjust(-m_accounted);
}

void GuardedConnection::accountUnsent()
{
    if (!m_budget)
        return;
    const qint64 now = m_phase == Phase::Finished ? 0 : unsentBytes();
    m_budget->adjust(now - m_accounted);
    m_accounted = now;
}

void GuardedConnection::touch()
{
    if (m_phase == Phase::Open && !m_stream)
        m_idleTimer.start();
}

void GuardedConnection::onReadyRead()
{
    if (m_phase == Phase::Closing || m_stream) {
        // The answer is out; what the client still sends is dropped unread.
        m_discarded += m_socket->skip(m_socket->bytesAvailable());
        if (m_discarded > maxDiscardedBytes)
            abort();
        return;
    }
    touch();
    pump();
}

void GuardedConnection::onBytesWritten()
{
    accountUnsent();
    if (m_phase == Phase::Closing) {
        if (unsentBytes() == 0)
            shutDownWriting();
        return;
    }
    if (m_stream) {
        const std::shared_ptr<ResponseStream> stream = m_stream; // alive while it writes, whatever happens
        if (m_phase == Phase::Open)
            stream->writable();
        return;
    }
    touch();
    pump(); // requests may have waited for the client to read our answers
}

void GuardedConnection::pump()
{
    while (m_phase == Phase::Open && !m_dispatching && !m_stream) {
        if (unsentBytes() > writeHighWater)
            return;
        if (m_unparsed.isEmpty()) {
            if (m_socket->bytesAvailable() == 0)
                break;
            // What is there, not a whole chunk: read(readChunk) allocates all of it.
            m_unparsed = m_socket->read(qMin(readChunk, m_socket->bytesAvailable()));
        }
        const bool wasIdle = !m_framer.inProgress();
        const RequestFramer::Status status = m_framer.consume(m_unparsed);
        if (wasIdle && m_framer.inProgress())
            m_requestDeadline.start(); // the first byte of a request: it has this long to be whole
        if (status == RequestFramer::Status::Rejected) {
            const FramingRejection &rejection = m_framer.rejection();
            answer(rejection.status, rejection.type, rejection.detail);
            return;
        }
        if (status == RequestFramer::Status::Complete) {
            m_requestDeadline.stop();
            m_current = m_framer.head();
            dispatch(m_framer.takeRequest());
            continue;
        }
        const RequestHead &head = m_framer.head();
        if (m_framer.hasHead() && head.expectsContinue && !m_continueSent && !m_framer.bodyStarted()
            && (head.chunked || head.contentLength > 0)) {
            m_continueSent = true;
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            accountUnsent();
        }
    }
    if (m_draining && m_phase == Phase::Open && !m_dispatching && !m_stream && !m_framer.inProgress())
        closeAfterWriting();
}

void GuardedConnection::dispatch(const QByteArray &request)
{
    m_responded = false;
    m_closeAfterResponse = false;
    m_continueSent = false;
    m_requestTimer.start();
    m_dispatching = true;
    m_deferred = false;
    m_inDelivery = true;
    if (m_proxy)
        m_proxy->deliver(request);
    m_inDelivery = false;
    if (m_deferred && !m_responded)
        return; // still dispatching: respond() finishes it
    m_dispatching = false;
    m_deferred = false;
    if (m_phase != Phase::Open)
        return;
    if (!m_responded) {
        answer(400, QStringLiteral("malformed-request"), QStringLiteral("The request could not be parsed."));
        return;
    }
    if (m_closeAfterResponse)
        closeAfterWriting();
}

void GuardedConnection::deferResponse()
{
    if (m_dispatching)
        m_deferred = true;
}

void GuardedConnection::respond(const HttpResponse &response, bool close)
{
    if (m_phase != Phase::Open || m_responded)
        return;
    if (response.stream && m_current.method != "HEAD" && !m_draining) {
        startStream(response);
        return;
    }
    const bool closing = close || !m_current.keepAlive || m_draining;
    m_socket->write(serializeResponse(response, m_current.method == "HEAD", closing));
    accountUnsent();
    m_responded = true;
    m_closeAfterResponse = closing;
    touch();
    if (m_deferred && m_dispatching && !m_inDelivery) {
        // A deferred answer: the dispatch that began it ends here.
        m_deferred = false;
        m_dispatching = false;
        if (m_closeAfterResponse)
            closeAfterWriting();
        else
            pump(); // the next request may be waiting already
    }
}

void GuardedConnection::startStream(const HttpResponse &response)
{
    m_socket->write(serializeStreamHead(response));
    accountUnsent();
    m_responded = true;
    m_closeAfterResponse = false;
    m_stream = response.stream;
    m_idleTimer.stop(); // a stream's silence is no idleness: it writes its own keep-alives
    m_requestDeadline.stop();
    m_unparsed.clear();
    if (m_deferred && m_dispatching && !m_inDelivery) {
        m_deferred = false;
        m_dispatching = false;
    }
    const std::shared_ptr<ResponseStream> stream = m_stream; // alive while it starts, whatever happens
    stream->start(*this);
}

void GuardedConnection::writeBody(const QByteArray &bytes)
{
    if (m_phase == Phase::Open && m_stream) {
        m_socket->write(bytes);
        accountUnsent();
    }
}

void GuardedConnection::endBody()
{
    if (m_phase == Phase::Open && m_stream)
        closeAfterWriting();
}

void GuardedConnection::writeFromServer(const QByteArray &bytes)
{
    if (m_phase != Phase::Open)
        return;
    m_socket->write(bytes);
    accountUnsent();
    m_responded = true;
}

void GuardedConnection::closeFromServer()
{
    if (m_phase != Phase::Open)
        return;
    if (!m_responded)
        answer(400, QStringLiteral("malformed-request"), QStringLiteral("The request could not be parsed."));
    else
        closeAfterWriting();
}

void GuardedConnection::answer(int status, const QString &type, const QString &detail)
{
    if (m_phase != Phase::Open)
        return;
    HttpResponse response = toResponse(httpProblem(status, type, detail));
    response.setHeader("X-Content-Type-Options", "nosniff");
    m_socket->write(serializeResponse(response, false, true));
    accountUnsent();
    m_responded = true;
    m_recorder.recordGuardAnswer(m_framer.head(), status);
    closeAfterWriting();
}

void GuardedConnection::beginDrain()
{
    m_draining = true;
    if (m_phase == Phase::Open && m_stream) {
        // A stream has no end of its own: the server's stop ends it, cleanly.
        const std::shared_ptr<ResponseStream> stream = m_stream;
        stream->stopping();
        closeAfterWriting();
        return;
    }
    if (m_phase == Phase::Open && !m_dispatching && !m_framer.inProgress())
        closeAfterWriting();
}

void GuardedConnection::onIdleTimeout()
{
    if (m_phase != Phase::Open || m_dispatching || m_stream)
        return;
    if (m_framer.inProgress())
        answer(408, QStringLiteral("request-timeout"),
               QStringLiteral("The rest of the request did not arrive within %1 seconds.")
                   .arg(double(m_idleTimer.interval()) / 1000.0));
    else
        closeAfterWriting();
}

void GuardedConnection::onRequestDeadline()
{
    if (m_phase != Phase::Open || m_dispatching || !m_framer.inProgress())
        return;
    answer(408, QStringLiteral("request-timeout"),
           QStringLiteral("The request did not arrive whole within %1 seconds of its first byte.")
               .arg(double(m_requestDeadline.interval()) / 1000.0));
}

void GuardedConnection::closeAfterWriting()
{
    if (m_phase != Phase::Open)
        return;
    m_phase = Phase::Closing;
    m_idleTimer.stop();
    m_requestDeadline.stop();
    m_unparsed.clear();
    if (m_proxy)
        m_proxy->detach();
    m_lingerTimer.start();
    if (unsentBytes() == 0 || m_tls)
        shutDownWriting();
}

void GuardedConnection::shutDownWriting()
{
    if (m_writingShutDown)
        return;
    m_writingShutDown = true;
    if (m_tls) {
        // QSslSocket sends what is buffered, then close_notify, then closes.
        m_socket->disconnectFromHost();
        return;
    }
    // Our FIN follows the answer; the client reads it, then closes its side.
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    m_discarded += m_socket->skip(m_socket->bytesAvailable());
}

void GuardedConnection::abort()
{
    if (m_phase == Phase::Finished)
        return;
    m_socket->abort();
    finish();
}

void GuardedConnection::finish()
{
    if (m_phase == Phase::Finished)
        return;
    m_phase = Phase::Finished;
    accountUnsent(); // what is still unsent goes with the socket
    m_idleTimer.stop();
    m_requestDeadline.stop();
    m_lingerTimer.stop();
    if (m_proxy)
        m_proxy->detach();
    m_stream.reset(); // its place among the open streams is free again
    emit finished();
    deleteLater();
}

} // namespace signoff::rest
