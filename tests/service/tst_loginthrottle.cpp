// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// LoginThrottle on its own, on the database it keeps its counts in: five
// failures per name within a minute lock that name until the oldest of them
// leaves the minute (the wait rounded up to whole seconds), other names go
// on, a success starts the name afresh, an abandoned attempt does not count,
// and what left the window is removed. Time is a TestClock's: the tests move
// it a minute instead of waiting one.

#include "ServiceFixture.h"
#include "TestClock.h"
#include "service/LoginThrottle.h"

#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

constexpr int maxFailures = 5;
constexpr std::chrono::seconds window{60};

} // namespace

class TestLoginThrottle : public QObject
{
    Q_OBJECT

    // Begins an attempt that may go on, and fails it.
    static void fail(LoginThrottle &throttle, const QString &username, const TestClock &clock)
    {
        auto attempt = throttle.begin(username, clock.now());
        SIGNOFF_VERIFY_OK(attempt);
        QCOMPARE(attempt->waitSeconds, 0);
        QVERIFY(attempt->id != 0);
        throttle.recordFailure(attempt.value());
    }

    // The seconds to wait before `username` may try again; 0 when it may now
    // (the attempt is then abandoned, so asking does not count).
    static int waitFor(LoginThrottle &throttle, const QString &username, const TestClock &clock)
    {
        auto attempt = throttle.begin(username, clock.now());
        if (!attempt) {
            qWarning("%s", qPrintable(describe(attempt.error())));
            return -1;
        }
        throttle.abandon(attempt.value());
        return attempt->waitSeconds;
    }

private slots:
    void fiveFailuresInAMinuteLockTheName()
    {
        TestClock clock;
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        LoginThrottle throttle(f.database(), maxFailures, window);
        for (int i = 0; i < maxFailures; ++i) {
            QCOMPARE(waitFor(throttle, QStringLiteral("alice"), clock), 0);
            fail(throttle, QStringLiteral("alice"), clock);
            clock.advance(std::chrono::seconds(10)); // failures at 0, 10, 20, 30 and 40 s
        }
        // At 50 s: until the first failure, at 0 s, is a minute old.
        auto refused = throttle.begin(QStringLiteral("alice"), clock.now());
        SIGNOFF_VERIFY_OK(refused);
        QCOMPARE(refused->waitSeconds, 10);
        QCOMPARE(refused->id, qint64(0)); // a refused attempt is not recorded
        QCOMPARE(f.count(QStringLiteral("sign_in_attempt")), qint64(maxFailures));

        clock.advance(std::chrono::milliseconds(9500));
        QCOMPARE(waitFor(throttle, QStringLiteral("alice"), clock), 1); // half a second, rounded up
        clock.advance(std::chrono::milliseconds(500));
        QCOMPARE(waitFor(throttle, QStringLiteral("alice"), clock), 1); // a minute to the millisecond: still inside
        clock.advance(std::chrono::milliseconds(1));
        QCOMPARE(waitFor(throttle, QStringLiteral("alice"), clock), 0);
        // One failure more fills the minute again, until the one at 10 s leaves it.
        fail(throttle, QStringLiteral("alice"), clock);
        QCOMPARE(waitFor(throttle, QStringLiteral("alice"), clock), 10);
    }

    void otherNamesAreNotLocked()
    {
        TestClock clock;
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        LoginThrottle throttle(f.database(), maxFailures, window);
        for (int i = 0; i < maxFailures; ++i)
            fail(throttle, QStringLiteral("alice"), clock);
        QCOMPARE(waitFor(throttle, QStringLiteral("alice"), clock), 60);
        QCOMPARE(waitFor(throttle, QStringLiteral("bob"), clock), 0);
        QCOMPARE(waitFor(throttle, QStringLiteral("Alice"), clock), 0); // names are compared exactly
        // Any text is a name: a NUL, a long one, direction controls.
        const QString odd = QStringLiteral("al") + QChar(u'\0') + QStringLiteral("ice\u202e") + QString(5000, u'x');
        for (int i = 0; i < maxFailures; ++i)
            fail(throttle, odd, clock);
        QCOMPARE(waitFor(throttle, odd, clock), 60);
        QCOMPARE(waitFor(throttle, QStringLiteral("al"), clock), 0);
    }

