// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Several instances on one database (docs/design.md, "Several instances"), here
// as two Database + Services pairs in one test process, each with its own
// connections and notifier, as two `serve` processes would have: the sign-in
// throttle counts across them, and on PostgreSQL each hears the other's changes
// through LISTEN/NOTIFY the moment they commit (not at its next look at the
// ordered feed), but not its own a second time.

#include "ServiceFixture.h"
#include "storage/OpenDatabase.h"

#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>
#include <vector>

using namespace signoff;
using namespace signoff::test;

namespace {

// The second instance on the fixture's database.
struct OtherInstance
{
    explicit OtherInstance(ServiceFixture &first, ServiceOptions options = ServiceFixture::fastOptions())
        : database(openDatabase(first.testDatabase().url()))
    {
        if (database)
            services = std::make_unique<Services>(*database.value(), notifier, options);
    }
    ~OtherInstance()
    {
        services.reset();
    }

    Result<std::unique_ptr<Database>> database;
    ChangeNotifier notifier;
    std::unique_ptr<Services> services;
};

bool announced(const QSignalSpy &spy, EntityType type, const QString &id)
{
    for (const QList<QVariant> &arguments : spy) {
        if (arguments.at(0).value<EntityType>() == type && arguments.at(1).toString() == id)
            return true;
    }
    return false;
}

int timesAnnounced(const QSignalSpy &spy, EntityType type, const QString &id)
{
    int times = 0;
    for (const QList<QVariant> &arguments : spy)
        times += arguments.at(0).value<EntityType>() == type && arguments.at(1).toString() == id;
    return times;
}

} // namespace

#define SIGNOFF_REQUIRE_OTHER(other)                                                                        \
    do {                                                                                                    \
        if (!(other).database)                                                                              \
            QFAIL(qPrintable((other).database.error().message.english()));                                \
    } while (false)

#define SIGNOFF_POSTGRESQL_ONLY(fixture)                                                                    \
    do {                                                                                                    \
        if ((fixture).database().dialect() != SqlDialect::Postgresql)                                     \
            QSKIP("LISTEN/NOTIFY is PostgreSQL's; SQLite's processes watch the ordered feed");          \
    } while (false)

