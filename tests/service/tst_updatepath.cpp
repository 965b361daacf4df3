// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The one write path (core/service/WritePath.h) as every kind goes through
// it: the `changes` an update records (JSON Pointer paths, never a password
// hash), taken names refused the same way for every kind, and the metrics
// of every kind in the registry of their own Services.

#include "ServiceFixture.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

// `Undefined` leaves the member out: nothing was there, or nothing is now.
QJsonObject change(const QString &path, const QJsonValue &from, const QJsonValue &to)
{
    QJsonObject entry{{QStringLiteral("path"), path}};
    if (!from.isUndefined())
        entry.insert(QStringLiteral("from"), from);
    if (!to.isUndefined())
        entry.insert(QStringLiteral("to"), to);
    return entry;
}

// The audit events of one entity, oldest first.
QList<AuditEvent> eventsOf(ServiceFixture &f, EntityType type, const QUuid &id)
{
    AuditQuery query;
    query.entityType = toString(type);
    query.entityId = id.toString(QUuid::WithoutBraces);
    query.oldestFirst = true;
    auto page = f.services().audit().list(f.adam, query);
    if (!page)
        qFatal("cannot read the audit log: %s", qPrintable(describe(page.error())));
    return page->items;
}

QJsonArray changesOfLast(const QList<AuditEvent> &events)
{
    return events.isEmpty() ? QJsonArray() : events.last().detail.value(QStringLiteral("changes")).toArray();
}

std::optional<quint64> created(ServiceFixture &f, const char *kind)
{
    return f.services().metrics().counterValue(QLatin1String(kind) + QStringLiteral("_created_total"));
}

std::optional<quint64> timed(ServiceFixture &f, const char *kind, const char *operation)
{
    return f.services().metrics().observations(QLatin1String(kind) + QStringLiteral("_latency_seconds"),
                                               {{QStringLiteral("operation"), QLatin1String(operation)}});
}

} // namespace

class TestUpdatePath : public QObject
{
    Q_OBJECT

private slots:
    void featureChangesNameNestedOptions()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QJsonObject options = QJsonDocument::fromJson(R"({"beta":false,"limits":{"rows":10},"tags":["a","b"]})").object();
        auto feature = f.services().features().create(f.alice, NewFeature{QStringLiteral("Search"), options});
        SIGNOFF_VERIFY_OK(feature);
        const QJsonObject edited = QJsonDocument::fromJson(R"({"beta":true,"limits":{"rows":10},"tags":["a","c"],"new":1})").object();
        auto updated = f.services().features().update(f.alice, feature->id, FeaturePatch{QStringLiteral("Find"), edited}, 1);
        SIGNOFF_VERIFY_OK(updated);
        QCOMPARE(updated->version, 2);

