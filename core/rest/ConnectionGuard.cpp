// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ConnectionGuard.h"

#include "GuardedConnection.h"
#include "Problem.h"
#include "ProxySocket.h"
#include "RequestRecorder.h"

#include <QTcpSocket>
#include <QTimer>

#include <memory>

#include <sys/socket.h>
#include <unistd.h>

namespace signoff::rest {

namespace {
// Refusals being written at once; beyond this a connection is just closed.
constexpr int maxRefusing = 64;
} // namespace

ConnectionGuard::ConnectionGuard(ServerLimits &limits, ConnectionPolicy policy, RequestRecorder &recorder, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
    , m_policy(std::move(policy))
    , m_recorder(recorder)
{
    m_policy.unsent = &m_limits.unsent;
}

void ConnectionGuard::incomingConnection(qintptr descriptor)
{
    if (m_draining || !m_limits.takeConnection()) {
        refuse(descriptor);
        return;
    }
    auto *connection = new GuardedConnection(descriptor, m_policy, m_recorder, this);
    if (!connection->isValid()) {
        delete connection;
        m_limits.releaseConnection();
        return;
    }
    m_connections.insert(connection);
    connect(connection, &GuardedConnection::finished, this, [this, connection] { connectionFinished(connection); });
    addPendingConnection(connection->proxy());
}

void ConnectionGuard::refuse(qintptr descriptor)
{
    if (m_refusing >= maxRefusing || m_policy.tls) {
        ::close(int(descriptor));
        return;
    }
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor));
        delete socket;
        return;
    }
    ++m_refusing;
    Problem problem = httpProblem(503, QStringLiteral("too-many-connections"),
                                  m_draining ? QStringLiteral("The server is stopping.")
                                             : QStringLiteral("The server has %1 open connections; try again shortly.")
                                                   .arg(m_limits.maxConnections));
    problem.retryAfterSeconds = 1;
    HttpResponse response = toResponse(problem);
    response.setHeader("X-Content-Type-Options", "nosniff");
    socket->write(serializeResponse(response, false, true));
    m_recorder.recordGuardAnswer(RequestHead{}, 503);
    // Like GuardedConnection's close: the answer, our FIN, and whatever the
    // client sends meanwhile dropped, so it reads the 503 rather than a reset.
    connect(socket, &QTcpSocket::bytesWritten, socket, [socket] {
        if (socket->bytesToWrite() == 0)
            ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
    });
    connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->skip(socket->bytesAvailable()); });
    auto done = [this, socket, over = std::make_shared<bool>(false)] {
        if (*over)
            return;
        *over = true;
        --m_refusing;
        socket->abort();
        socket->deleteLater();
    };
    connect(socket, &QTcpSocket::disconnected, this, done);
    QTimer::singleShot(2000, socket, done);
}

void ConnectionGuard::connectionFinished(GuardedConnection *connection)
{
    if (m_connections.remove(connection))
        m_limits.releaseConnection();
    if (m_draining && m_connections.isEmpty())
        emit drained();
}

void ConnectionGuard::drain()
{
    m_draining = true;
    close();
    if (m_connections.isEmpty()) {
        emit drained();
        return;
    }
    const QList<GuardedConnection *> connections(m_connections.cbegin(), m_connections.cend());
    for (GuardedConnection *connection : connections)
        connection->beginDrain();
}

void ConnectionGuard::abortAll()
{
    const QList<GuardedConnection *> connections(m_connections.cbegin(), m_connections.cend());
    for (GuardedConnection *connection : connections)
        connection->abort();
}

} // namespace signoff::rest
