// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LoginThrottle.h"

#include "PasswordHasher.h"
#include "ServiceLog.h"
#include "storage/SignInAttemptRepository.h"

#include <QtMath>

namespace signoff {

LoginThrottle::LoginThrottle(Database &database, int maxFailures, std::chrono::seconds window)
    : m_database(database)
    , m_maxFailures(maxFailures)
    , m_window(window)
{
}

Result<LoginThrottle::Attempt> LoginThrottle::begin(const QString &username, const QDateTime &now)
{
    Attempt attempt;
    attempt.nameKey = sha256Hex(username); // any text, of any length, as a fixed-size key
    const QDateTime cutoff = now.addSecs(-m_window.count());
    auto written = m_database.write([&](Connection &connection) -> Result<void> {
        SignInAttemptRepository attempts(connection);
        // Counting and recording take turns per name, or two processes could
        // both count four and both go on.
        if (auto locked = attempts.lockName(attempt.nameKey); !locked)
            return locked;
        // What left the window goes, for every name: the table holds at most
        // a window's worth of attempts, whatever names are sprayed at it.
        if (auto pruned = attempts.removeBefore(cutoff); !pruned)
            return pruned;
        auto recent = attempts.recentFor(attempt.nameKey, cutoff);
        if (!recent)
            return recent.error();
        if (recent->count >= m_maxFailures) {
            const qint64 msLeft = now.msecsTo(recent->oldest.addSecs(m_window.count()));
            attempt.waitSeconds = qMax(1, int(qCeil(double(msLeft) / 1000.0)));
            return {};
        }
        auto id = attempts.insert(attempt.nameKey, now);
        if (!id)
            return id.error();
        attempt.id = id.value();
        return {};
    });
    if (!written)
        return written.error();
    return attempt;
}

void LoginThrottle::recordSuccess(const Attempt &attempt)
{
    auto cleared = m_database.write(
        [&](Connection &connection) { return SignInAttemptRepository(connection).removeAllFor(attempt.nameKey); });
    if (!cleared)
        qCWarning(lcService) << "could not clear the failed sign-ins of a user who signed in";
}

void LoginThrottle::abandon(const Attempt &attempt)
{
    if (attempt.id == 0)
        return;
    auto removed = m_database.write([&](Connection &connection) { return SignInAttemptRepository(connection).remove(attempt.id); });
    if (!removed)
        qCWarning(lcService) << "could not forget an abandoned sign-in attempt";
}

} // namespace signoff
