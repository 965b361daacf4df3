// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The list models: lazy paging through the services' cursors, server-side
// sorting, filters, and refreshes that keep rows (and selections) by key.
// QAbstractItemModelTester watches every model while it is driven.

#include "Session.h"
#include "UiFixture.h"
#include "models/AuditListModel.h"
#include "models/ItemListModel.h"
#include "models/ProductListModel.h"
#include "models/UserListModel.h"

#include "storage/OpenDatabase.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

class TestUiModels : public QObject
{
    Q_OBJECT

    using Field = ItemListModel::Field;

    static QList<Field> featureFields()
    {
        return {Field::Title, Field::Status, Field::Owner, Field::Version, Field::Updated, Field::Created};
    }

    static void fetchAll(TableModel &model)
    {
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QVERIFY(settled(model));
        }
    }

private slots:
    void pagesLazily()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const int total = ItemListModel::pageSize * 2 + 17;
        for (int i = 0; i < total; ++i)
            fixture.addFeature(alice, QStringLiteral("Feature %1").arg(i, 4, 10, QLatin1Char('0')));
        Session session(fixture.backendFor(alice), alice);

        ItemListModel model(session, ItemListModel::Kinds::Features, featureFields(), {});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QVERIFY(settled(model));
        QCOMPARE(model.rowCount(), ItemListModel::pageSize);
        QVERIFY(model.canFetchMore({}));
        // Newest first: the last one created is on top.
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("Feature %1").arg(total - 1, 4, 10, QLatin1Char('0')));
        model.fetchMore({});
        QVERIFY(settled(model));
        QCOMPARE(model.rowCount(), ItemListModel::pageSize * 2);
        model.fetchMore({});
        QVERIFY(settled(model));
        QCOMPARE(model.rowCount(), total);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(model.isComplete());

        QSet<QString> keys;
        for (int row = 0; row < model.rowCount(); ++row)
            keys.insert(model.keyAt(row));
        QCOMPARE(keys.size(), total);
    }

    void sortsInTheDatabase()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        for (const QString &name : {QStringLiteral("beta"), QStringLiteral("alpha"), QStringLiteral("gamma")})
            fixture.addFeature(alice, name);
        Session session(fixture.backendFor(alice), alice);
        ItemListModel model(session, ItemListModel::Kinds::Features, featureFields(), {});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QVERIFY(settled(model));
        QVERIFY(model.isSortable(0));
        QVERIFY(!model.isSortable(3)); // version: the service cannot sort by it
        model.sort(0, Qt::AscendingOrder);
        QVERIFY(settled(model));
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("alpha"));
        QCOMPARE(model.data(model.index(2, 0)).toString(), QStringLiteral("gamma"));
        model.sort(0, Qt::DescendingOrder);
        QVERIFY(settled(model));
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("gamma"));
        model.sort(3, Qt::AscendingOrder); // ignored
        QVERIFY(settled(model));
        QCOMPARE(model.sortColumn(), 0);
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("gamma"));
    }

    void sortedPagesContinueByKeyset()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const int total = ItemListModel::pageSize + 50;
        for (int i = 0; i < total; ++i)
            fixture.addFeature(alice, QStringLiteral("n%1").arg((i * 7919) % total, 4, 10, QLatin1Char('0')));
        Session session(fixture.backendFor(alice), alice);
        ItemListModel model(session, ItemListModel::Kinds::Features, featureFields(), {});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QVERIFY(settled(model));
        model.sort(0, Qt::AscendingOrder);
        QVERIFY(settled(model));
        fetchAll(model);
        QCOMPARE(model.rowCount(), total);
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.data(model.index(row - 1, 0)).toString() < model.data(model.index(row, 0)).toString());
    }

    void filtersByStatusAndSearch()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        fixture.addFeature(alice, QStringLiteral("Dark mode"));
        fixture.addFeature(alice, QStringLiteral("Light mode"), ItemStatus::Pending);
        fixture.addFeature(alice, QStringLiteral("Export"), ItemStatus::Pending);
        Session session(fixture.backendFor(alice), alice);
        ItemListModel model(session, ItemListModel::Kinds::Features, featureFields(), {});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QVERIFY(settled(model));
        QCOMPARE(model.rowCount(), 3);
        model.setStatusFilter(ItemStatus::Pending);
        QVERIFY(settled(model));
        QCOMPARE(model.rowCount(), 2);
        model.setSearch(QStringLiteral("MODE"));
        QVERIFY(settled(model));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("Light mode"));
        model.setStatusFilter(std::nullopt);
        QVERIFY(settled(model));
        QCOMPARE(model.rowCount(), 2);
    }

    void mergesFeaturesAndOrders()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User adam = fixture.addUser(QStringLiteral("adam"), Role::Admin);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const User bob = fixture.addUser(QStringLiteral("bob"), Role::Requester);
        auto product = fixture.services().products().create(adam.actor(), NewProduct{QStringLiteral("P-1"), QStringLiteral("Pen"), 250, true});
        SIGNOFF_VERIFY_OK(product);
        for (int i = 0; i < 30; ++i) {
            fixture.addFeature(i % 2 ? alice : bob, QStringLiteral("F%1").arg(i));
            auto order = fixture.services().orders().create((i % 3 ? alice : bob).actor(),
                                                            NewOrder{{NewLine{product->id, i + 1}}, QStringLiteral("O%1").arg(i)});
            SIGNOFF_VERIFY_OK(order);
        }
        Session session(fixture.backendFor(alice), alice);
        ItemQuery mine;
        mine.ownerUsername = QStringLiteral("alice");
        ItemListModel model(session, ItemListModel::Kinds::Both,
                            {Field::Type, Field::Title, Field::Status, Field::Total, Field::Updated, Field::Created}, mine);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QVERIFY(settled(model));
        fetchAll(model);
        // alice owns 15 features and 20 orders.
        QCOMPARE(model.rowCount(), 35);
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.rowAt(row - 1).createdAt >= model.rowAt(row).createdAt);
        int orders = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.rowAt(row).ownerUsername, QStringLiteral("alice"));
            if (model.rowAt(row).type == EntityType::Order) {
                ++orders;
                QCOMPARE(model.data(model.index(row, 3)).toString().isEmpty(), false);
            }
        }
        QCOMPARE(orders, 20);
    }

    void reviewQueueLeavesOutOwnItems()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const User rita = fixture.addUser(QStringLiteral("rita"), Role::Reviewer);
        fixture.addFeature(alice, QStringLiteral("Alice's"), ItemStatus::Pending);
        fixture.addFeature(alice, QStringLiteral("Alice's draft"));
        fixture.addFeature(rita, QStringLiteral("Rita's"), ItemStatus::Pending);
        Session session(fixture.backendFor(rita), rita);
        ItemQuery queue;
        queue.status = ItemStatus::Pending;
        queue.excludeOwnedByActor = true;
        ItemListModel model(session, ItemListModel::Kinds::Both, {Field::Type, Field::Title, Field::Owner}, queue);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QVERIFY(settled(model));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowAt(0).title(), QStringLiteral("Alice's"));
    }

    // A refresh applies removals, moves and insertions: a selected row stays
    // selected (by key) wherever it moves.
    void refreshKeepsSelectionByKey()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        QList<Feature> features;
        for (int i = 0; i < 10; ++i)
            features.append(fixture.addFeature(alice, QStringLiteral("F%1").arg(i)));
        Session session(fixture.backendFor(alice), alice);
        ItemListModel model(session, ItemListModel::Kinds::Features, featureFields(), {});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QVERIFY(settled(model));
        // Sorted by last change: a change moves a row to the top.
        const int updatedColumn = 4;
        model.sort(updatedColumn, Qt::DescendingOrder);
        QVERIFY(settled(model));
        QItemSelectionModel selection(&model);
        const QString selectedKey = ItemRow::from(features.at(3)).key();
        const int selectedRow = model.rowOfKey(selectedKey);
        QVERIFY(selectedRow >= 0);
        selection.select(model.index(selectedRow, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        selection.setCurrentIndex(model.index(selectedRow, 0), QItemSelectionModel::NoUpdate);

        // One deleted, one moved to the top by a change, two new.
        SIGNOFF_VERIFY_OK(fixture.services().features().remove(alice.actor(), features.at(5).id));
        QTest::qWait(5);
        SIGNOFF_VERIFY_OK(fixture.services().features().update(alice.actor(), features.at(3).id,
                                                                FeaturePatch{QStringLiteral("F3 renamed"), std::nullopt}));
        fixture.addFeature(alice, QStringLiteral("New 1"));
        fixture.addFeature(alice, QStringLiteral("New 2"));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.refresh();
        QVERIFY(settled(model));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.rowCount(), 11);
        QCOMPARE(model.rowOfKey(ItemRow::from(features.at(5)).key()), -1);
        const int movedTo = model.rowOfKey(selectedKey);
        QVERIFY(movedTo >= 0);
        QCOMPARE(model.data(model.index(movedTo, 0)).toString(), QStringLiteral("F3 renamed"));
        const QModelIndexList selected = selection.selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().row(), movedTo);
        QCOMPARE(selection.currentIndex().row(), movedTo);
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.rowAt(row - 1).updatedAt >= model.rowAt(row).updatedAt);
    }

    void refreshReloadsWhatWasLoaded()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        const int total = ItemListModel::pageSize + 30;
        for (int i = 0; i < total; ++i)
            fixture.addFeature(alice, QStringLiteral("F%1").arg(i));
        Session session(fixture.backendFor(alice), alice);
        ItemListModel model(session, ItemListModel::Kinds::Features, featureFields(), {});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QVERIFY(settled(model));
        model.fetchMore({});
        QVERIFY(settled(model));
        QCOMPARE(model.rowCount(), total);
        fixture.addFeature(alice, QStringLiteral("Newest"));
        model.refresh();
        QVERIFY(settled(model));
        // As many rows as were shown, the newest on top; the one pushed out comes with the next fetch.
        QCOMPARE(model.rowCount(), total);
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("Newest"));
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QVERIFY(settled(model));
        QCOMPARE(model.rowCount(), total + 1);
        QVERIFY(!model.canFetchMore({}));
    }

    void productsUsersAndAudit()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User adam = fixture.addUser(QStringLiteral("adam"), Role::Admin);
        fixture.addUser(QStringLiteral("alice"), Role::Requester);
        for (int i = 0; i < 12; ++i) {
            auto product = fixture.services().products().create(
                adam.actor(), NewProduct{QStringLiteral("SKU-%1").arg(i), QStringLiteral("Product %1").arg(i), 100 * i, i % 4 != 0});
            SIGNOFF_VERIFY_OK(product);
        }
        Session session(fixture.backendFor(adam), adam);

        ProductListModel products(session);
        QAbstractItemModelTester productTester(&products, QAbstractItemModelTester::FailureReportingMode::QtTest);
        products.reload();
        QVERIFY(settled(products));
        QCOMPARE(products.rowCount(), 12);
        products.setActiveFilter(false);
        QVERIFY(settled(products));
        QCOMPARE(products.rowCount(), 3);
        products.setActiveFilter(std::nullopt);
        QVERIFY(settled(products));
        products.setSearch(QStringLiteral("sku-1"));
        QVERIFY(settled(products));
        QCOMPARE(products.rowCount(), 3); // SKU-1, SKU-10, SKU-11
        products.setSearch({});
        QVERIFY(settled(products));
        products.sort(ProductListModel::NameColumn, Qt::AscendingOrder);
        QVERIFY(settled(products));
        QCOMPARE(products.data(products.index(0, ProductListModel::NameColumn)).toString(), QStringLiteral("Product 0"));
        QCOMPARE(products.data(products.index(0, ProductListModel::PriceColumn)).toString(), QStringLiteral("0.00"));
        QCOMPARE(products.data(products.index(3, ProductListModel::PriceColumn)).toString(), QStringLiteral("11.00"));

        UserListModel users(session);
        QAbstractItemModelTester userTester(&users, QAbstractItemModelTester::FailureReportingMode::QtTest);
        users.reload();
        QVERIFY(settled(users));
        QCOMPARE(users.rowCount(), 2);
        users.setSearch(QStringLiteral("ali"));
        QVERIFY(settled(users));
        QCOMPARE(users.rowCount(), 1);
        QCOMPARE(users.keyAt(0), QStringLiteral("alice"));
        users.setSearch({});
        QVERIFY(settled(users));
        QCOMPARE(users.sortColumn(), int(UserListModel::CreatedColumn)); // newest first
        QCOMPARE(users.keyAt(0), QStringLiteral("alice"));
        users.sort(UserListModel::UsernameColumn, Qt::AscendingOrder);
        QVERIFY(settled(users));
        QCOMPARE(users.keyAt(0), QStringLiteral("adam"));
        QCOMPARE(users.keyAt(1), QStringLiteral("alice"));
        users.sort(UserListModel::UsernameColumn, Qt::DescendingOrder);
        QVERIFY(settled(users));
        QCOMPARE(users.keyAt(0), QStringLiteral("alice"));
        QVERIFY(!users.isSortable(UserListModel::RoleColumn));

        AuditListModel audit(session);
        QAbstractItemModelTester auditTester(&audit, QAbstractItemModelTester::FailureReportingMode::QtTest);
        audit.reload();
        QVERIFY(settled(audit));
        QCOMPARE(audit.rowCount(), 14); // two users, twelve products
        audit.setEntityType(QStringLiteral("user"));
        QVERIFY(settled(audit));
        QCOMPARE(audit.rowCount(), 2);
        audit.setEntityType({});
        QVERIFY(settled(audit));
        audit.setActor(QStringLiteral("adam"));
        QVERIFY(settled(audit));
        QCOMPARE(audit.rowCount(), 12);
        const QString newest = audit.data(audit.index(0, AuditListModel::ItemColumn)).toString();
        audit.sort(AuditListModel::WhenColumn, Qt::AscendingOrder);
        QVERIFY(settled(audit));
        QCOMPARE(audit.rowCount(), 12);
        QCOMPARE(audit.data(audit.index(11, AuditListModel::ItemColumn)).toString(), newest);
        QVERIFY(audit.data(audit.index(0, AuditListModel::ItemColumn)).toString() != newest);
        audit.sort(AuditListModel::WhenColumn, Qt::DescendingOrder);
        QVERIFY(settled(audit));
        fixture.services().products().create(adam.actor(), NewProduct{QStringLiteral("X"), QStringLiteral("X"), 1, true}).ok();
        audit.refresh();
        QVERIFY(settled(audit));
        QCOMPARE(audit.rowCount(), 13);
    }

    // How long the first page of each list takes on a large database: opt-in,
    // SIGNOFF_UI_LARGE_DATABASE=URL SIGNOFF_UI_LARGE_USER=NAME (a reviewer).
    void firstPagesOfALargeDatabase()
    {
        const QString url = qEnvironmentVariable("SIGNOFF_UI_LARGE_DATABASE");
        if (url.isEmpty())
            QSKIP("Set SIGNOFF_UI_LARGE_DATABASE and SIGNOFF_UI_LARGE_USER to measure a large database.");
        auto parsed = DatabaseUrl::parse(url);
        SIGNOFF_VERIFY_OK(parsed);
        auto database = openDatabase(parsed.value());
        SIGNOFF_VERIFY_OK(database);
        ChangeNotifier notifier;
        Services services(*database.value(), notifier);
        auto user = services.users().get(Actor::system(), qEnvironmentVariable("SIGNOFF_UI_LARGE_USER"));
        SIGNOFF_VERIFY_OK(user);
        LocalBackend backend(services);
        backend.actAs(user.value());
        Session session(backend, user.value());
        const auto measure = [](const char *what, ItemListModel &model, const std::function<void()> &change) {
            QElapsedTimer timer;
            timer.start();
            change();
            QVERIFY(settled(model));
            const qint64 first = timer.elapsed();
            model.fetchMore({});
            QVERIFY(settled(model));
            qInfo("%-40s first page %5lld ms, next page %5lld ms, %d rows", what, first, timer.elapsed() - first,
                  model.rowCount());
        };
        ItemQuery none;
        ItemListModel features(session, ItemListModel::Kinds::Features, featureFields(), none);
        measure("features, newest first", features, [&] { features.reload(); });
        measure("features by name", features, [&] { features.sort(0, Qt::AscendingOrder); });
        measure("features by name, descending", features, [&] { features.sort(0, Qt::DescendingOrder); });
        measure("features by owner", features, [&] { features.sort(2, Qt::AscendingOrder); });
        measure("features by last change", features, [&] { features.sort(4, Qt::DescendingOrder); });
        measure("features by status", features, [&] { features.sort(1, Qt::AscendingOrder); });
        measure("pending features by last change", features, [&] { features.setStatusFilter(ItemStatus::Pending); });
        features.setStatusFilter(std::nullopt);
        QVERIFY(settled(features));
        features.sort(5, Qt::DescendingOrder);
        QVERIFY(settled(features));
        measure("features named like '99999'", features, [&] { features.setSearch(QStringLiteral("99999")); });
        ItemQuery queue;
        queue.status = ItemStatus::Pending;
        queue.excludeOwnedByActor = true;
        ItemListModel review(session, ItemListModel::Kinds::Both, {Field::Type, Field::Title, Field::Created}, queue);
        measure("review queue", review, [&] { review.reload(); });
        ItemQuery mine;
        mine.ownerUsername = session.user().username;
        ItemListModel my(session, ItemListModel::Kinds::Both, {Field::Type, Field::Title, Field::Created}, mine);
        measure("my items", my, [&] { my.reload(); });
    }

    // A service error (here: a requester asking for the audit log) is a
    // message, not rows and not a crash; nothing more is fetched.
    void reportsLoadFailures()
    {
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const User alice = fixture.addUser(QStringLiteral("alice"), Role::Requester);
        Session session(fixture.backendFor(alice), alice);
        AuditListModel audit(session);
        QAbstractItemModelTester tester(&audit, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy failed(&audit, &TableModel::loadFailed);
        audit.reload();
        QVERIFY(settled(audit));
        QCOMPARE(failed.count(), 1);
        QVERIFY(!audit.lastError().isEmpty());
        QCOMPARE(audit.rowCount(), 0);
        QVERIFY(!audit.canFetchMore({}));
    }
};

QTEST_MAIN(TestUiModels)
#include "tst_ui_models.moc"
