// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ProxySocket.h"

#include "GuardedConnection.h"

#include <cstring>

namespace signoff::rest {

ProxySocket::ProxySocket(GuardedConnection *connection, const QTcpSocket &network)
    : QTcpSocket(connection)
    , m_connection(connection)
{
    setPeerAddress(network.peerAddress());
    setPeerPort(network.peerPort());
    setLocalAddress(network.localAddress());
    setLocalPort(network.localPort());
    setSocketState(QAbstractSocket::ConnectedState);
    setOpenMode(QIODevice::ReadWrite);
}

ProxySocket::~ProxySocket()
{
    // Without this QAbstractSocket's destructor would abort() a socket that
    // has no engine and announce a disconnection to a half-destroyed object.
    setSocketState(QAbstractSocket::UnconnectedState);
}

void ProxySocket::deliver(const QByteArray &request)
{
    m_pending.append(request);
    emit readyRead();
}

void ProxySocket::detach()
{
    m_connection = nullptr;
    if (state() != QAbstractSocket::UnconnectedState)
        QTcpSocket::disconnectFromHost();
}

qint64 ProxySocket::bytesAvailable() const
{
    return QIODevice::bytesAvailable() + (m_pending.size() - m_pendingPos);
}

void ProxySocket::disconnectFromHost()
{
    // QHttpServer closes when it cannot parse a request: close the real one too.
    if (GuardedConnection *connection = m_connection) {
        m_connection = nullptr;
        connection->closeFromServer();
    }
    if (state() != QAbstractSocket::UnconnectedState)
        QTcpSocket::disconnectFromHost();
}

qint64 ProxySocket::readData(char *data, qint64 maxSize)
{
    const qint64 count = qMin(maxSize, qint64(m_pending.size() - m_pendingPos));
    if (count > 0)
        std::memcpy(data, m_pending.constData() + m_pendingPos, size_t(count));
    m_pendingPos += count;
    if (m_pendingPos == m_pending.size()) {
        m_pending.clear();
        m_pendingPos = 0;
    }
    return count;
}

qint64 ProxySocket::readLineData(char *data, qint64 maxSize)
{
    return QIODevice::readLineData(data, maxSize);
}

qint64 ProxySocket::skipData(qint64 maxSize)
{
    return QIODevice::skipData(maxSize);
}

qint64 ProxySocket::writeData(const char *data, qint64 size)
{
    if (!m_connection)
        return -1;
    m_connection->writeFromServer(QByteArray(data, size));
    return size;
}

} // namespace signoff::rest
