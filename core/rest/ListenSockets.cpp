// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ListenSockets.h"

#include <cerrno>
#include <cstring>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace signoff::rest {

namespace {

constexpr int backlog = 128;

struct SocketAddress
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    int family = AF_INET;
    bool v6Only = false;
};

SocketAddress socketAddress(const QHostAddress &address, quint16 port)
{
    SocketAddress result;
    QHostAddress host = address;
    if (host == QHostAddress(QHostAddress::LocalHost))
        host = QHostAddress(QStringLiteral("127.0.0.1"));
    if (host == QHostAddress(QHostAddress::Any) || host.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&result.storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        if (host == QHostAddress(QHostAddress::Any)) {
            in6->sin6_addr = in6addr_any; // both IPv4 and IPv6, as QTcpServer does
        } else {
            const Q_IPV6ADDR bytes = host.toIPv6Address();
            std::memcpy(&in6->sin6_addr, &bytes, sizeof(bytes));
            in6->sin6_scope_id = host.scopeId().toUInt();
            result.v6Only = true;
        }
        result.length = sizeof(sockaddr_in6);
        result.family = AF_INET6;
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&result.storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(host.toIPv4Address());
        result.length = sizeof(sockaddr_in);
    }
    return result;
}

ListenFailure failure(int error)
{
    return ListenFailure{error == EADDRINUSE, QString::fromLocal8Bit(std::strerror(error))};
}

int openSocket(const SocketAddress &address, bool reusePort)
{
    const int fd = ::socket(address.family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const int on = 1;
    const int v6Only = address.v6Only ? 1 : 0;
    if (::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) != 0
        || (reusePort && ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof(on)) != 0)
        || (address.family == AF_INET6 && ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6Only, sizeof(v6Only)) != 0)
        || ::bind(fd, reinterpret_cast<const sockaddr *>(&address.storage), address.length) != 0) {
        const int error = errno;
        ::close(fd);
        errno = error;
        return -1;
    }
    return fd;
}

} // namespace

std::variant<ListenSockets, ListenFailure> openListenSockets(const QHostAddress &address, quint16 port, int count)
{
    SocketAddress target = socketAddress(address, port);

    // The probe: fails like a single socket would when the port is taken.
    const int probe = openSocket(target, false);
    if (probe < 0)
        return failure(errno);
    sockaddr_storage bound{};
    socklen_t boundLength = sizeof(bound);
    if (::getsockname(probe, reinterpret_cast<sockaddr *>(&bound), &boundLength) != 0) {
        const int error = errno;
        ::close(probe);
        return failure(error);
    }
    const quint16 chosen = ntohs(target.family == AF_INET6 ? reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port
                                                           : reinterpret_cast<sockaddr_in *>(&bound)->sin_port);
    ::close(probe);
    target = socketAddress(address, chosen);

    ListenSockets sockets;
    sockets.port = chosen;
    for (int i = 0; i < qMax(1, count); ++i) {
        const int fd = openSocket(target, true);
        if (fd < 0 || ::listen(fd, backlog) != 0) {
            const int error = errno;
            if (fd >= 0)
                ::close(fd);
            closeListenSockets(sockets);
            return failure(error);
        }
        sockets.descriptors.push_back(fd);
    }
    return sockets;
}

void closeListenSockets(const ListenSockets &sockets)
{
    for (qintptr fd : sockets.descriptors)
        ::close(int(fd));
}

} // namespace signoff::rest
