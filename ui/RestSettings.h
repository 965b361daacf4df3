// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QUrl>

namespace signoff {

// How the window's embedded REST server should run; kept with QSettings.
// The address stays text here (the UI layer has no network types); the
// application turns it into a listening address.
struct RestSettings
{
    static constexpr quint16 defaultPort = 8080;

    bool enabled = true;
    QString address = QStringLiteral("127.0.0.1");
    quint16 port = defaultPort;

    static RestSettings load();
    void save() const;

    friend bool operator==(const RestSettings &, const RestSettings &) = default;
};

// What the status bar says about the REST server.
struct RestStatus
{
    enum class State { Off, Listening, PortBusy, Failed };

    State state = State::Off;
    QUrl url;          // Listening
    quint16 port = 0;  // PortBusy
    QString detail;    // Failed: why, in the user's language
};

} // namespace signoff
