// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// OrderService: lines priced from the catalogue and frozen, totals, the
// shared workflow, and what may not be submitted.

#include "ServiceFixture.h"
#include "domain/Validation.h"

#include <QSignalSpy>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

class TestOrderService : public QObject
{
    Q_OBJECT

    Product addProduct(ServiceFixture &f, const QString &sku, qint64 price, bool active = true)
    {
        auto product = f.services().products().create(f.adam, NewProduct{sku, sku + QStringLiteral(" product"), price, active});
        if (!product)
            qFatal("cannot create product: %s", qPrintable(describe(product.error())));
        return product.value();
    }

private slots:
    void createPricesLinesFromTheCatalogue()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const Product pen = addProduct(f, QStringLiteral("PEN-1"), 250);
        const Product pad = addProduct(f, QStringLiteral("PAD-A4"), 1999);

        auto order = f.services().orders().create(f.alice, NewOrder{{{pen.id, 4}, {pad.id, 2}}, QStringLiteral("For the workshop")});
        SIGNOFF_VERIFY_OK(order);
        QCOMPARE(toString(order->status), QStringLiteral("draft"));
        QCOMPARE(order->version, 1);
        QCOMPARE(order->lines.size(), 2);
        QCOMPARE(order->lines.at(0).unitPriceCents, 250);
        QCOMPARE(order->lines.at(0).lineTotalCents(), 1000);
        QCOMPARE(order->lines.at(1).productSku, QStringLiteral("PAD-A4"));
        QCOMPARE(order->totalCents(), 1000 + 3998);

