// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The read caches of the service layer: features by id (FeatureService::get)
// and the user behind an API token (AuthService::authenticate). A change made
// through the services, from any thread, is never served stale; a change
// someone else announces (the ChangeWatcher does for other processes) drops
// the entry at once; the TTL bounds what nobody announces; revocation,
// disabling and expiry of a token take effect at once. The bare ReadCache:
// bounded (by count or by the size of what it holds), TTL, and a fill that
// raced with an invalidation is not kept. Time is a TestClock's: the tests
// move it instead of waiting.

#include "ServiceFixture.h"
#include "service/CacheFootprint.h"
#include "service/ReadCache.h"
#include "TestClock.h"

#include <QThread>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

ServiceOptions withTtl(std::chrono::milliseconds ttl)
{
    ServiceOptions options = ServiceFixture::fastOptions();
    options.readCacheTtl = ttl;
    return options;
}

} // namespace

class TestReadCache : public QObject
{
    Q_OBJECT

    // Changes the row behind the services' back, as another program would.
    static void renameDirectly(ServiceFixture &f, const QUuid &id, const QString &name)
    {
        QString error;
        QVERIFY2(f.exec(QStringLiteral("UPDATE feature_data SET name = '%1', version = version + 1 WHERE id = '%2'")
                            .arg(name, id.toString(QUuid::WithoutBraces)),
                        &error),
                 qPrintable(error));
    }

private slots:
    void bareCacheIsBoundedAndExpires()
    {
        TestClock clock;
        ReadCache<int, QString> cache(3, std::chrono::milliseconds(150));
        QVERIFY(cache.isEnabled());
        for (int i = 0; i < 10; ++i)
            cache.store(i, QString::number(i), cache.ticket());
        QCOMPARE(cache.size(), qsizetype(3));
        cache.clear();
        cache.store(1, QStringLiteral("one"), cache.ticket());
        QCOMPARE(cache.find(1).value_or(QString()), QStringLiteral("one"));
        clock.advance(std::chrono::milliseconds(149));
        QCOMPARE(cache.find(1).value_or(QString()), QStringLiteral("one"));
        clock.advance(std::chrono::milliseconds(1));
        QVERIFY(!cache.find(1));

        ReadCache<int, QString> off(100, std::chrono::milliseconds(0));
        QVERIFY(!off.isEnabled());
        off.store(1, QStringLiteral("one"), off.ticket());
        QVERIFY(!off.find(1));
    }

    // What "full" means is the sum of the costs the stores name, so a cache
    // of values that vary in size is bounded by their size.
    void bareCacheIsBoundedByTheCostOfWhatItHolds()
    {
        ReadCache<int, QString> cache(100, std::chrono::seconds(60));
        cache.store(1, QStringLiteral("one"), cache.ticket(), 40);
        cache.store(2, QStringLiteral("two"), cache.ticket(), 40);
        QCOMPARE(cache.cost(), qsizetype(80));
        cache.store(3, QStringLiteral("three"), cache.ticket(), 40); // the oldest makes room
        QCOMPARE(cache.size(), qsizetype(2));
        QCOMPARE(cache.cost(), qsizetype(80));
        QVERIFY(!cache.find(1));
        QVERIFY(cache.find(2) && cache.find(3));

        cache.store(2, QStringLiteral("two, larger"), cache.ticket(), 60); // replaced: its old cost goes
        QCOMPARE(cache.cost(), qsizetype(100));
        QCOMPARE(cache.find(2).value_or(QString()), QStringLiteral("two, larger"));
        QVERIFY(cache.find(3));

        cache.store(4, QStringLiteral("too large"), cache.ticket(), 101); // more than the whole cache
        QVERIFY(!cache.find(4));
        QCOMPARE(cache.cost(), qsizetype(100));

        cache.invalidate(2);
        QCOMPARE(cache.cost(), qsizetype(40));
        cache.invalidateIf([](int key, const QString &) { return key == 3; });
        QCOMPARE(cache.cost(), qsizetype(0));
        QCOMPARE(cache.size(), qsizetype(0));

        for (int i = 0; i < 1000; ++i)
            cache.store(i % 7, QString::number(i), cache.ticket(), 1 + i % 30);
        QVERIFY(cache.cost() <= 100);
        cache.clear();
        QCOMPARE(cache.cost(), qsizetype(0));
    }