class TestSharedInstances : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qRegisterMetaType<EntityType>();
    }

    void failedSignInsCountOnEveryInstance()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        OtherInstance other(f);
        SIGNOFF_REQUIRE_OTHER(other);
        for (int i = 0; i < 3; ++i)
            SIGNOFF_VERIFY_ERROR(f.services().auth().issueToken(QStringLiteral("alice"), QStringLiteral("guess %1").arg(i)),
                                 Unauthenticated);
        for (int i = 3; i < 5; ++i)
            SIGNOFF_VERIFY_ERROR(other.services->auth().issueToken(QStringLiteral("alice"), QStringLiteral("guess %1").arg(i)),
                                 Unauthenticated);
        // Five in all: locked on both, even for the right password.
        auto locked = other.services->auth().issueToken(QStringLiteral("alice"), ServiceFixture::password());
        SIGNOFF_VERIFY_ERROR(locked, RateLimited);
        QVERIFY(locked.error().retryAfterSeconds >= 55 && locked.error().retryAfterSeconds <= 60);
        SIGNOFF_VERIFY_ERROR(f.services().auth().issueToken(QStringLiteral("alice"), ServiceFixture::password()), RateLimited);
        // Only that name.
        SIGNOFF_VERIFY_OK(other.services->auth().issueToken(QStringLiteral("bob"), ServiceFixture::password()));
        // The names are not stored, only their keys.
        QCOMPARE(f.count(QStringLiteral("sign_in_attempt"), QStringLiteral("name_key = ?"), {QStringLiteral("alice")}), 0);
        QCOMPARE(f.count(QStringLiteral("sign_in_attempt"), QStringLiteral("name_key = ?"), {sha256Hex(QStringLiteral("alice"))}), 5);
    }

    void aSuccessOnOneInstanceClearsTheNameOnAll()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        OtherInstance other(f);
        SIGNOFF_REQUIRE_OTHER(other);
        for (int i = 0; i < 4; ++i)
            SIGNOFF_VERIFY_ERROR(f.services().auth().signIn(QStringLiteral("bob"), QStringLiteral("nope")), Unauthenticated);
        SIGNOFF_VERIFY_OK(other.services->auth().signIn(QStringLiteral("bob"), ServiceFixture::password()));
        for (int i = 0; i < 4; ++i)
            SIGNOFF_VERIFY_ERROR(f.services().auth().signIn(QStringLiteral("bob"), QStringLiteral("nope")), Unauthenticated);
        SIGNOFF_VERIFY_OK(f.services().auth().signIn(QStringLiteral("bob"), ServiceFixture::password()));
        QCOMPARE(f.count(QStringLiteral("sign_in_attempt")), 0);
    }

    // Guesses sent at once to two instances: each counts as it starts,
    // under a lock per name, so no more than five get a password check.
    void concurrentGuessesOnTwoInstancesStopAtFive()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        OtherInstance other(f);
        SIGNOFF_REQUIRE_OTHER(other);
        constexpr int guesses = 10;
        std::atomic<int> ready{0};
        std::atomic<int> refused{0};
        std::atomic<int> limited{0};
        std::atomic<int> unexpected{0};
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < guesses; ++i) {
            Services &services = i % 2 ? *other.services : f.services();
            threads.emplace_back(QThread::create([&, i] {
                ++ready;
                while (ready.load() < guesses)
                    QThread::yieldCurrentThread();
                auto result = services.auth().signIn(QStringLiteral("alice"), QStringLiteral("guess %1").arg(i));
                if (!result && result.error().kind == ErrorKind::Unauthenticated)
                    ++refused;
                else if (!result && result.error().kind == ErrorKind::RateLimited)
                    ++limited;
                else
                    ++unexpected;
                services.releaseThreadConnection();
            }));
            threads.back()->start();
        }
        for (auto &thread : threads)
            QVERIFY(thread->wait(60000));
        QCOMPARE(unexpected.load(), 0);
        QCOMPARE(refused.load(), 5);
        QCOMPARE(limited.load(), guesses - 5);
    }

    void anotherInstancesChangeIsAnnouncedWhenItCommits()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        SIGNOFF_POSTGRESQL_ONLY(f);
        OtherInstance other(f);
        SIGNOFF_REQUIRE_OTHER(other);
        QSignalSpy heard(&other.notifier, &ChangeNotifier::changed);
        other.services->feed().start(); // listens, as `serve` does
        // Listening has begun when the listener says so (it announces that
        // users may have changed meanwhile).
        QTRY_VERIFY_WITH_TIMEOUT(announced(heard, EntityType::User, QString()), 10000);

        auto created = f.services().features().create(f.alice, {QStringLiteral("Heard elsewhere"), {}});
        SIGNOFF_VERIFY_OK(created);
        // Only the notification can bring it: the other instance runs no
        // change watcher here.
        QTRY_VERIFY_WITH_TIMEOUT(announced(heard, EntityType::Feature, idText(created->id)), 5000);
    }

    void aTokenRevokedOnOneInstanceIsRefusedByTheOther()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        SIGNOFF_POSTGRESQL_ONLY(f);
        ServiceOptions caching = ServiceFixture::fastOptions();
        caching.readCacheTtl = std::chrono::seconds(300);
        OtherInstance other(f, caching);
        SIGNOFF_REQUIRE_OTHER(other);
        QSignalSpy heard(&other.notifier, &ChangeNotifier::changed);
        other.services->feed().start();
        QTRY_VERIFY_WITH_TIMEOUT(announced(heard, EntityType::User, QString()), 10000);

        auto issued = f.services().auth().issueToken(QStringLiteral("alice"), ServiceFixture::password());
        SIGNOFF_VERIFY_OK(issued);
        SIGNOFF_VERIFY_OK(other.services->auth().authenticate(issued->token)); // now in its cache
        SIGNOFF_VERIFY_OK(other.services->auth().authenticate(issued->token));
        SIGNOFF_VERIFY_OK(f.services().auth().revoke(issued->token));
        // Without the notification the cached token would stay good for 300 s.
        QTRY_VERIFY_WITH_TIMEOUT(!other.services->auth().authenticate(issued->token), 5000);

        // A user disabled on one instance is refused by the other too.
        auto bobs = f.services().auth().issueToken(QStringLiteral("bob"), ServiceFixture::password());
        SIGNOFF_VERIFY_OK(bobs);
        SIGNOFF_VERIFY_OK(other.services->auth().authenticate(bobs->token));
        auto bob = f.services().users().get(f.adam, QStringLiteral("bob"));
        SIGNOFF_VERIFY_OK(bob);
        UserPatch disable;
        disable.disabled = true;
        SIGNOFF_VERIFY_OK(f.services().users().update(f.adam, QStringLiteral("bob"), disable, bob->version));
        QTRY_VERIFY_WITH_TIMEOUT(!other.services->auth().authenticate(bobs->token), 5000);
    }

    void anInstanceDoesNotHearItsOwnChangesTwice()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        SIGNOFF_POSTGRESQL_ONLY(f);
        OtherInstance witness(f);
        SIGNOFF_REQUIRE_OTHER(witness);
        QSignalSpy witnessed(&witness.notifier, &ChangeNotifier::changed);
        QSignalSpy own(&f.notifier(), &ChangeNotifier::changed);
        f.services().feed().start();
        witness.services->feed().start();
        QTRY_VERIFY_WITH_TIMEOUT(announced(own, EntityType::User, QString()), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(announced(witnessed, EntityType::User, QString()), 10000);

        auto created = f.services().features().create(f.alice, {QStringLiteral("Said once"), {}});
        SIGNOFF_VERIFY_OK(created);
        // When the witness has heard it, so would the instance itself have.
        QTRY_VERIFY_WITH_TIMEOUT(announced(witnessed, EntityType::Feature, idText(created->id)), 5000);
        QTest::qWait(200);
        QCOMPARE(timesAnnounced(own, EntityType::Feature, idText(created->id)), 1);
    }

    // The listening connection dropped (the server restarted, an operator
    // ended it): the listener notices, listens again, and says so.
    void theListenerComesBackAfterItsConnectionIsEnded()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        SIGNOFF_POSTGRESQL_ONLY(f);
        OtherInstance other(f);
        SIGNOFF_REQUIRE_OTHER(other);
        QSignalSpy heard(&other.notifier, &ChangeNotifier::changed);
        other.services->feed().start();
        QTRY_VERIFY_WITH_TIMEOUT(announced(heard, EntityType::User, QString()), 10000);

        QVERIFY(f.exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                      "WHERE application_name = 'signoff-listener' AND datname = current_database()")));
        heard.clear();
        // Listening again: said with "users may have changed meanwhile".
        QTRY_VERIFY_WITH_TIMEOUT(announced(heard, EntityType::User, QString()), 10000);
        auto created = f.services().features().create(f.alice, {QStringLiteral("Heard after a reconnect"), {}});
        SIGNOFF_VERIFY_OK(created);
        QTRY_VERIFY_WITH_TIMEOUT(announced(heard, EntityType::Feature, idText(created->id)), 5000);
    }
};

QTEST_GUILESS_MAIN(TestSharedInstances)
#include "tst_sharedinstances.moc"
