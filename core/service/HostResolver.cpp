// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HostResolver.h"

#include <QUrl>

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/types.h>

namespace signoff {

QList<QByteArray> resolveHost(const QString &host)
{
    QList<QByteArray> addresses;
    // International names in their ASCII form, as DNS knows them.
    const QByteArray name = host.contains(u':') ? host.toLatin1() : QUrl::toAce(host);
    if (name.isEmpty() || name.size() > 253 + 1)
        return addresses;
    addrinfo hints = {};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    if (::getaddrinfo(name.constData(), nullptr, &hints, &found) != 0)
        return addresses;
    for (const addrinfo *entry = found; entry && addresses.size() < 64; entry = entry->ai_next) {
        QByteArray bytes;
        if (entry->ai_family == AF_INET) {
            const auto *address = reinterpret_cast<const sockaddr_in *>(entry->ai_addr);
            bytes = QByteArray(reinterpret_cast<const char *>(&address->sin_addr), 4);
        } else if (entry->ai_family == AF_INET6) {
            const auto *address = reinterpret_cast<const sockaddr_in6 *>(entry->ai_addr);
            bytes = QByteArray(reinterpret_cast<const char *>(&address->sin6_addr), 16);
        }
        if (!bytes.isEmpty() && !addresses.contains(bytes))
            addresses.append(bytes);
    }
    ::freeaddrinfo(found);
    return addresses;
}

} // namespace signoff
