// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LoginThrottle.h"

#include <QtMath>

namespace signoff {

namespace {
// Bounds memory when someone sprays random user names.
constexpr qsizetype maxTrackedNames = 100000;
}

LoginThrottle::LoginThrottle(int maxFailures, std::chrono::seconds window)
    : m_maxFailures(maxFailures)
    , m_window(window)
{
}

void LoginThrottle::forgetOld(QList<QDateTime> &failures, const QDateTime &now) const
{
    const QDateTime cutoff = now.addSecs(-m_window.count());
    failures.removeIf([&](const QDateTime &at) { return at <= cutoff; });
}

int LoginThrottle::beginAttempt(const QString &username, const QDateTime &now)
{
    QMutexLocker locker(&m_mutex);
    qsizetype failures = 0;
    if (auto it = m_failures.find(username); it != m_failures.end()) {
        forgetOld(it.value(), now);
        failures = it->size();
        if (failures >= m_maxFailures) {
            const qint64 msLeft = now.msecsTo(it->first().addSecs(m_window.count()));
            return qMax(1, int(qCeil(double(msLeft) / 1000.0)));
        }
        if (it->isEmpty())
            m_failures.erase(it);
    }
    int &underWay = m_underWay[username];
    if (failures + underWay >= m_maxFailures)
        return 1; // the attempts under way decide; they end within a second
    ++underWay;
    return 0;
}

void LoginThrottle::endAttempt(const QString &username)
{
    auto it = m_underWay.find(username);
    if (it == m_underWay.end())
        return;
    if (--it.value() <= 0)
        m_underWay.erase(it);
}

void LoginThrottle::abandon(const QString &username)
{
    QMutexLocker locker(&m_mutex);
    endAttempt(username);
}

void LoginThrottle::recordFailure(const QString &username, const QDateTime &now)
{
    QMutexLocker locker(&m_mutex);
    endAttempt(username);
    if (m_failures.size() >= maxTrackedNames && !m_failures.contains(username)) {
        for (auto it = m_failures.begin(); it != m_failures.end();) {
            forgetOld(it.value(), now);
            it = it->isEmpty() ? m_failures.erase(it) : std::next(it);
        }
    }
    QList<QDateTime> &failures = m_failures[username];
    forgetOld(failures, now);
    failures.append(now);
}

void LoginThrottle::recordSuccess(const QString &username)
{
    QMutexLocker locker(&m_mutex);
    endAttempt(username);
    m_failures.remove(username);
}

} // namespace signoff
