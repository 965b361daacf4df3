// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RestControl.h"

#include "rest/RestServer.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTcpServer>

namespace signoff {

RestStatus failureStatus(const QString &address, quint16 port, const QString &detail)
{
    RestStatus status;
    status.port = port;
    status.detail = detail;
    status.state = RestStatus::State::Failed;
    // The server's message is for people; whether the port is the problem
    // is asked of the operating system directly.
    QTcpServer probe;
    if (!probe.listen(QHostAddress(address), port) && probe.serverError() == QAbstractSocket::AddressInUseError)
        status.state = RestStatus::State::PortBusy;
    return status;
}

RestStatus applyRestSettings(RestServer &server, const RestSettings &settings)
{
    if (!settings.enabled) {
        server.stop();
        return RestStatus{};
    }
    QHostAddress address;
    if (!address.setAddress(settings.address)) {
        server.stop();
        RestStatus status;
        status.state = RestStatus::State::Failed;
        status.port = settings.port;
        status.detail = QCoreApplication::translate("Desktop", "‘%1’ is not an IP address.").arg(settings.address);
        return status;
    }
    RestConfig config;
    config.address = address;
    config.port = settings.port;
    Result<QUrl> started = server.start(config);
    if (!started)
        return failureStatus(settings.address, settings.port, started.error().translatedSummary());
    RestStatus status;
    status.state = RestStatus::State::Listening;
    status.url = started.value();
    status.port = quint16(started->port());
    return status;
}

} // namespace signoff