    void aSuccessStartsTheNameAfresh()
    {
        TestClock clock;
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        LoginThrottle throttle(f.database(), maxFailures, window);
        for (int i = 0; i < maxFailures - 1; ++i)
            fail(throttle, QStringLiteral("bob"), clock);
        fail(throttle, QStringLiteral("alice"), clock);
        auto success = throttle.begin(QStringLiteral("bob"), clock.now());
        SIGNOFF_VERIFY_OK(success);
        QCOMPARE(success->waitSeconds, 0);
        throttle.recordSuccess(success.value());
        QCOMPARE(f.count(QStringLiteral("sign_in_attempt")), qint64(1)); // alice's failure stays
        for (int i = 0; i < maxFailures; ++i)
            fail(throttle, QStringLiteral("bob"), clock);
        QCOMPARE(waitFor(throttle, QStringLiteral("bob"), clock), 60);
    }

    // An attempt that neither failed nor succeeded (the database did not
    // answer, hashing was busy) does not count against the name.
    void anAbandonedAttemptDoesNotCount()
    {
        TestClock clock;
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        LoginThrottle throttle(f.database(), maxFailures, window);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(waitFor(throttle, QStringLiteral("carol"), clock), 0); // begun and abandoned
        QCOMPARE(f.count(QStringLiteral("sign_in_attempt")), qint64(0));
        // Attempts under way count from their start: four under way and one
        // failed lock the name for the others that come meanwhile.
        QList<LoginThrottle::Attempt> underWay;
        for (int i = 0; i < maxFailures - 1; ++i) {
            auto attempt = throttle.begin(QStringLiteral("carol"), clock.now());
            SIGNOFF_VERIFY_OK(attempt);
            QCOMPARE(attempt->waitSeconds, 0);
            underWay.append(attempt.value());
        }
        fail(throttle, QStringLiteral("carol"), clock);
        QCOMPARE(waitFor(throttle, QStringLiteral("carol"), clock), 60);
        for (const LoginThrottle::Attempt &attempt : underWay)
            throttle.abandon(attempt);
        QCOMPARE(waitFor(throttle, QStringLiteral("carol"), clock), 0);
    }

    // The table holds at most a window's worth of attempts, whatever names
    // are sprayed at it: each attempt removes what left the window.
    void whatLeftTheWindowIsRemoved()
    {
        TestClock clock;
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        LoginThrottle throttle(f.database(), maxFailures, window);
        for (int i = 0; i < 20; ++i)
            fail(throttle, QStringLiteral("sprayed %1").arg(i), clock);
        QCOMPARE(f.count(QStringLiteral("sign_in_attempt")), qint64(20));
        clock.advance(std::chrono::seconds(30));
        fail(throttle, QStringLiteral("later"), clock);
        QCOMPARE(f.count(QStringLiteral("sign_in_attempt")), qint64(21));
        clock.advance(std::chrono::seconds(31));
        fail(throttle, QStringLiteral("latest"), clock);
        QCOMPARE(f.count(QStringLiteral("sign_in_attempt")), qint64(2));
    }

    // The services' throttle reads the same clock: the lock of AuthService
    // ends when the clock has moved a minute.
    void theServicesThrottleFollowsTheClock()
    {
        TestClock clock;
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        for (int i = 0; i < maxFailures; ++i)
            SIGNOFF_VERIFY_ERROR(f.services().auth().signIn(QStringLiteral("rita"), QStringLiteral("guess")), Unauthenticated);
        auto locked = f.services().auth().signIn(QStringLiteral("rita"), ServiceFixture::password());
        SIGNOFF_VERIFY_ERROR(locked, RateLimited);
        QCOMPARE(locked.error().retryAfterSeconds, 60);
        clock.advance(window + std::chrono::milliseconds(1));
        SIGNOFF_VERIFY_OK(f.services().auth().signIn(QStringLiteral("rita"), ServiceFixture::password()));
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
