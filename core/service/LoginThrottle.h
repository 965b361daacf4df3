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
class LoginThrottle
{
public:
    LoginThrottle(int maxFailures, std::chrono::seconds window);

    // Seconds until `username` may try again; 0 when it may try now.
    int secondsLocked(const QString &username, const QDateTime &now);
    void recordFailure(const QString &username, const QDateTime &now);
    void recordSuccess(const QString &username);

private:
    void forgetOld(QList<QDateTime> &failures, const QDateTime &now) const;

    const int m_maxFailures;
    const std::chrono::seconds m_window;
    QMutex m_mutex;
    QHash<QString, QList<QDateTime>> m_failures;
};

} // namespace signoff
