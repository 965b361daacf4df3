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

int LoginThrottle::secondsLocked(const QString &username, const QDateTime &now)
{
    QMutexLocker locker(&m_mutex);
    auto it = m_failures.find(username);
    if (it == m_failures.end())
        return 0;
    forgetOld(it.value(), now);
    if (it->size() < m_maxFailures) {
        if (it->isEmpty())
            m_failures.erase(it);
        return 0;
    }
    const qint64 msLeft = now.msecsTo(it->first().addSecs(m_window.count()));
    return qMax(1, int(qCeil(double(msLeft) / 1000.0)));
}

void LoginThrottle::recordFailure(const QString &username, const QDateTime &now)
{
    QMutexLocker locker(&m_mutex);
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
    m_failures.remove(username);
}

} // namespace signoff