    // Features count by their size: a feature whose options take more than
    // the whole budget is read from the database every time; small ones are
    // kept.
    void featuresAreCountedBySize()
    {
        ServiceOptions options = withTtl(std::chrono::seconds(60));
        options.itemCacheBytes = 16 * 1024;
        ServiceFixture f(options);
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QJsonObject large{{QStringLiteral("notes"), QString(20000, u'x')}};
        auto big = f.services().features().create(f.alice, NewFeature{QStringLiteral("Large options"), large});
        auto small = f.services().features().create(f.alice, NewFeature{QStringLiteral("Small options"), {}});
        SIGNOFF_VERIFY_OK(big);
        SIGNOFF_VERIFY_OK(small);
        QVERIFY(approximateFootprint(*big) > 40000);
        QVERIFY(approximateFootprint(*small) < 1000);
        QVERIFY(approximateFootprint(*small) > 200);
        QVERIFY(approximateFootprint(QByteArray(1000, 'x')) > 1000); // serialised representations count the same way
        SIGNOFF_VERIFY_OK(f.services().features().get(f.bob, big->id));
        SIGNOFF_VERIFY_OK(f.services().features().get(f.bob, small->id));

        renameDirectly(f, big->id, QStringLiteral("Large, renamed"));
        renameDirectly(f, small->id, QStringLiteral("Small, renamed"));
        QCOMPARE(f.services().features().get(f.bob, big->id)->name, QStringLiteral("Large, renamed"));
        QCOMPARE(f.services().features().get(f.bob, small->id)->name, QStringLiteral("Small options"));
    }

    // A value read before an invalidation is not stored after it.
    void bareCacheRefusesAFillThatRacedWithAChange()
    {
        ReadCache<int, QString> cache(10, std::chrono::seconds(60));
        const auto ticket = cache.ticket();
        cache.invalidate(7); // a change committed while the value was being read
        cache.store(7, QStringLiteral("stale"), ticket);
        QVERIFY(!cache.find(7));
        cache.store(7, QStringLiteral("fresh"), cache.ticket());
        QCOMPARE(cache.find(7).value_or(QString()), QStringLiteral("fresh"));
        cache.invalidateIf([](int key, const QString &) { return key == 7; });
        QVERIFY(!cache.find(7));
    }

    void featureReadsAreCachedUntilAChangeIsAnnounced()
    {
        ServiceFixture f(withTtl(std::chrono::seconds(60)));
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto feature = f.services().features().create(f.alice, NewFeature{QStringLiteral("Cached"), {}});
        SIGNOFF_VERIFY_OK(feature);
        SIGNOFF_VERIFY_OK(f.services().features().get(f.bob, feature->id));

        renameDirectly(f, feature->id, QStringLiteral("Renamed elsewhere"));
        auto cached = f.services().features().get(f.bob, feature->id);
        SIGNOFF_VERIFY_OK(cached);
        QCOMPARE(cached->name, QStringLiteral("Cached")); // served from the cache: nobody announced the change

        f.notifier().announce(EntityType::Feature, feature->id.toString(QUuid::WithoutBraces));
        auto fresh = f.services().features().get(f.bob, feature->id);
        SIGNOFF_VERIFY_OK(fresh);
        QCOMPARE(fresh->name, QStringLiteral("Renamed elsewhere"));
        QCOMPARE(fresh->version, 2);

        renameDirectly(f, feature->id, QStringLiteral("Bulk change"));
        f.notifier().announce(EntityType::Feature, QString()); // "features changed", no id
        QCOMPARE(f.services().features().get(f.bob, feature->id)->name, QStringLiteral("Bulk change"));
    }

