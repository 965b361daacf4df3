// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Call.h"

#include <QString>
#include <QUrl>

namespace signoff::client {

// "Stay signed in" (docs/design.md, "Team mode"): a server's token kept in the
// system keyring (QtKeychain: the Secret Service, KWallet, the macOS
// keychain, Windows' credential store), never in a file; one per server
// and user. Without a keyring, keeping fails with a message and the token
// lives in memory only, as when the box is not ticked.
namespace KeptSession {

Call<void> keep(const QUrl &server, const QString &username, const QString &token);
// The kept token, or NotFound.
Call<QString> find(const QUrl &server, const QString &username);
Call<void> forget(const QUrl &server, const QString &username);

} // namespace KeptSession

} // namespace signoff::client
