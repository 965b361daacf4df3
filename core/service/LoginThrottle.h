// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <chrono>

namespace signoff {

// Counts failed sign-ins per user name. After `maxFailures` failures within
// `window`, the name is locked until the oldest of them leaves the window,
// even for the right password (product.md section 5). Shared by every door
// and thread, hence the mutex.
//
// Attempts under way count too: sign-ins run concurrently (REST workers), and
// a password check takes a good part of a second, so guesses sent together
// would otherwise all pass the check before any of them failed.
class LoginThrottle
{
public:
    LoginThrottle(int maxFailures, std::chrono::seconds window);

    // Starts an attempt: 0 when `username` may try now (the attempt then
    // counts until recordFailure(), recordSuccess() or abandon() ends it),
    // else the seconds to wait.
    int beginAttempt(const QString &username, const QDateTime &now);
    void recordFailure(const QString &username, const QDateTime &now);
    void recordSuccess(const QString &username);
    // Ends an attempt that neither failed nor succeeded (the database did not answer).
    void abandon(const QString &username);

private:
    void forgetOld(QList<QDateTime> &failures, const QDateTime &now) const;
    void endAttempt(const QString &username);

    const int m_maxFailures;
    const std::chrono::seconds m_window;
    QMutex m_mutex;
    QHash<QString, QList<QDateTime>> m_failures;
    QHash<QString, int> m_underWay;
};

} // namespace signoff