    void changesThroughTheServicesAreSeenAtOnce()
    {
        ServiceFixture f(withTtl(std::chrono::seconds(60)));
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto feature = f.services().features().create(f.alice, NewFeature{QStringLiteral("Draft"), {}});
        SIGNOFF_VERIFY_OK(feature);
        SIGNOFF_VERIFY_OK(f.services().features().get(f.bob, feature->id));

        FeaturePatch patch;
        patch.name = QStringLiteral("Edited");
        SIGNOFF_VERIFY_OK(f.services().features().update(f.alice, feature->id, patch, 1));
        auto edited = f.services().features().get(f.bob, feature->id);
        SIGNOFF_VERIFY_OK(edited);
        QCOMPARE(edited->name, QStringLiteral("Edited"));
        QCOMPARE(edited->version, 2);

        SIGNOFF_VERIFY_OK(f.services().features().transition(f.alice, feature->id, WorkflowAction::Submit, 2));
        QVERIFY(f.services().features().get(f.bob, feature->id)->status == ItemStatus::Pending);
        SIGNOFF_VERIFY_OK(f.services().features().transition(f.rita, feature->id, WorkflowAction::Approve, 3));
        QVERIFY(f.services().features().get(f.bob, feature->id)->status == ItemStatus::Approved);
        QCOMPARE(f.services().features().get(f.bob, feature->id)->version, 4);
    }

    // The REST server's threads and the window's thread share one cache: a
    // change made in one thread is what the next read in another sees.
    void aChangeInAnotherThreadIsNotServedStale()
    {
        ServiceFixture f(withTtl(std::chrono::seconds(60)));
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto feature = f.services().features().create(f.alice, NewFeature{QStringLiteral("Shared"), {}});
        SIGNOFF_VERIFY_OK(feature);
        for (int version = 1; version <= 5; ++version) {
            auto seen = f.services().features().get(f.bob, feature->id);
            SIGNOFF_VERIFY_OK(seen);
            QCOMPARE(seen->version, version);
            std::optional<Result<Feature>> edited;
            std::unique_ptr<QThread> writer(QThread::create([&] {
                FeaturePatch patch;
                patch.name = QStringLiteral("Shared %1").arg(version);
                edited = f.services().features().update(f.alice, feature->id, patch, version);
                f.database().closeThreadConnection();
            }));
            writer->start();
            QVERIFY(writer->wait(20000));
            QVERIFY(edited && *edited);
            auto after = f.services().features().get(f.bob, feature->id);
            SIGNOFF_VERIFY_OK(after);
            QCOMPARE(after->version, version + 1);
            QCOMPARE(after->name, QStringLiteral("Shared %1").arg(version));
        }
    }

    void theTtlBoundsWhatNobodyAnnounces()
    {
        TestClock clock;
        ServiceFixture f(withTtl(std::chrono::seconds(30)));
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto feature = f.services().features().create(f.alice, NewFeature{QStringLiteral("Short-lived"), {}});
        SIGNOFF_VERIFY_OK(feature);
        SIGNOFF_VERIFY_OK(f.services().features().get(f.bob, feature->id));
        renameDirectly(f, feature->id, QStringLiteral("Changed unannounced"));
        clock.advance(std::chrono::seconds(29));
        QCOMPARE(f.services().features().get(f.bob, feature->id)->name, QStringLiteral("Short-lived"));
        clock.advance(std::chrono::seconds(1));
        QCOMPARE(f.services().features().get(f.bob, feature->id)->name, QStringLiteral("Changed unannounced"));
    }

    void aTtlOfZeroTurnsTheCachesOff()
    {
        ServiceFixture f(withTtl(std::chrono::milliseconds(0)));
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto feature = f.services().features().create(f.alice, NewFeature{QStringLiteral("Uncached"), {}});
        SIGNOFF_VERIFY_OK(feature);
        SIGNOFF_VERIFY_OK(f.services().features().get(f.bob, feature->id));
        renameDirectly(f, feature->id, QStringLiteral("Seen at once"));
        QCOMPARE(f.services().features().get(f.bob, feature->id)->name, QStringLiteral("Seen at once"));
    }

