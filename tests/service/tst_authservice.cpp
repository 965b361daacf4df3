// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// AuthService: passwords, API tokens (stored hashed, expiring, revocable),
// and the sign-in throttle shared by every door.

#include "ServiceFixture.h"
#include "TestClock.h"

#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>
#include <vector>

using namespace signoff;
using namespace signoff::test;

class TestAuthService : public QObject
{
    Q_OBJECT

private slots:
    void tokenRoundTrip()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto issued = f.services().auth().issueToken(QStringLiteral("alice"), ServiceFixture::password());
        SIGNOFF_VERIFY_OK(issued);
        QVERIFY(issued->token.size() >= 43); // 32 random bytes
        const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(issued->expiresAt);
        QVERIFY2(lifetime > 11 * 3600 && lifetime <= 12 * 3600, qPrintable(QString::number(lifetime)));

        auto actor = f.services().auth().authenticate(issued->token);
        SIGNOFF_VERIFY_OK(actor);
        QCOMPARE(actor->username, QStringLiteral("alice"));
        QCOMPARE(actor->id, f.alice.id);

        // Only the hash is stored.
        QCOMPARE(f.count(QStringLiteral("api_token"), QStringLiteral("token_hash = ?"), {issued->token}), 0);
        QCOMPARE(f.count(QStringLiteral("api_token"), QStringLiteral("token_hash = ?"), {sha256Hex(issued->token)}), 1);

