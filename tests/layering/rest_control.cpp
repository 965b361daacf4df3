// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The REST layer may use Qt HttpServer and Qt Network over core's services
// (whose headers need no QtSql).
#include "service/Services.h"
#include "storage/DatabaseUrl.h"

#include <QtHttpServer/QHttpServer>
#include <QtNetwork/QHostAddress>

int layeringRestControl()
{
    QHttpServer server;
    return QHostAddress(QHostAddress::LocalHost).isLoopback() ? 1 : 0;
}
