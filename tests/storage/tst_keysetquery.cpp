// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// KeysetQuery, the paging of every list: pages follow each other without a
// row missed or repeated, rows with the same sort value keep their insertion
// order (newest first when descending), and a cursor is checked before it
// is bound: one that is not ours, or not of the list's sort kind, is Invalid
// on the field "after". On a table of its own, on SQLite and PostgreSQL.

#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/KeysetQuery.h"
#include "storage/SqlValues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <memory>

using namespace signoff;
using namespace signoff::test;

namespace {

struct Probe
{
    QString name;
    QDateTime at;
    qint64 n = 0;
};

const QDateTime noon = QDateTime(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);

// A cursor as a client could forge one: base64url of the given JSON.
QString forged(const QByteArray &json)
{
    return QString::fromLatin1(json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// A cursor without an order tag, as instances made before lists could be
// sorted (every order still takes one): for sort values no list would make.
QString untagged(const QString &sortValue, qint64 tieBreak)
{
    return forged(QJsonDocument(QJsonArray{sortValue, QString::number(tieBreak)}).toJson(QJsonDocument::Compact));
}

} // namespace

class TestKeysetQuery : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_testDatabase;
    std::unique_ptr<Database> m_database;

    QString tieBreak() const { return insertionOrder(m_testDatabase->dialect(), QStringLiteral("k")); }

    KeysetQuery probeQuery(KeysetQuery::SortValue kind, const QString &column, bool descending) const
    {
        KeysetQuery query({QStringLiteral("k.name")}, QStringLiteral("keyset_probe k"), tieBreak());
        query.orderBy(column, descending, kind);
        return query;
    }

    void insert(const QList<Probe> &probes)
    {
        auto written = m_database->write([&](Connection &connection) -> Result<void> {
            for (const Probe &probe : probes) {
                auto inserted = connection.execute(QStringLiteral("INSERT INTO keyset_probe (name, at, n) VALUES (?, ?, ?)"),
                                                   {probe.name, sql::fromTime(probe.at), probe.n});
                if (!inserted)
                    return inserted;
            }
            return {};
        });
        QVERIFY2(written, qPrintable(written ? QString() : describe(written.error())));
    }

    Result<Page<QString>> page(const KeysetQuery &query, int limit)
    {
        return m_database->run([&](Connection &connection) -> Result<Page<QString>> {
            auto rows = connection.query(query.sql(), query.values(limit));
            if (!rows)
                return rows.error();
            return collectPage<QString>(*rows, limit, query, [](const Rows &row) { return row.value(0).toString(); });
        });
    }

    // Every page of the list, following the cursors; the names in order.
    QStringList everyPage(KeysetQuery::SortValue kind, const QString &column, bool descending, int limit,
                          int *pages = nullptr)
    {
        QStringList names;
        QString after;
        int count = 0;
        do {
            KeysetQuery query = probeQuery(kind, column, descending);
            if (auto started = query.startAfter(after); !started) {
                qWarning("a cursor of our own was refused: %s", qPrintable(describe(started.error())));
                return {};
            }
            auto next = page(query, limit);
            if (!next) {
                qWarning("%s", qPrintable(describe(next.error())));
                return {};
            }
            if (next->items.size() > limit || (!next->next.isEmpty() && next->items.size() != limit))
                return {QStringLiteral("a page of the wrong size")};
            names += next->items;
            after = next->next;
            if (++count > 100)
                return {QStringLiteral("endless")};
        } while (!after.isEmpty());
        if (pages)
            *pages = count;
        return names;
    }

    static void verifyRefused(const Result<void> &started, const char *what)
    {
        QVERIFY2(!started, what);
        QVERIFY2(started.error().kind == ErrorKind::Invalid, what);
        QCOMPARE(started.error().fields.size(), qsizetype(1));
        QCOMPARE(started.error().fields.first().field, QStringLiteral("after"));
    }

private slots:
    void init()
    {
        m_testDatabase = std::make_unique<TestDatabase>();
        SIGNOFF_REQUIRE_DATABASE(*m_testDatabase);
        m_database = std::make_unique<Database>(m_testDatabase->url());
        const QString table = m_testDatabase->dialect() == SqlDialect::Sqlite
            ? QStringLiteral("CREATE TABLE keyset_probe (name TEXT NOT NULL, at TIMESTAMP NOT NULL, n INTEGER NOT NULL)")
            : QStringLiteral("CREATE TABLE keyset_probe (seq BIGINT GENERATED ALWAYS AS IDENTITY, name TEXT NOT NULL, "
                             "at TIMESTAMPTZ NOT NULL, n BIGINT NOT NULL)");
        auto created = m_database->write([&](Connection &connection) { return connection.execute(table); });
        QVERIFY2(created, qPrintable(created ? QString() : describe(created.error())));
    }

    void cleanup()
    {
        m_database.reset();
        m_testDatabase.reset();
    }

    void pagesFollowEachOtherWithoutGapsOrRepeats()
    {
        const QStringList names{QStringLiteral("delta"), QStringLiteral("alpha"), QStringLiteral("golf"), QStringLiteral("charlie"),
                                QStringLiteral("foxtrot"), QStringLiteral("bravo"), QStringLiteral("echo")};
        QList<Probe> probes;
        for (qsizetype i = 0; i < names.size(); ++i)
            probes.append({names.at(i), noon.addSecs(i), i});
        insert(probes);
        QStringList sorted = names;
        sorted.sort();
        int pages = 0;
        QCOMPARE(everyPage(KeysetQuery::SortValue::Text, QStringLiteral("k.name"), false, 3, &pages), sorted);
        QCOMPARE(pages, 3);
        std::reverse(sorted.begin(), sorted.end());
        QCOMPARE(everyPage(KeysetQuery::SortValue::Text, QStringLiteral("k.name"), true, 3), sorted);
        // A limit that divides the rows exactly: no empty last page.
        QCOMPARE(everyPage(KeysetQuery::SortValue::Text, QStringLiteral("k.name"), true, 7, &pages), sorted);
        QCOMPARE(pages, 1);
        QCOMPARE(everyPage(KeysetQuery::SortValue::Timestamp, QStringLiteral("k.at"), false, 2), names);
    }

    // Equal sort values list in insertion order (newest first when
    // descending), also across a page boundary that falls among them.
    void equalSortValuesAreOrderedByInsertion()
    {
        insert({{QStringLiteral("before"), noon.addMSecs(-1), 0},
                {QStringLiteral("first"), noon, 0},
                {QStringLiteral("second"), noon, 0},
                {QStringLiteral("third"), noon, 0},
                {QStringLiteral("fourth"), noon, 0},
                {QStringLiteral("after"), noon.addMSecs(1), 0}});
        const QStringList oldestFirst{QStringLiteral("before"), QStringLiteral("first"), QStringLiteral("second"),
                                      QStringLiteral("third"), QStringLiteral("fourth"), QStringLiteral("after")};
        QStringList newestFirst = oldestFirst;
        std::reverse(newestFirst.begin(), newestFirst.end());
        for (int limit = 1; limit <= 6; ++limit) {
            QCOMPARE(everyPage(KeysetQuery::SortValue::Timestamp, QStringLiteral("k.at"), true, limit), newestFirst);
            QCOMPARE(everyPage(KeysetQuery::SortValue::Timestamp, QStringLiteral("k.at"), false, limit), oldestFirst);
        }
    }

    // Integers sort as numbers (10 after 9, negatives first), not as text.
    void integerSortValuesRoundTripAsNumbers()
    {
        insert({{QStringLiteral("ten"), noon, 10},
                {QStringLiteral("nine"), noon, 9},
                {QStringLiteral("minus two"), noon, -2},
                {QStringLiteral("big"), noon, Q_INT64_C(9007199254740993)},
                {QStringLiteral("zero"), noon, 0}});
        QCOMPARE(everyPage(KeysetQuery::SortValue::Integer, QStringLiteral("k.n"), false, 2),
                 (QStringList{QStringLiteral("minus two"), QStringLiteral("zero"), QStringLiteral("nine"), QStringLiteral("ten"),
                              QStringLiteral("big")}));
    }

    // A cursor made by cursor() is what startAfter() reads back, the same
    // whether the database gave the time as a QDateTime (PostgreSQL) or as
    // its stored text (SQLite); it carries its order, and another order
    // refuses it.
    void aCursorRoundTrips()
    {
        KeysetQuery query = probeQuery(KeysetQuery::SortValue::Timestamp, QStringLiteral("k.at"), true);
        const QString fromDateTime = query.cursor(QVariant(noon), QVariant(qint64(42)));
        QCOMPARE(fromDateTime, query.cursor(sql::fromTime(noon), QVariant(qint64(42))));
        const QByteArray json = QByteArray::fromBase64(fromDateTime.toLatin1(), QByteArray::Base64UrlEncoding);
        const QJsonArray parts = QJsonDocument::fromJson(json).array();
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts.at(0).toString(), QStringLiteral("2026-12-06T12:00:00.000Z"));
        QCOMPARE(parts.at(1).toString(), QStringLiteral("42"));
        QVERIFY(!fromDateTime.contains(u'=') && !fromDateTime.contains(u'+') && !fromDateTime.contains(u'/'));
        KeysetQuery ascending = probeQuery(KeysetQuery::SortValue::Timestamp, QStringLiteral("k.at"), false);
        verifyRefused(ascending.startAfter(fromDateTime), "a cursor of the descending order");
        KeysetQuery other = probeQuery(KeysetQuery::SortValue::Timestamp, QStringLiteral("k.updated"), true);
        verifyRefused(other.startAfter(fromDateTime), "a cursor of another column");
        SIGNOFF_VERIFY_OK(query.startAfter(untagged(QStringLiteral("2026-12-06T12:00:00.000Z"), 42)));

        query = probeQuery(KeysetQuery::SortValue::Timestamp, QStringLiteral("k.at"), true);
        SIGNOFF_VERIFY_OK(query.startAfter(fromDateTime));
        QCOMPARE(query.values(10), (QVariantList{sql::fromTime(noon), sql::fromTime(noon), qint64(42), 11}));
        QVERIFY(query.sql().contains(QStringLiteral("k.at < ? OR (k.at = ? AND %1 < ?)").arg(tieBreak())));

        KeysetQuery none = probeQuery(KeysetQuery::SortValue::Text, QStringLiteral("k.name"), false);
        SIGNOFF_VERIFY_OK(none.startAfter(QString())); // no cursor: the first page
        QCOMPARE(none.values(5), QVariantList{6});
        QVERIFY(!none.sql().contains(QStringLiteral("WHERE")));
    }

