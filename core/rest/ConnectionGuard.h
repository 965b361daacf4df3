// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ConnectionPolicy.h"
#include "ServerLimits.h"

#include <QSet>
#include <QTcpServer>

namespace signoff::rest {

class GuardedConnection;
class RequestRecorder;

// The listening socket handed to QHttpServer (QAbstractHttpServer::bind).
// Every accepted connection goes through a GuardedConnection, which enforces
// the limits Qt 6.4 does not; connections beyond the server's limit (counted
// over all its threads' guards, ServerLimits) are
// answered 503 and closed at once (with TLS: closed, as there is no session
// to answer in).
class ConnectionGuard final : public QTcpServer
{
    Q_OBJECT
public:
    ConnectionGuard(ServerLimits &limits, ConnectionPolicy policy, RequestRecorder &recorder, QObject *parent = nullptr);

    int openConnections() const { return int(m_connections.size()); }

    // Stops listening and lets every connection finish its request in
    // progress; emits drained() when none is left (at once if none is open).
    void drain();
    // Closes whatever is still open (the grace period is over).
    void abortAll();

signals:
    void drained();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void refuse(qintptr descriptor);
    void connectionFinished(GuardedConnection *connection);

    ServerLimits &m_limits;
    ConnectionPolicy m_policy; // with the server's UnsentBudget filled in
    RequestRecorder &m_recorder;
    QSet<GuardedConnection *> m_connections;
    int m_refusing = 0;
    bool m_draining = false;
};

} // namespace signoff::rest
