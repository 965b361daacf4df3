// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// `?sort=` on the lists of features, orders, products and users: each order
// pages without gaps or repeats, a cursor belongs to the order it came from,
// and a field a list cannot sort by is 400 naming `sort`. Both databases.

#include "RestTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

class TestRestSorting : public QObject
{
    Q_OBJECT

    QByteArray m_token;

    static QString cursorWithoutOrderTag(const QString &cursor)
    {
        QJsonArray parts = QJsonDocument::fromJson(QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding)).array();
        parts.removeLast();
        return QString::fromLatin1(QJsonDocument(parts).toJson(QJsonDocument::Compact)
                                       .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }

    // Every page of `path` (which already holds its query), `limit` at a
    // time: the values of `field` in the order they came.
    static QStringList walk(RestFixture &f, const QByteArray &token, const QString &path, const QString &field,
                            int limit = 2)
    {
        QStringList values;
        QString after;
        for (int pages = 0; pages < 50; ++pages) {
            QString url = path + QStringLiteral("&limit=") + QString::number(limit);
            if (!after.isEmpty())
                url += QStringLiteral("&after=") + after;
            const Reply reply = f.call("GET", url, token);
            if (reply.status != 200) {
                qWarning() << reply.status << reply.body;
                return {QStringLiteral("HTTP %1").arg(reply.status)};
            }
            for (const QJsonValue &item : reply.json.value(QStringLiteral("items")).toArray())
                values.append(item.toObject().value(field).toString());
            after = reply.json.value(QStringLiteral("next")).toString();
            if (after.isEmpty())
                return values;
        }
        return values;
    }

    static void addFeatures(RestFixture &f, const QByteArray &token, const QStringList &names)
    {
        for (const QString &name : names)
            QCOMPARE(f.call("POST", QStringLiteral("/api/v1/feature"), token, QJsonObject{{QStringLiteral("name"), name}}).status, 201);
    }

private slots:
    void featuresSortByNameBothWays()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray token = f.signIn(QStringLiteral("alice"), Role::Requester);
        addFeatures(f, token, {QStringLiteral("delta"), QStringLiteral("alpha"), QStringLiteral("echo"),
                               QStringLiteral("charlie"), QStringLiteral("bravo")});

