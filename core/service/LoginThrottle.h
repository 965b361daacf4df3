// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "storage/Database.h"

#include <QDateTime>
#include <QString>
#include <chrono>

namespace signoff {

// Counts sign-in attempts per user name, in the database: after
// `maxFailures` failures within `window` the name is locked until the oldest
// of them leaves the window, even for the right password, in every process
// on the database (docs/design.md, "Security" and "Several instances").
//
// An attempt counts from its start: sign-ins run concurrently (REST workers,
// several instances), and a password check takes a good part of a second, so
// guesses sent together would otherwise all pass before any of them failed.
// A failed attempt stays counted; a successful one clears the name.
class LoginThrottle
{
public:
    LoginThrottle(Database &database, int maxFailures, std::chrono::seconds window);

    struct Attempt
    {
        // Seconds to wait before trying again; 0: the attempt may go on.
        int waitSeconds = 0;
        qint64 id = 0;
        QString nameKey;
    };
    // Starts an attempt for `username` (then ended by recordFailure(),
    // recordSuccess() or abandon()), or says how long to wait.
    Result<Attempt> begin(const QString &username, const QDateTime &now);
    // The attempt failed: it keeps counting until it leaves the window.
    void recordFailure(const Attempt &) {}
    // The right password: the name starts afresh.
    void recordSuccess(const Attempt &attempt);
    // Neither failed nor succeeded (the database did not answer, the queue
    // was full): it does not count.
    void abandon(const Attempt &attempt);

private:
    Database &m_database;
    const int m_maxFailures;
    const std::chrono::seconds m_window;
};

} // namespace signoff
