// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace signoff {

// The addresses a host name (or an IP literal) resolves to, as 4 or 16 bytes
// each, through the system's resolver (getaddrinfo; blocks the calling
// thread). Empty when it does not resolve.
QList<QByteArray> resolveHost(const QString &host);

} // namespace signoff
