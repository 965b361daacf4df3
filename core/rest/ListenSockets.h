// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHostAddress>
#include <QString>
#include <variant>
#include <vector>

namespace signoff::rest {

// The listening sockets of a server with several threads: one per thread on
// the same address and port, each with SO_REUSEPORT, so that the kernel
// spreads new connections over the threads.
//
// SO_REUSEPORT would also let a second program bind the same port; to keep
// "the port is busy" meaning what it means for one socket, a probe without
// SO_REUSEPORT claims the address first: it fails when anything listens
// there (another Signoff's group included), and with port 0 it picks the port
// the group then takes.
struct ListenSockets
{
    std::vector<qintptr> descriptors; // listening, non-blocking, close-on-exec
    quint16 port = 0;
};

struct ListenFailure
{
    bool busy = false; // the address and port are taken
    QString reason;    // the system's words
};

std::variant<ListenSockets, ListenFailure> openListenSockets(const QHostAddress &address, quint16 port, int count);

// For sockets that were not handed over after all.
void closeListenSockets(const ListenSockets &sockets);

} // namespace signoff::rest
