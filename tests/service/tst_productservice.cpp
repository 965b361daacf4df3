// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// ProductService: administrators manage the catalogue; a used product is
// deactivated, never deleted.

#include "ServiceFixture.h"

#include <QtTest>

using namespace signoff;
using namespace signoff::test;

class TestProductService : public QObject
{
    Q_OBJECT

private slots:
    void onlyAdministratorsChangeTheCatalogue()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const NewProduct pen{QStringLiteral("PEN-1"), QStringLiteral("Pen"), 250, true};
        SIGNOFF_VERIFY_ERROR(f.services().products().create(f.alice, pen), Forbidden);
        SIGNOFF_VERIFY_ERROR(f.services().products().create(f.rita, pen), Forbidden);
        auto created = f.services().products().create(f.adam, pen);
        SIGNOFF_VERIFY_OK(created);
        QCOMPARE(created->priceCents, 250);
        QVERIFY(created->active);
        SIGNOFF_VERIFY_ERROR(f.services().products().update(f.rita, created->id, ProductPatch{{}, {}, 1, {}}), Forbidden);
        SIGNOFF_VERIFY_ERROR(f.services().products().remove(f.alice, created->id), Forbidden);

        auto read = f.services().products().get(f.alice, created->id);
        SIGNOFF_VERIFY_OK(read);
        QCOMPARE(read->sku, QStringLiteral("PEN-1"));
        QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("entity_type = 'product'")), 1);
    }

    void skuIsUniqueAndValidated()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        SIGNOFF_VERIFY_OK(f.services().products().create(f.adam, NewProduct{QStringLiteral("PEN-1"), QStringLiteral("Pen"), 250, true}));
        auto duplicate = f.services().products().create(f.adam, NewProduct{QStringLiteral("PEN-1"), QStringLiteral("Other"), 1, true});
        SIGNOFF_VERIFY_ERROR(duplicate, Conflict);
        QCOMPARE(duplicate.error().message.english(), QStringLiteral("A product with SKU ‘PEN-1’ already exists."));
        auto bad = f.services().products().create(f.adam, NewProduct{QStringLiteral("PEN 2"), QString(), -5, true});
        SIGNOFF_VERIFY_ERROR(bad, Invalid);
        QCOMPARE(bad.error().fields.size(), 3);
        auto pad = f.services().products().create(f.adam, NewProduct{QStringLiteral("PAD"), QStringLiteral("Pad"), 0, true});
        SIGNOFF_VERIFY_OK(pad);
        SIGNOFF_VERIFY_ERROR(f.services().products().update(f.adam, pad->id, ProductPatch{QStringLiteral("PEN-1"), {}, {}, {}}), Conflict);
        QCOMPARE(f.count(QStringLiteral("product")), 2);
    }

    void updateChecksTheVersion()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto pen = f.services().products().create(f.adam, NewProduct{QStringLiteral("PEN-1"), QStringLiteral("Pen"), 250, true});
        SIGNOFF_VERIFY_OK(pen);
        auto repriced = f.services().products().update(f.adam, pen->id, ProductPatch{{}, QStringLiteral(" Blue pen "), 300, false}, 1);
        SIGNOFF_VERIFY_OK(repriced);
        QCOMPARE(repriced->version, 2);
        QCOMPARE(repriced->name, QStringLiteral("Blue pen"));
        QVERIFY(!repriced->active);
        SIGNOFF_VERIFY_ERROR(f.services().products().update(f.adam, pen->id, ProductPatch{{}, {}, 1, {}}, 1), PreconditionFailed);
        QCOMPARE(f.services().products().get(f.adam, pen->id)->priceCents, 300);
    }

    void aUsedProductIsDeactivatedNotDeleted()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto used = f.services().products().create(f.adam, NewProduct{QStringLiteral("USED"), QStringLiteral("Used"), 100, true});
        auto unused = f.services().products().create(f.adam, NewProduct{QStringLiteral("UNUSED"), QStringLiteral("Unused"), 100, true});
        SIGNOFF_VERIFY_OK(used);
        SIGNOFF_VERIFY_OK(unused);
        SIGNOFF_VERIFY_OK(f.services().orders().create(f.alice, NewOrder{{{used->id, 1}}, {}}));

        auto refused = f.services().products().remove(f.adam, used->id);
        SIGNOFF_VERIFY_ERROR(refused, Conflict);
        QCOMPARE(refused.error().reason, QStringLiteral("product-in-use"));
        SIGNOFF_VERIFY_OK(f.services().products().get(f.adam, used->id));
        SIGNOFF_VERIFY_OK(f.services().products().update(f.adam, used->id, ProductPatch{{}, {}, {}, false}));

        SIGNOFF_VERIFY_OK(f.services().products().remove(f.adam, unused->id));
        SIGNOFF_VERIFY_ERROR(f.services().products().get(f.adam, unused->id), NotFound);
    }

    void listFiltersActiveAndSearch()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        SIGNOFF_VERIFY_OK(f.services().products().create(f.adam, NewProduct{QStringLiteral("PEN-1"), QStringLiteral("Pen"), 250, true}));
        SIGNOFF_VERIFY_OK(f.services().products().create(f.adam, NewProduct{QStringLiteral("PAD-1"), QStringLiteral("Notepad"), 150, false}));
        ProductQuery active;
        active.active = true;
        auto page = f.services().products().list(f.alice, active);
        SIGNOFF_VERIFY_OK(page);
        QCOMPARE(page->items.size(), 1);
        QCOMPARE(page->items.first().sku, QStringLiteral("PEN-1"));
        ProductQuery search;
        search.search = QStringLiteral("notep");
        QCOMPARE(f.services().products().list(f.alice, search)->items.first().sku, QStringLiteral("PAD-1"));
    }
};

QTEST_GUILESS_MAIN(TestProductService)
#include "tst_productservice.moc"
