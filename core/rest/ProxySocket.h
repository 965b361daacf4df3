// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QPointer>
#include <QTcpSocket>

namespace signoff::rest {

class GuardedConnection;

// The socket QHttpServer sees. It is not connected to the network: its
// GuardedConnection reads the real socket, checks each request against the
// limits and hands over only whole, acceptable requests, one at a time (Qt
// 6.4's parser mixes up pipelined requests). What QHttpServer writes goes
// back to the real socket.
class ProxySocket final : public QTcpSocket
{
    Q_OBJECT
public:
    ProxySocket(GuardedConnection *connection, const QTcpSocket &network);
    ~ProxySocket() override;

    GuardedConnection *connection() const { return m_connection; }

    // One complete request for QHttpServer; it reads it during this call.
    void deliver(const QByteArray &request);
    // The network connection is gone: tell QHttpServer, which deletes us.
    void detach();

    qint64 bytesAvailable() const override;
    void disconnectFromHost() override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 readLineData(char *data, qint64 maxSize) override;
    qint64 skipData(qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    QPointer<GuardedConnection> m_connection;
    QByteArray m_pending;
    qsizetype m_pendingPos = 0;
};

} // namespace signoff::rest