    void aRevokedTokenIsRefusedAtOnce()
    {
        ServiceFixture f(withTtl(std::chrono::seconds(60)));
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto issued = f.services().auth().issueToken(QStringLiteral("alice"), ServiceFixture::password());
        SIGNOFF_VERIFY_OK(issued);
        SIGNOFF_VERIFY_OK(f.services().auth().authenticate(issued->token));
        SIGNOFF_VERIFY_OK(f.services().auth().authenticate(issued->token)); // now from the cache
        SIGNOFF_VERIFY_OK(f.services().auth().revoke(issued->token));
        SIGNOFF_VERIFY_ERROR(f.services().auth().authenticate(issued->token), Unauthenticated);
    }

    void aDisabledUsersTokensAreRefusedAtOnceAndARoleChangeIsSeen()
    {
        ServiceFixture f(withTtl(std::chrono::seconds(60)));
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto issued = f.services().auth().issueToken(QStringLiteral("alice"), ServiceFixture::password());
        SIGNOFF_VERIFY_OK(issued);
        QVERIFY(f.services().auth().authenticate(issued->token)->role == Role::Requester);

        UserPatch promote;
        promote.role = Role::Reviewer;
        SIGNOFF_VERIFY_OK(f.services().users().update(f.adam, QStringLiteral("alice"), promote));
        QVERIFY(f.services().auth().authenticate(issued->token)->role == Role::Reviewer);

        // From another thread, as the desktop's administrator would.
        std::optional<Result<User>> disabled;
        std::unique_ptr<QThread> admin(QThread::create([&] {
            UserPatch patch;
            patch.disabled = true;
            disabled = f.services().users().update(f.adam, QStringLiteral("alice"), patch);
            f.database().closeThreadConnection();
        }));
        admin->start();
        QVERIFY(admin->wait(20000));
        QVERIFY(disabled && *disabled);
        SIGNOFF_VERIFY_ERROR(f.services().auth().authenticate(issued->token), Unauthenticated);
    }

    // Another program removed the token; its audit row makes the watcher
    // announce the user, and the cached token goes.
    void aTokenRemovedElsewhereGoesWithTheAnnouncement()
    {
        ServiceFixture f(withTtl(std::chrono::seconds(60)));
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto issued = f.services().auth().issueToken(QStringLiteral("bob"), ServiceFixture::password());
        SIGNOFF_VERIFY_OK(issued);
        // (The first use records itself on the token and reads it again; the second is cached.)
        SIGNOFF_VERIFY_OK(f.services().auth().authenticate(issued->token));
        SIGNOFF_VERIFY_OK(f.services().auth().authenticate(issued->token));
        QString error;
        QVERIFY2(f.exec(QStringLiteral("DELETE FROM api_token"), &error), qPrintable(error));
        SIGNOFF_VERIFY_OK(f.services().auth().authenticate(issued->token)); // nobody said so yet
        f.notifier().announce(EntityType::User, f.bob.id.toString(QUuid::WithoutBraces));
        SIGNOFF_VERIFY_ERROR(f.services().auth().authenticate(issued->token), Unauthenticated);
    }

    void anExpiredTokenIsRefusedThoughCached()
    {
        TestClock clock;
        ServiceOptions options = withTtl(std::chrono::hours(2));
        options.tokenLifetime = std::chrono::hours(1);
        ServiceFixture f(options);
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto issued = f.services().auth().issueToken(QStringLiteral("alice"), ServiceFixture::password());
        SIGNOFF_VERIFY_OK(issued);
        QCOMPARE(issued->expiresAt, clock.now().addSecs(3600));
        SIGNOFF_VERIFY_OK(f.services().auth().authenticate(issued->token));
        SIGNOFF_VERIFY_OK(f.services().auth().authenticate(issued->token)); // from the cache
        clock.advance(std::chrono::hours(1) - std::chrono::milliseconds(1));
        SIGNOFF_VERIFY_OK(f.services().auth().authenticate(issued->token)); // records its use, reads it again
        SIGNOFF_VERIFY_OK(f.services().auth().authenticate(issued->token)); // from the cache again
        clock.advance(std::chrono::milliseconds(1));
        SIGNOFF_VERIFY_ERROR(f.services().auth().authenticate(issued->token), Unauthenticated);
    }
};

QTEST_GUILESS_MAIN(TestReadCache)
#include "tst_readcache.moc"
