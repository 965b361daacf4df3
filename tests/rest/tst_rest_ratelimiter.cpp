// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// RateLimiter, the token buckets of the REST server: a full bucket allows a
// burst, then requests pass at the rate it refills at, never more than a
// burst saved up; a refused request costs nothing and says how long to wait
// (Retry-After, whole seconds, at least 1); each key has its own bucket, and
// forgetting idle keys never forgets one that is still being held back.
// Time is a TestClock's: the tests move it instead of sleeping.

#include "TestClock.h"
#include "rest/RateLimiter.h"

#include <QtTest>

using namespace signoff;
using namespace signoff::rest;
using namespace signoff::test;
using namespace std::chrono_literals;

class TestRestRateLimiter : public QObject
{
    Q_OBJECT

    // How many takes in a row pass before the first refusal (at most `upTo`).
    static int passing(RateLimiter &limiter, const QByteArray &key, int upTo = 1000)
    {
        int passed = 0;
        while (passed < upTo && !limiter.take(key))
            ++passed;
        return passed;
    }

    static bool refused(RateLimiter &limiter, const QByteArray &key) { return limiter.take(key).has_value(); }

private slots:
    void aFullBucketAllowsABurstThenRefuses()
    {
        TestClock clock;
        RateLimiter limiter(2); // bursts of 4
        QVERIFY(limiter.isEnabled());
        QCOMPARE(passing(limiter, "client"), 4);
        const std::optional<int> wait = limiter.take("client");
        QVERIFY(wait.has_value());
        QCOMPARE(*wait, 1);

        RateLimiter explicitBurst(10, 3);
        QCOMPARE(passing(explicitBurst, "client"), 3);
        RateLimiter noBurst(10, 0); // a burst of at least one
        QCOMPARE(passing(noBurst, "client"), 1);
    }

    // (Steps of a quarter or half a request keep the sums exact in binary.)
    void theBucketRefillsAtTheRate()
    {
        TestClock clock;
        RateLimiter limiter(2);
        QCOMPARE(passing(limiter, "client"), 4);
        clock.advance(250ms);
        QVERIFY(refused(limiter, "client")); // half a request's worth
        clock.advance(250ms);
        QVERIFY(!refused(limiter, "client"));
        QVERIFY(refused(limiter, "client"));
        // Refused requests cost nothing: the half second after them refills one.
        for (int i = 0; i < 10; ++i)
            QVERIFY(refused(limiter, "client"));
        clock.advance(500ms);
        QCOMPARE(passing(limiter, "client"), 1);
        clock.advance(1250ms);
        QCOMPARE(passing(limiter, "client"), 2); // two and a half: the half stays
        clock.advance(250ms);
        QCOMPARE(passing(limiter, "client"), 1);
    }

    // An idle client saves up no more than a burst.
    void idleTimeSavesUpOneBurstAtMost()
    {
        TestClock clock;
        RateLimiter limiter(5, 10);
        QCOMPARE(passing(limiter, "client"), 10);
        clock.advance(30s); // 150 requests' worth, kept in the bucket
        QCOMPARE(passing(limiter, "client"), 10);
        clock.advance(1h); // long enough for the bucket to be forgotten
        QCOMPARE(passing(limiter, "client"), 10);
        clock.advance(1s);
        QCOMPARE(passing(limiter, "client"), 5);
    }

    // Retry-After is the whole seconds until one request's worth is back,
    // rounded up, and never 0.
    void retryAfterIsTheWaitRoundedUp()
    {
        TestClock clock;
        RateLimiter slow(1); // one a second, bursts of 2
        QCOMPARE(passing(slow, "client"), 2);
        QCOMPARE(slow.take("client").value_or(-1), 1);
        clock.advance(999ms);
        QCOMPARE(slow.take("client").value_or(-1), 1); // a millisecond left: still a whole second
        clock.advance(2ms);
        QVERIFY(!refused(slow, "client"));
        QCOMPARE(slow.take("client").value_or(-1), 1);

        RateLimiter fast(1000, 1);
        QVERIFY(!refused(fast, "client"));
        QCOMPARE(fast.take("client").value_or(-1), 1); // a millisecond away, said as one second
        clock.advance(2ms);
        QVERIFY(!refused(fast, "client"));
    }

    void eachKeyHasItsOwnBucket()
    {
        TestClock clock;
        RateLimiter limiter(1, 2);
        QCOMPARE(passing(limiter, "alice's token"), 2);
        QCOMPARE(passing(limiter, "bob's token"), 2);
        QCOMPARE(passing(limiter, "127.0.0.1"), 2);
        QCOMPARE(passing(limiter, QByteArray("a\0b", 3)), 2);
        QCOMPARE(passing(limiter, QByteArray("a\0c", 3)), 2); // keys are bytes, NULs and all
        QCOMPARE(passing(limiter, QByteArray()), 2);
        QVERIFY(refused(limiter, "alice's token"));
    }

    // Buckets are forgotten once full again (the same as none): a minute
    // later, or when there are many. One that is still holding a client back
    // is kept.
    void forgettingIdleKeysKeepsTheLimitedOnes()
    {
        TestClock clock;
        RateLimiter limiter(1, 2);
        QCOMPARE(passing(limiter, "held back"), 2);
        for (int i = 0; i < 10001; ++i) // more than the limiter keeps before it sweeps
            QVERIFY(!refused(limiter, "spray " + QByteArray::number(i)));
        QVERIFY(refused(limiter, "held back"));
        clock.advance(61s); // everything refilled: the sweep forgets every bucket
        QCOMPARE(passing(limiter, "held back"), 2);
        QCOMPARE(passing(limiter, "spray 1"), 2);
    }

    void zeroTurnsTheLimitOff()
    {
        TestClock clock;
        RateLimiter off(0);
        QVERIFY(!off.isEnabled());
        QCOMPARE(passing(off, "client", 10000), 10000);
        RateLimiter negative(-5, 10);
        QVERIFY(!negative.isEnabled());
        QCOMPARE(passing(negative, "client", 100), 100);
    }
};

QTEST_GUILESS_MAIN(TestRestRateLimiter)
#include "tst_rest_ratelimiter.moc"