        auto history = f.services().features().history(f.bob, feature->id);
        SIGNOFF_VERIFY_OK(history);
        QCOMPARE(history->size(), 2);
        const AuditEvent &event = history->last();
        QCOMPARE(event.action, QStringLiteral("update"));
        QCOMPARE(event.version, std::optional<int>(2));
        QCOMPARE(event.detail.value(QStringLiteral("changes")).toArray(),
                 (QJsonArray{change(QStringLiteral("/name"), QStringLiteral("Search"), QStringLiteral("Find")),
                             change(QStringLiteral("/options/beta"), false, true),
                             change(QStringLiteral("/options/new"), QJsonValue::Undefined, 1),
                             change(QStringLiteral("/options/tags/1"), QStringLiteral("b"), QStringLiteral("c"))}));
        QCOMPARE(event.detail.value(QStringLiteral("changed")).toArray(),
                 (QJsonArray{QStringLiteral("name"), QStringLiteral("options")}));
    }

    void orderChangesNameLinesByPosition()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto pen = f.services().products().create(f.adam, NewProduct{QStringLiteral("PEN"), QStringLiteral("Pen"), 250, true});
        auto pad = f.services().products().create(f.adam, NewProduct{QStringLiteral("PAD"), QStringLiteral("Pad"), 900, true});
        SIGNOFF_VERIFY_OK(pen);
        SIGNOFF_VERIFY_OK(pad);
        auto order = f.services().orders().create(f.alice, NewOrder{{{pen->id, 1}, {pad->id, 2}}, QStringLiteral("first")});
        SIGNOFF_VERIFY_OK(order);

        // The same lines again: nothing changed, no version, no event.
        auto same = f.services().orders().update(f.alice, order->id, OrderPatch{QList<NewLine>{{pen->id, 1}, {pad->id, 2}}, {}}, 1);
        SIGNOFF_VERIFY_OK(same);
        QCOMPARE(same->version, 1);
        QCOMPARE(eventsOf(f, EntityType::Order, order->id).size(), 1);

        auto updated = f.services().orders().update(f.alice, order->id,
                                                    OrderPatch{QList<NewLine>{{pen->id, 1}, {pad->id, 5}, {pen->id, 3}},
                                                               QStringLiteral("second")},
                                                    1);
        SIGNOFF_VERIFY_OK(updated);
        QCOMPARE(updated->version, 2);
        QCOMPARE(updated->lines.size(), 3);
        QCOMPARE(f.count(QStringLiteral("line_item"), QStringLiteral("order_id = ?"), {order->id.toString(QUuid::WithoutBraces)}), 3);

        const QJsonObject third{{QStringLiteral("product_id"), pen->id.toString(QUuid::WithoutBraces)},
                                {QStringLiteral("quantity"), 3},
                                {QStringLiteral("unit_price_cents"), 250}};
        QCOMPARE(changesOfLast(eventsOf(f, EntityType::Order, order->id)),
                 (QJsonArray{change(QStringLiteral("/lines/1/quantity"), 2, 5),
                             change(QStringLiteral("/lines/2"), QJsonValue::Undefined, third),
                             change(QStringLiteral("/note"), QStringLiteral("first"), QStringLiteral("second"))}));
    }

    void productAndUserChangesNameTheirFields()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto pen = f.services().products().create(f.adam, NewProduct{QStringLiteral("PEN"), QStringLiteral("Pen"), 250, true});
        SIGNOFF_VERIFY_OK(pen);
        SIGNOFF_VERIFY_OK(f.services().products().update(f.adam, pen->id, ProductPatch{{}, {}, 300, false}, 1));
        QCOMPARE(changesOfLast(eventsOf(f, EntityType::Product, pen->id)),
                 (QJsonArray{change(QStringLiteral("/active"), true, false), change(QStringLiteral("/price_cents"), 250, 300)}));

        auto bob = f.services().users().update(f.adam, QStringLiteral("bob"),
                                               UserPatch{QStringLiteral("Robert"), Role::Reviewer, {}, QStringLiteral("a new long password")});
        SIGNOFF_VERIFY_OK(bob);
        const QList<AuditEvent> events = eventsOf(f, EntityType::User, bob->id);
        QCOMPARE(changesOfLast(events),
                 (QJsonArray{change(QStringLiteral("/display_name"), QStringLiteral("BOB"), QStringLiteral("Robert")),
                             change(QStringLiteral("/role"), QStringLiteral("requester"), QStringLiteral("reviewer")),
                             QJsonObject{{QStringLiteral("path"), QStringLiteral("/password")}}}));
        // Neither the password nor its hash is anywhere in the log.
        QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("CAST(detail AS TEXT) LIKE '%argon2%'")), 0);
        QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("CAST(detail AS TEXT) LIKE '%new long%'")), 0);

        // A password alone is a change too: a new version, its sessions end.
        auto again = f.services().users().update(f.adam, QStringLiteral("bob"), UserPatch{{}, {}, {}, QStringLiteral("yet another password")});
        SIGNOFF_VERIFY_OK(again);
        QCOMPARE(again->version, bob->version + 1);
    }

    void takenNamesAreRefusedAlikeForEveryKind()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        QSignalSpy changes(&f.notifier(), &ChangeNotifier::changed);
        auto one = f.services().features().create(f.alice, NewFeature{QStringLiteral("One"), {}});
        auto two = f.services().features().create(f.alice, NewFeature{QStringLiteral("Two"), {}});
        SIGNOFF_VERIFY_OK(one);
        SIGNOFF_VERIFY_OK(two);
        auto pen = f.services().products().create(f.adam, NewProduct{QStringLiteral("PEN"), QStringLiteral("Pen"), 1, true});
        auto pad = f.services().products().create(f.adam, NewProduct{QStringLiteral("PAD"), QStringLiteral("Pad"), 1, true});
        SIGNOFF_VERIFY_OK(pen);
        SIGNOFF_VERIFY_OK(pad);
        const qint64 events = f.count(QStringLiteral("audit_event"));
        const qsizetype announced = changes.count();

        const QList<std::pair<Error, QString>> refusals{
            {f.services().features().create(f.bob, NewFeature{QStringLiteral(" One "), {}}).error(),
             QStringLiteral("A feature named ‘One’ already exists.")},
            {f.services().features().update(f.alice, two->id, FeaturePatch{QStringLiteral("One"), {}}, 1).error(),
             QStringLiteral("A feature named ‘One’ already exists.")},
            {f.services().products().create(f.adam, NewProduct{QStringLiteral("PEN"), QStringLiteral("Other"), 1, true}).error(),
             QStringLiteral("A product with SKU ‘PEN’ already exists.")},
            {f.services().products().update(f.adam, pad->id, ProductPatch{QStringLiteral("PEN"), {}, {}, {}}, 1).error(),
             QStringLiteral("A product with SKU ‘PEN’ already exists.")},
            {f.services().users().create(f.adam, NewUser{QStringLiteral("bob"), QStringLiteral("Bob"), Role::Requester,
                                                         QStringLiteral("long enough password")}).error(),
             QStringLiteral("A user named ‘bob’ already exists.")},
        };
        for (const auto &[error, message] : refusals) {
            QVERIFY(error.kind == ErrorKind::Conflict);
            QCOMPARE(error.reason, QStringLiteral("duplicate"));
            QCOMPARE(error.message.english(), message);
        }
        QCOMPARE(f.count(QStringLiteral("audit_event")), events);
        QCOMPARE(changes.count(), announced);
        QCOMPARE(f.services().features().get(f.alice, two->id)->version, 1);
    }

    void everyKindRecordsItsMetrics()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        // The fixture made five users through this Services' user service.
        QCOMPARE(created(f, "user"), std::optional<quint64>(5));
        for (const char *kind : {"feature", "order", "product"})
            QCOMPARE(created(f, kind), std::optional<quint64>(0));

        auto pen = f.services().products().create(f.adam, NewProduct{QStringLiteral("PEN"), QStringLiteral("Pen"), 1, true});
        SIGNOFF_VERIFY_OK(pen);
        auto order = f.services().orders().create(f.alice, NewOrder{{{pen->id, 1}}, {}});
        SIGNOFF_VERIFY_OK(order);
        SIGNOFF_VERIFY_OK(f.services().orders().update(f.alice, order->id, OrderPatch{{}, QStringLiteral("n")}));
        SIGNOFF_VERIFY_OK(f.services().orders().transition(f.alice, order->id, WorkflowAction::Submit));
        SIGNOFF_VERIFY_ERROR(f.services().orders().get(f.alice, QUuid::createUuid()), NotFound);

        QCOMPARE(created(f, "product"), std::optional<quint64>(1));
        QCOMPARE(created(f, "order"), std::optional<quint64>(1));
        QCOMPARE(timed(f, "order", "create"), std::optional<quint64>(1));
        QCOMPARE(timed(f, "order", "update"), std::optional<quint64>(1));
        QCOMPARE(timed(f, "order", "transition"), std::optional<quint64>(1));
        QCOMPARE(timed(f, "order", "get"), std::optional<quint64>(1));
        QCOMPARE(timed(f, "product", "create"), std::optional<quint64>(1));
        QCOMPARE(timed(f, "user", "update"), std::optional<quint64>(0));
        const QByteArray text = f.services().metrics().exposition();
        for (const char *series : {"# TYPE feature_created_total counter", "# TYPE order_latency_seconds histogram",
                                   "# TYPE product_created_total counter", "# TYPE user_latency_seconds histogram"})
            QVERIFY2(text.contains(series), series);

        // A second Services counts apart.
        ServiceFixture other;
        SIGNOFF_REQUIRE_FIXTURE(other);
        QCOMPARE(created(other, "order"), std::optional<quint64>(0));
        QCOMPARE(created(f, "order"), std::optional<quint64>(1));
    }
};

QTEST_GUILESS_MAIN(TestUpdatePath)
#include "tst_updatepath.moc"