    void malformedCursorsAreInvalid()
    {
        const QList<QByteArray> badJson{
            "{}", "[]", "[\"a\"]", "[\"a\",\"1\",\"2\"]", "[1,2]", "[\"a\",2]", "[null,\"1\"]", "\"a\"", "[\"a\",\"-1\"]",
            "[\"a\",\"1.5\"]", "[\"a\",\"01\"]", "[\"a\",\" 1\"]", "[\"a\",\"\"]", "[\"a\",\"99999999999999999999\"]",
            "[\"a\\u0000b\",\"1\"]", "[\"a\",\"1\"] trailing",
        };
        for (const QByteArray &json : badJson) {
            KeysetQuery query = probeQuery(KeysetQuery::SortValue::Text, QStringLiteral("k.name"), true);
            verifyRefused(query.startAfter(forged(json)), json.constData());
            QVERIFY2(query.values(1).size() == 1, json.constData()); // nothing was bound
        }
        const QStringList notBase64{QStringLiteral("not base64!"), QStringLiteral("a"), QStringLiteral("ä"),
                                    forged("[\"a\",\"1\"]") + QStringLiteral("*"), QString(2049, u'A')};
        for (const QString &cursor : notBase64) {
            KeysetQuery query = probeQuery(KeysetQuery::SortValue::Text, QStringLiteral("k.name"), true);
            verifyRefused(query.startAfter(cursor), qPrintable(cursor.left(40)));
        }
        // A sort value longer than any we make.
        KeysetQuery query = probeQuery(KeysetQuery::SortValue::Text, QStringLiteral("k.name"), true);
        verifyRefused(query.startAfter(untagged(QString(1025, u'x'), 1)), "a sort value of 1025 characters");
        SIGNOFF_VERIFY_OK(query.startAfter(untagged(QString(1024, u'x'), 1)));
    }