        SIGNOFF_VERIFY_OK(f.services().auth().revoke(issued->token));
        SIGNOFF_VERIFY_ERROR(f.services().auth().authenticate(issued->token), Unauthenticated);
        SIGNOFF_VERIFY_ERROR(f.services().auth().revoke(issued->token), Unauthenticated);
        QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("action IN ('sign_in', 'sign_out')")), 2);
    }

    void wrongCredentialsLookAlike()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto wrongPassword = f.services().auth().issueToken(QStringLiteral("alice"), QStringLiteral("wrong password"));
        auto unknownUser = f.services().auth().issueToken(QStringLiteral("nobody"), ServiceFixture::password());
        SIGNOFF_VERIFY_ERROR(wrongPassword, Unauthenticated);
        SIGNOFF_VERIFY_ERROR(unknownUser, Unauthenticated);
        QCOMPARE(wrongPassword.error().message.english(), unknownUser.error().message.english());
        SIGNOFF_VERIFY_ERROR(f.services().auth().authenticate(QStringLiteral("made-up")), Unauthenticated);
        SIGNOFF_VERIFY_ERROR(f.services().auth().authenticate(QString()), Unauthenticated);
        SIGNOFF_VERIFY_ERROR(f.services().auth().authenticate(QString(10000, u'x')), Unauthenticated);
        QCOMPARE(f.count(QStringLiteral("api_token")), 0);
    }

    // An empty name or password is a form left unfilled (Invalid, naming the
    // field), not a wrong credential, and is never counted as a failure.
    void emptyCredentialsAreInvalid()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto neither = f.services().auth().issueToken(QString(), QString());
        SIGNOFF_VERIFY_ERROR(neither, Invalid);
        QCOMPARE(neither.error().fields.size(), 2);
        QCOMPARE(neither.error().fields.at(0).field, QStringLiteral("username"));
        QCOMPARE(neither.error().fields.at(1).field, QStringLiteral("password"));
        auto noPassword = f.services().auth().signIn(QStringLiteral("alice"), QString());
        SIGNOFF_VERIFY_ERROR(noPassword, Invalid);
        QCOMPARE(noPassword.error().fields.size(), 1);
        QCOMPARE(noPassword.error().fields.at(0).field, QStringLiteral("password"));
        SIGNOFF_VERIFY_ERROR(f.services().auth().issueToken(QStringLiteral("alice"), QStringLiteral("wrong password")), Unauthenticated);
    }

    void fiveFailuresLockTheNameEvenForTheRightPassword()
    {
        TestClock clock;
        ServiceFixture f; // five failures a minute
        SIGNOFF_REQUIRE_FIXTURE(f);
        for (int i = 0; i < 5; ++i)
            SIGNOFF_VERIFY_ERROR(f.services().auth().issueToken(QStringLiteral("alice"), QStringLiteral("guess %1").arg(i)), Unauthenticated);
        auto locked = f.services().auth().issueToken(QStringLiteral("alice"), ServiceFixture::password());
        SIGNOFF_VERIFY_ERROR(locked, RateLimited);
        QCOMPARE(locked.error().retryAfterSeconds, 60);
        SIGNOFF_VERIFY_ERROR(f.services().auth().signIn(QStringLiteral("alice"), ServiceFixture::password()), RateLimited);
        // Other names are not affected.
        SIGNOFF_VERIFY_OK(f.services().auth().issueToken(QStringLiteral("bob"), ServiceFixture::password()));

        clock.advance(std::chrono::seconds(59));
        locked = f.services().auth().issueToken(QStringLiteral("alice"), ServiceFixture::password());
        SIGNOFF_VERIFY_ERROR(locked, RateLimited);
        QCOMPARE(locked.error().retryAfterSeconds, 1);
        clock.advance(std::chrono::milliseconds(1001)); // the failures left the minute
        SIGNOFF_VERIFY_OK(f.services().auth().issueToken(QStringLiteral("alice"), ServiceFixture::password()));
    }

    // Guesses sent together: each password check takes a good part of a
    // second at the product's cost, so without counting the attempts under
    // way all of them would pass the throttle before the first one failed.
    void concurrentGuessesCountAsTheyStart()
    {
        ServiceOptions options = ServiceFixture::fastOptions();
        options.passwordCost = PasswordHasher::Cost::Interactive;
        ServiceFixture f(options);
        SIGNOFF_REQUIRE_FIXTURE(f);
        constexpr int guesses = 8;
        std::atomic<int> ready{0};
        std::atomic<int> refused{0};
        std::atomic<int> limited{0};
        std::atomic<int> other{0};
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < guesses; ++i) {
            threads.emplace_back(QThread::create([&, i] {
                ++ready;
                while (ready.load() < guesses)
                    QThread::yieldCurrentThread();
                auto result = f.services().auth().signIn(QStringLiteral("alice"), QStringLiteral("guess %1").arg(i));
                if (!result && result.error().kind == ErrorKind::Unauthenticated)
                    ++refused;
                else if (!result && result.error().kind == ErrorKind::RateLimited)
                    ++limited;
                else
                    ++other;
                f.services().releaseThreadConnection();
            }));
            threads.back()->start();
        }
        for (auto &thread : threads)
            QVERIFY(thread->wait(60000));
        QCOMPARE(other.load(), 0);
        QCOMPARE(refused.load(), 5);
        QCOMPARE(limited.load(), guesses - 5);
        SIGNOFF_VERIFY_ERROR(f.services().auth().signIn(QStringLiteral("alice"), ServiceFixture::password()), RateLimited);
    }

    void fourFailuresThenSuccessStartsAfresh()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        for (int i = 0; i < 4; ++i)
            SIGNOFF_VERIFY_ERROR(f.services().auth().signIn(QStringLiteral("bob"), QStringLiteral("nope")), Unauthenticated);
        SIGNOFF_VERIFY_OK(f.services().auth().signIn(QStringLiteral("bob"), ServiceFixture::password()));
        for (int i = 0; i < 4; ++i)
            SIGNOFF_VERIFY_ERROR(f.services().auth().signIn(QStringLiteral("bob"), QStringLiteral("nope")), Unauthenticated);
        SIGNOFF_VERIFY_OK(f.services().auth().signIn(QStringLiteral("bob"), ServiceFixture::password()));
    }

    void tokensExpire()
    {
        TestClock clock;
        ServiceFixture f; // tokens live 12 hours
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto issued = f.services().auth().issueToken(QStringLiteral("alice"), ServiceFixture::password());
        SIGNOFF_VERIFY_OK(issued);
        QCOMPARE(issued->expiresAt, clock.now().addSecs(12 * 3600));
        SIGNOFF_VERIFY_OK(f.services().auth().authenticate(issued->token));
        clock.advance(std::chrono::hours(12) - std::chrono::milliseconds(1));
        SIGNOFF_VERIFY_OK(f.services().auth().authenticate(issued->token));
        clock.advance(std::chrono::milliseconds(1));
        auto expired = f.services().auth().authenticate(issued->token);
        SIGNOFF_VERIFY_ERROR(expired, Unauthenticated);
        QVERIFY(expired.error().message.english().contains(QStringLiteral("expired")));
    }

    void disablingAUserEndsTheirTokensAtOnce()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto issued = f.services().auth().issueToken(QStringLiteral("bob"), ServiceFixture::password());
        SIGNOFF_VERIFY_OK(issued);
        SIGNOFF_VERIFY_OK(f.services().users().update(f.adam, QStringLiteral("bob"), UserPatch{{}, {}, true, {}}));
        SIGNOFF_VERIFY_ERROR(f.services().auth().authenticate(issued->token), Unauthenticated);
        auto signIn = f.services().auth().issueToken(QStringLiteral("bob"), ServiceFixture::password());
        SIGNOFF_VERIFY_ERROR(signIn, Unauthenticated);
        QCOMPARE(signIn.error().message.english(), QStringLiteral("This account is disabled."));

        SIGNOFF_VERIFY_OK(f.services().users().update(f.adam, QStringLiteral("bob"), UserPatch{{}, {}, false, {}}));
        SIGNOFF_VERIFY_ERROR(f.services().auth().authenticate(issued->token), Unauthenticated);
        SIGNOFF_VERIFY_OK(f.services().auth().issueToken(QStringLiteral("bob"), ServiceFixture::password()));
    }

    void changingThePasswordEndsOldTokens()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto issued = f.services().auth().issueToken(QStringLiteral("bob"), ServiceFixture::password());
        SIGNOFF_VERIFY_OK(issued);
        SIGNOFF_VERIFY_OK(f.services().users().update(f.adam, QStringLiteral("bob"), UserPatch{{}, {}, {}, QStringLiteral("a new secret")}));
        SIGNOFF_VERIFY_ERROR(f.services().auth().authenticate(issued->token), Unauthenticated);
        SIGNOFF_VERIFY_ERROR(f.services().auth().signIn(QStringLiteral("bob"), ServiceFixture::password()), Unauthenticated);
        SIGNOFF_VERIFY_OK(f.services().auth().signIn(QStringLiteral("bob"), QStringLiteral("a new secret")));
    }

    void signInRecordsTheTime()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto user = f.services().auth().signIn(QStringLiteral("rita"), ServiceFixture::password());
        SIGNOFF_VERIFY_OK(user);
        QVERIFY(user->lastLoginAt.isValid());
        auto reloaded = f.services().users().get(f.adam, QStringLiteral("rita"));
        QCOMPARE(reloaded->lastLoginAt, user->lastLoginAt);
    }

    void passwordsAreStoredAsArgon2id()
    {
        ServiceOptions options; // the program's real cost
        ServiceFixture f(options);
        SIGNOFF_REQUIRE_FIXTURE(f);
        QCOMPARE(f.count(QStringLiteral("users"), QStringLiteral("password_hash LIKE '$argon2id$%'")), 5);
        QCOMPARE(f.count(QStringLiteral("users"), QStringLiteral("password_hash = ?"), {ServiceFixture::password()}), 0);
        QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("CAST(detail AS TEXT) LIKE ?"), {QStringLiteral("%correct horse%")}), 0);
        SIGNOFF_VERIFY_OK(f.services().auth().signIn(QStringLiteral("alice"), ServiceFixture::password()));
    }
};

QTEST_GUILESS_MAIN(TestAuthService)
#include "tst_authservice.moc"