        const QStringList ascending{QStringLiteral("alpha"), QStringLiteral("bravo"), QStringLiteral("charlie"),
                                    QStringLiteral("delta"), QStringLiteral("echo")};
        QCOMPARE(walk(f, token, QStringLiteral("/api/v1/feature?sort=name"), QStringLiteral("name")), ascending);
        QStringList descending = ascending;
        std::reverse(descending.begin(), descending.end());
        QCOMPARE(walk(f, token, QStringLiteral("/api/v1/feature?sort=-name"), QStringLiteral("name")), descending);
        // The default is newest first, as before `sort` existed; an empty
        // sort is no sort, as an empty filter is no filter.
        QCOMPARE(walk(f, token, QStringLiteral("/api/v1/feature?sort="), QStringLiteral("name")),
                 (QStringList{QStringLiteral("bravo"), QStringLiteral("charlie"), QStringLiteral("echo"),
                              QStringLiteral("alpha"), QStringLiteral("delta")}));
        QCOMPARE(walk(f, token, QStringLiteral("/api/v1/feature?sort=created_at"), QStringLiteral("name")),
                 (QStringList{QStringLiteral("delta"), QStringLiteral("alpha"), QStringLiteral("echo"),
                              QStringLiteral("charlie"), QStringLiteral("bravo")}));
    }

    void equalSortValuesPageWithoutGapsOrRepeats()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray token = f.signIn(QStringLiteral("alice"), Role::Requester);
        const QStringList names{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three"),
                                QStringLiteral("four"), QStringLiteral("five")};
        addFeatures(f, token, names);
        // All five are drafts of alice: status and owner tie everywhere and
        // insertion order decides.
        QCOMPARE(walk(f, token, QStringLiteral("/api/v1/feature?sort=status"), QStringLiteral("name")), names);
        QStringList reversed = names;
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(walk(f, token, QStringLiteral("/api/v1/feature?sort=-owner"), QStringLiteral("name")), reversed);
    }

    void aCursorContinuesOnlyItsOwnOrder()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray token = f.signIn(QStringLiteral("alice"), Role::Requester);
        addFeatures(f, token, {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});

        const Reply byName = f.call("GET", QStringLiteral("/api/v1/feature?sort=name&limit=1"), token);
        QCOMPARE(byName.status, 200);
        const QString cursor = byName.json.value(QStringLiteral("next")).toString();
        QVERIFY(!cursor.isEmpty());
        QCOMPARE(f.call("GET", QStringLiteral("/api/v1/feature?sort=name&limit=1&after=") + cursor, token).status, 200);
        for (const QString &other : {QStringLiteral("sort=-name&"), QStringLiteral("sort=status&"), QString()}) {
            const Reply reply = f.call("GET", QStringLiteral("/api/v1/feature?") + other + QStringLiteral("after=") + cursor, token);
            QCOMPARE(reply.status, 400);
            QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("after")});
        }
    }

    void cursorsFromBeforeSortingStillPage()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray token = f.signIn(QStringLiteral("alice"), Role::Requester);
        addFeatures(f, token, {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});

        const Reply first = f.call("GET", QStringLiteral("/api/v1/feature?limit=1"), token);
        const QString cursor = first.json.value(QStringLiteral("next")).toString();
        const Reply tagged = f.call("GET", QStringLiteral("/api/v1/feature?limit=5&after=") + cursor, token);
        const Reply untagged = f.call("GET", QStringLiteral("/api/v1/feature?limit=5&after=") + cursorWithoutOrderTag(cursor), token);
        QCOMPARE(tagged.status, 200);
        QCOMPARE(untagged.status, 200);
        QCOMPARE(untagged.json.value(QStringLiteral("items")), tagged.json.value(QStringLiteral("items")));
        QCOMPARE(tagged.json.value(QStringLiteral("items")).toArray().size(), 2);
    }

    void ordersSortByNoteNotName()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("root"), Role::Admin);
        const Reply product = f.call("POST", QStringLiteral("/api/v1/product"), admin,
                                     QJsonObject{{QStringLiteral("sku"), QStringLiteral("P-1")},
                                                 {QStringLiteral("name"), QStringLiteral("Pen")},
                                                 {QStringLiteral("price_cents"), 150}});
        QCOMPARE(product.status, 201);
        const QString productId = product.json.value(QStringLiteral("id")).toString();
        for (const QString &note : {QStringLiteral("zulu"), QStringLiteral("mike"), QStringLiteral("kilo")}) {
            const QJsonObject line{{QStringLiteral("product_id"), productId}, {QStringLiteral("quantity"), 1}};
            QCOMPARE(f.call("POST", QStringLiteral("/api/v1/order"), admin,
                            QJsonObject{{QStringLiteral("lines"), QJsonArray{line}}, {QStringLiteral("note"), note}})
                         .status,
                     201);
        }
        QCOMPARE(walk(f, admin, QStringLiteral("/api/v1/order?sort=note"), QStringLiteral("note")),
                 (QStringList{QStringLiteral("kilo"), QStringLiteral("mike"), QStringLiteral("zulu")}));
        const Reply byName = f.call("GET", QStringLiteral("/api/v1/order?sort=name"), admin);
        QCOMPARE(byName.status, 400);
        QCOMPARE(byName.errorFields(), QStringList{QStringLiteral("sort")});
    }

    void productsAndUsersSortByTheirNames()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("root"), Role::Admin);
        f.addUser(QStringLiteral("carol"), Role::Reviewer);
        f.addUser(QStringLiteral("bob"), Role::Requester);
        QCOMPARE(walk(f, admin, QStringLiteral("/api/v1/user?sort=username"), QStringLiteral("username")),
                 (QStringList{QStringLiteral("bob"), QStringLiteral("carol"), QStringLiteral("root")}));
        QCOMPARE(walk(f, admin, QStringLiteral("/api/v1/user?sort=-username"), QStringLiteral("username")),
                 (QStringList{QStringLiteral("root"), QStringLiteral("carol"), QStringLiteral("bob")}));

        for (const QString &name : {QStringLiteral("Stapler"), QStringLiteral("Ink"), QStringLiteral("Paper")}) {
            QCOMPARE(f.call("POST", QStringLiteral("/api/v1/product"), admin,
                            QJsonObject{{QStringLiteral("sku"), name.toUpper()}, {QStringLiteral("name"), name},
                                        {QStringLiteral("price_cents"), 100}})
                         .status,
                     201);
        }
        QCOMPARE(walk(f, admin, QStringLiteral("/api/v1/product?sort=name"), QStringLiteral("name")),
                 (QStringList{QStringLiteral("Ink"), QStringLiteral("Paper"), QStringLiteral("Stapler")}));
    }

    void aFieldTheListCannotSortByIsNamed_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("unknown field") << QStringLiteral("/api/v1/feature?sort=price");
        QTest::newRow("note of a feature") << QStringLiteral("/api/v1/feature?sort=note");
        QTest::newRow("only a minus") << QStringLiteral("/api/v1/feature?sort=-");
        QTest::newRow("two minus signs") << QStringLiteral("/api/v1/feature?sort=--name");
        QTest::newRow("a plus sign is a space") << QStringLiteral("/api/v1/feature?sort=+name");
        QTest::newRow("upper case") << QStringLiteral("/api/v1/feature?sort=NAME");
        QTest::newRow("status of a user") << QStringLiteral("/api/v1/user?sort=status");
        QTest::newRow("name of a user") << QStringLiteral("/api/v1/user?sort=name");
        QTest::newRow("owner of a product") << QStringLiteral("/api/v1/product?sort=owner");
        QTest::newRow("NUL") << QStringLiteral("/api/v1/feature?sort=name%00");
        QTest::newRow("twice") << QStringLiteral("/api/v1/feature?sort=name&sort=-name");
        QTest::newRow("twice, once encoded") << QStringLiteral("/api/v1/feature?sort=name&%73ort=-name");
    }

    void aFieldTheListCannotSortByIsNamed()
    {
        QFETCH(QString, path);
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("root"), Role::Admin);
        const Reply reply = f.call("GET", path, admin);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.problemType(), QStringLiteral("validation"));
        QCOMPARE(reply.errorFields(), QStringList{QStringLiteral("sort")});
    }
};

QTEST_GUILESS_MAIN(TestRestSorting)
#include "tst_rest_sorting.moc"