    // A cursor of another list's sort (a name where a time belongs) is refused
    // before it reaches the database.
    void aCursorOfTheWrongKindIsInvalid()
    {
        const QString ofName = untagged(QStringLiteral("alpha"), 1);
        const QString ofTime = untagged(sql::fromTime(noon).toString(), 1);
        const QString ofNumber = untagged(QStringLiteral("12"), 1);

        KeysetQuery byTime = probeQuery(KeysetQuery::SortValue::Timestamp, QStringLiteral("k.at"), true);
        verifyRefused(byTime.startAfter(ofName), "a name for a time");
        verifyRefused(byTime.startAfter(ofNumber), "a number for a time");
        // A time, but not in the stored form.
        for (const char *time : {"2026-12-06T12:00:00Z", "2026-12-06T12:00:00.000+01:00", "2026-12-06 12:00:00.000Z",
                                 "2026-13-06T12:00:00.000Z"})
            verifyRefused(byTime.startAfter(untagged(QString::fromLatin1(time), 1)), time);
        SIGNOFF_VERIFY_OK(byTime.startAfter(ofTime));

        KeysetQuery byNumber = probeQuery(KeysetQuery::SortValue::Integer, QStringLiteral("k.n"), true);
        verifyRefused(byNumber.startAfter(ofName), "a name for a number");
        verifyRefused(byNumber.startAfter(ofTime), "a time for a number");
        for (const char *number : {"1e3", "012", "+5", "12.0", "0x10", "99999999999999999999"})
            verifyRefused(byNumber.startAfter(untagged(QString::fromLatin1(number), 1)), number);
        SIGNOFF_VERIFY_OK(byNumber.startAfter(untagged(QStringLiteral("-7"), 1)));
        QCOMPARE(byNumber.values(1).first(), QVariant(qint64(-7)));

        // Any text is a name; it is bound, never part of the statement.
        KeysetQuery byName = probeQuery(KeysetQuery::SortValue::Text, QStringLiteral("k.name"), false);
        SIGNOFF_VERIFY_OK(byName.startAfter(ofTime));
        SIGNOFF_VERIFY_OK(byName.startAfter(ofNumber));
    }

