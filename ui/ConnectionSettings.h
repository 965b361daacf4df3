// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QUrl>
#include <optional>

namespace signoff {

// Where the desktop works (docs/design.md, "Team mode"): on a database on this
// computer, or as a client of a Signoff server. The login dialog offers the
// choice; the last one and the last user name are kept with QSettings,
// never a password.
struct ConnectionChoice
{
    enum class Kind { Database, Server };

    Kind kind = Kind::Database;
    QUrl server; // Kind::Server

    // What a person typed as a server's address: "host:8443" is read as
    // https://host:8443; a path, query or user information is refused.
    // Empty `problem`: the URL is usable.
    static QUrl serverUrl(const QString &text, QString *problem);
    // Plain http:// to anything but this computer: sign-in and data unencrypted.
    static bool isUnencryptedRemote(const QUrl &server);

    static ConnectionChoice load();
    void save() const;
    static QString lastUsername();
    static void saveLastUsername(const QString &username);
    // "Stay signed in" was ticked at the last sign-in to a server (the
    // token itself is in the system keyring, never here).
    static bool staySignedIn();
    static void saveStaySignedIn(bool stay);

    friend bool operator==(const ConnectionChoice &, const ConnectionChoice &) = default;
};

} // namespace signoff