        auto loaded = f.services().orders().get(f.bob, order->id);
        SIGNOFF_VERIFY_OK(loaded);
        QCOMPARE(loaded->lines.size(), 2);
        QCOMPARE(loaded->lines.at(0).productId, pen.id);
        QCOMPARE(loaded->totalCents(), 4998);
        QCOMPARE(loaded->note, QStringLiteral("For the workshop"));
        QCOMPARE(f.count(QStringLiteral("line_item")), 2);
        QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("entity_type = 'order' AND action = 'create'")), 1);
    }

    void laterPriceChangesDoNotAlterAnOrder()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const Product pen = addProduct(f, QStringLiteral("PEN-1"), 250);
        auto order = f.services().orders().create(f.alice, NewOrder{{{pen.id, 3}}, {}});
        SIGNOFF_VERIFY_OK(order);
        SIGNOFF_VERIFY_OK(f.services().products().update(f.adam, pen.id, ProductPatch{{}, {}, 400, {}}));

        auto loaded = f.services().orders().get(f.alice, order->id);
        QCOMPARE(loaded->lines.first().unitPriceCents, 250);
        QCOMPARE(loaded->totalCents(), 750);

        // Rewriting the lines prices them anew.
        auto rewritten = f.services().orders().update(f.alice, order->id, OrderPatch{QList<NewLine>{{pen.id, 3}}, {}}, 1);
        SIGNOFF_VERIFY_OK(rewritten);
        QCOMPARE(rewritten->version, 2);
        QCOMPARE(rewritten->totalCents(), 1200);
        QCOMPARE(f.services().orders().get(f.alice, order->id)->totalCents(), 1200);
        QCOMPARE(f.count(QStringLiteral("line_item")), 1);
    }

    void linesMustNameAvailableProducts()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const Product pen = addProduct(f, QStringLiteral("PEN-1"), 250);
        const Product old = addProduct(f, QStringLiteral("OLD-1"), 100, false);

        auto unknown = f.services().orders().create(f.alice, NewOrder{{{pen.id, 1}, {QUuid::createUuid(), 1}}, {}});
        SIGNOFF_VERIFY_ERROR(unknown, Invalid);
        QCOMPARE(unknown.error().fields.first().field, QStringLiteral("lines[1].product_id"));

        auto inactive = f.services().orders().create(f.alice, NewOrder{{{old.id, 1}}, {}});
        SIGNOFF_VERIFY_ERROR(inactive, Invalid);
        QVERIFY(inactive.error().fields.first().message.english().contains(QStringLiteral("OLD-1")));

        SIGNOFF_VERIFY_ERROR(f.services().orders().create(f.alice, NewOrder{{{pen.id, 0}}, {}}), Invalid);
        SIGNOFF_VERIFY_ERROR(f.services().orders().create(f.alice, NewOrder{{{pen.id, 1000001}}, {}}), Invalid);
        SIGNOFF_VERIFY_OK(f.services().orders().create(f.alice, NewOrder{{{pen.id, 1000000}}, {}}));
        SIGNOFF_VERIFY_ERROR(f.services().orders().create(f.alice, NewOrder{{}, QString(2001, u'n')}), Invalid);

        QCOMPARE(f.count(QStringLiteral("orders")), 1);
        QCOMPARE(f.count(QStringLiteral("line_item")), 1);
    }

    void totalsStayExact()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const Product dear = addProduct(f, QStringLiteral("DEAR"), limits::priceCentsMax);
        auto tooMuch = f.services().orders().create(f.alice, NewOrder{{{dear.id, 2}}, {}});
        SIGNOFF_VERIFY_ERROR(tooMuch, Invalid);
        QCOMPARE(tooMuch.error().fields.first().field, QStringLiteral("lines"));
        SIGNOFF_VERIFY_ERROR(f.services().orders().create(f.alice, NewOrder{{{dear.id, 1}, {dear.id, 1}}, {}}), Invalid);
        auto exact = f.services().orders().create(f.alice, NewOrder{{{dear.id, 1}}, {}});
        SIGNOFF_VERIFY_OK(exact);
        QCOMPARE(f.services().orders().get(f.alice, exact->id)->totalCents(), limits::priceCentsMax);
    }

    void anEmptyOrderCannotBeSubmitted()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto order = f.services().orders().create(f.alice, NewOrder{{}, QStringLiteral("to be filled")});
        SIGNOFF_VERIFY_OK(order);
        auto submitted = f.services().orders().transition(f.alice, order->id, WorkflowAction::Submit);
        SIGNOFF_VERIFY_ERROR(submitted, Conflict);
        QCOMPARE(submitted.error().reason, QStringLiteral("empty-order"));
        QCOMPARE(toString(f.services().orders().get(f.alice, order->id)->status), QStringLiteral("draft"));
    }

    void workflowAcrossTwoUsers()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const Product pen = addProduct(f, QStringLiteral("PEN-1"), 250);
        OrderService &orders = f.services().orders();
        auto order = orders.create(f.alice, NewOrder{{{pen.id, 2}}, {}});
        SIGNOFF_VERIFY_OK(order);
        SIGNOFF_VERIFY_ERROR(orders.update(f.bob, order->id, OrderPatch{{}, QStringLiteral("mine")}), Forbidden);
        SIGNOFF_VERIFY_OK(orders.transition(f.alice, order->id, WorkflowAction::Submit, 1));
        SIGNOFF_VERIFY_ERROR(orders.update(f.alice, order->id, OrderPatch{{}, QStringLiteral("late")}), Conflict);
        SIGNOFF_VERIFY_ERROR(orders.transition(f.alice, order->id, WorkflowAction::Approve), Forbidden);
        SIGNOFF_VERIFY_ERROR(orders.transition(f.rita, order->id, WorkflowAction::Approve, 1), PreconditionFailed);
        auto rejected = orders.transition(f.rita, order->id, WorkflowAction::Reject, 2, QStringLiteral("Too many pens"));
        SIGNOFF_VERIFY_OK(rejected);
        QCOMPARE(toString(rejected->status), QStringLiteral("rejected"));
        QCOMPARE(rejected->lines.size(), 1);
        SIGNOFF_VERIFY_OK(orders.transition(f.alice, order->id, WorkflowAction::Revise, 3));
        SIGNOFF_VERIFY_OK(orders.update(f.alice, order->id, OrderPatch{QList<NewLine>{{pen.id, 1}}, QStringLiteral("One pen")}, 4));
        SIGNOFF_VERIFY_OK(orders.transition(f.alice, order->id, WorkflowAction::Submit, 5));
        auto approved = orders.transition(f.roy, order->id, WorkflowAction::Approve, 6);
        SIGNOFF_VERIFY_OK(approved);
        QCOMPARE(toString(approved->status), QStringLiteral("approved"));
        QCOMPARE(approved->totalCents(), 250);

        auto history = orders.history(f.alice, order->id);
        SIGNOFF_VERIFY_OK(history);
        QStringList actions;
        for (const AuditEvent &event : history.value())
            actions.append(event.actorUsername + u':' + event.action);
        QCOMPARE(actions, (QStringList{QStringLiteral("alice:create"), QStringLiteral("alice:submit"),
                                       QStringLiteral("rita:reject"), QStringLiteral("alice:revise"),
                                       QStringLiteral("alice:update"), QStringLiteral("alice:submit"),
                                       QStringLiteral("roy:approve")}));
        QCOMPARE(history->at(2).comment, QStringLiteral("Too many pens"));
    }

    void deletingADraftTakesItsLines()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const Product pen = addProduct(f, QStringLiteral("PEN-1"), 250);
        auto order = f.services().orders().create(f.alice, NewOrder{{{pen.id, 2}, {pen.id, 3}}, {}});
        SIGNOFF_VERIFY_OK(order);
        QCOMPARE(f.count(QStringLiteral("line_item")), 2);
        SIGNOFF_VERIFY_ERROR(f.services().orders().remove(f.rita, order->id), Forbidden);
        SIGNOFF_VERIFY_OK(f.services().orders().remove(f.alice, order->id, 1));
        QCOMPARE(f.count(QStringLiteral("orders")), 0);
        QCOMPARE(f.count(QStringLiteral("line_item")), 0);
        SIGNOFF_VERIFY_ERROR(f.services().orders().get(f.alice, order->id), NotFound);
    }

    void listCarriesLinesAndFilters()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const Product pen = addProduct(f, QStringLiteral("PEN-1"), 250);
        for (int i = 0; i < 4; ++i)
            SIGNOFF_VERIFY_OK(f.services().orders().create(i < 3 ? f.alice : f.bob, NewOrder{{{pen.id, i + 1}}, QStringLiteral("note %1").arg(i)}));
        ItemQuery query;
        query.page.limit = 2;
        auto first = f.services().orders().list(f.rita, query);
        SIGNOFF_VERIFY_OK(first);
        QCOMPARE(first->items.size(), 2);
        QVERIFY(!first->next.isEmpty());
        QCOMPARE(first->items.first().lines.size(), 1);
        QCOMPARE(first->items.first().ownerUsername, QStringLiteral("bob"));
        query.page.after = first->next;
        auto second = f.services().orders().list(f.rita, query);
        SIGNOFF_VERIFY_OK(second);
        QCOMPARE(second->items.size(), 2);
        QVERIFY(second->next.isEmpty());

        ItemQuery mine;
        mine.ownerUsername = QStringLiteral("alice");
        mine.search = QStringLiteral("NOTE 1");
        auto filtered = f.services().orders().list(f.alice, mine);
        SIGNOFF_VERIFY_OK(filtered);
        QCOMPARE(filtered->items.size(), 1);
        QCOMPARE(filtered->items.first().totalCents(), 500);
    }
};

QTEST_GUILESS_MAIN(TestOrderService)
#include "tst_orderservice.moc"