    // A forged cursor that is well formed is only a position: bound as a
    // value, it cannot change the statement.
    void aForgedCursorIsOnlyAPosition()
    {
        insert({{QStringLiteral("alpha"), noon, 1}, {QStringLiteral("bravo"), noon, 2}, {QStringLiteral("charlie"), noon, 3}});
        KeysetQuery query = probeQuery(KeysetQuery::SortValue::Text, QStringLiteral("k.name"), false);
        SIGNOFF_VERIFY_OK(query.startAfter(untagged(QStringLiteral("b' OR '1'='1"), 0)));
        QVERIFY(!query.sql().contains(QStringLiteral("OR '1'")));
        auto rest = page(query, 10);
        SIGNOFF_VERIFY_OK(rest);
        QCOMPARE(rest->items, (QStringList{QStringLiteral("bravo"), QStringLiteral("charlie")}));
        QVERIFY(rest->next.isEmpty());
    }

    void theLimitIsChecked()
    {
        for (int limit : {0, -1, maxPageSize + 1}) {
            PageRequest request;
            request.limit = limit;
            const Result<int> checked = checkedLimit(request);
            QVERIFY2(!checked, qPrintable(QString::number(limit)));
            QCOMPARE(checked.error().fields.first().field, QStringLiteral("limit"));
        }
        for (int limit : {1, maxPageSize}) {
            PageRequest request;
            request.limit = limit;
            QCOMPARE(checkedLimit(request).value(), limit);
        }
    }
};

QTEST_GUILESS_MAIN(TestKeysetQuery)
#include "tst_keysetquery.moc"
