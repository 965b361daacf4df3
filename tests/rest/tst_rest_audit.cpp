// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// GET /api/v1/stats (any user), GET /api/v1/audit/verify (administrators) and GET /api/v1/audit as CSV
// (reviewers and administrators), over real HTTP on both databases.

#include "RestTestSupport.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

class TestRestAudit : public QObject
{
    Q_OBJECT

    static bool exec(RestFixture &f, const QString &sql)
    {
        auto connection = f.database().connection();
        if (!connection)
            return false;
        QSqlQuery query(QSqlDatabase::database(connection.value()->name(), false));
        if (!query.exec(sql)) {
            qWarning() << query.lastError().text();
            return false;
        }
        return true;
    }

    // Splits RFC 4180 CSV into rows of cells.
    static QList<QStringList> parseCsv(const QByteArray &bytes)
    {
        const QString text = QString::fromUtf8(bytes);
        QList<QStringList> rows;
        QStringList row;
        QString cell;
        bool quoted = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (quoted) {
                if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                    cell += u'"';
                    ++i;
                } else if (c == u'"') {
                    quoted = false;
                } else {
                    cell += c;
                }
            } else if (c == u'"') {
                quoted = true;
            } else if (c == u',') {
                row.append(cell);
                cell.clear();
            } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
                row.append(cell);
                rows.append(row);
                row.clear();
                cell.clear();
                ++i;
            } else {
                cell += c;
            }
        }
        return rows;
    }

private slots:
    void statsAreTheDashboardsFiguresForAnyUser()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        const QByteArray rita = f.signIn(QStringLiteral("rita"), Role::Reviewer);
        const Reply created = f.call("POST", QStringLiteral("/api/v1/feature"), alice, QJsonObject{{QStringLiteral("name"), QStringLiteral("Stats")}});
        QCOMPARE(created.status, 201);
        const QString path = QStringLiteral("/api/v1/feature/") + created.json.value(QStringLiteral("id")).toString();
        QCOMPARE(f.call("POST", path + QStringLiteral("/submit"), alice, QJsonObject{}, {{"If-Match", "\"1\""}}).status, 200);
        QCOMPARE(f.call("POST", path + QStringLiteral("/approve"), rita, QJsonObject{}, {{"If-Match", "\"2\""}}).status, 200);

        const Reply stats = f.call("GET", QStringLiteral("/api/v1/stats"), alice);
        QCOMPARE(stats.status, 200);
        QCOMPARE(stats.json.value(QStringLiteral("days")).toInt(), 30);
        const QJsonArray perDay = stats.json.value(QStringLiteral("decisions_per_day")).toArray();
        QCOMPARE(perDay.size(), 30);
        QCOMPARE(perDay.first().toObject().value(QStringLiteral("date")).toString(), stats.json.value(QStringLiteral("from")).toString());
        QCOMPARE(perDay.last().toObject().value(QStringLiteral("date")).toString(), stats.json.value(QStringLiteral("to")).toString());
        QCOMPARE(perDay.last().toObject().value(QStringLiteral("approved")).toInt(), 1);
        const QJsonObject features = stats.json.value(QStringLiteral("items")).toObject().value(QStringLiteral("feature")).toObject();
        QCOMPARE(features.value(QStringLiteral("approved")).toInt(), 1);
        QCOMPARE(features.value(QStringLiteral("draft")).toInt(), 0);
        const QJsonObject decided = stats.json.value(QStringLiteral("time_to_decision")).toObject();
        QCOMPARE(decided.value(QStringLiteral("count")).toInt(), 1);
        QVERIFY(decided.value(QStringLiteral("median_seconds")).isDouble());
        const QJsonObject queue = stats.json.value(QStringLiteral("review_queue")).toObject();
        QCOMPARE(queue.value(QStringLiteral("count")).toInt(), 0);
        QVERIFY(queue.value(QStringLiteral("oldest_seconds")).isNull());
        QVERIFY(stats.json.value(QStringLiteral("generated_at")).toString().endsWith(u'Z'));

        QCOMPARE(f.call("GET", QStringLiteral("/api/v1/stats?days=7"), rita).json.value(QStringLiteral("decisions_per_day")).toArray().size(), 7);
        for (const QString &days : {QStringLiteral("0"), QStringLiteral("366"), QStringLiteral("seven"), QString(), QStringLiteral("1.5")}) {
            const Reply refused = f.call("GET", QStringLiteral("/api/v1/stats?days=") + days, alice);
            QCOMPARE(refused.status, 400);
            QCOMPARE(refused.errorFields(), QStringList{QStringLiteral("days")});
        }
        QCOMPARE(f.call("GET", QStringLiteral("/api/v1/stats?weeks=2"), alice).status, 400);
        QCOMPARE(f.call("GET", QStringLiteral("/api/v1/stats")).status, 401);
    }

    void verifyReportsAnIntactChainToAdministrators()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("adam"), Role::Admin);
        const QByteArray rita = f.signIn(QStringLiteral("rita"), Role::Reviewer);
        QCOMPARE(f.call("POST", QStringLiteral("/api/v1/feature"), admin, QJsonObject{{QStringLiteral("name"), QStringLiteral("A")}}).status,
                 201);
        const Reply report = f.call("GET", QStringLiteral("/api/v1/audit/verify"), admin);
        QCOMPARE(report.status, 200);
        QCOMPARE(report.json.value(QStringLiteral("intact")).toBool(), true);
        const qint64 events = f.database().run([](Connection &c) -> Result<qint64> {
            auto rows = c.query(QStringLiteral("SELECT COUNT(*) FROM audit_event"));
            if (!rows)
                return rows.error();
            rows->next();
            return rows->value(0).toLongLong();
        }).value();
        QCOMPARE(qint64(report.json.value(QStringLiteral("events")).toDouble()), events);
        QCOMPARE(report.json.value(QStringLiteral("detail")).toString(), QStringLiteral("%1 events intact").arg(events));
        QCOMPARE(report.json.value(QStringLiteral("last_seal")).toString().size(), 64);

        QCOMPARE(f.call("GET", QStringLiteral("/api/v1/audit/verify"), rita).status, 403);
        QCOMPARE(f.call("GET", QStringLiteral("/api/v1/audit/verify")).status, 401);
    }

    void verifyNamesTheFirstChangedEvent()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("adam"), Role::Admin);
        for (int i = 0; i < 4; ++i)
            f.call("POST", QStringLiteral("/api/v1/feature"), admin, QJsonObject{{QStringLiteral("name"), QStringLiteral("F%1").arg(i)}});
        QVERIFY(f.call("GET", QStringLiteral("/api/v1/audit/verify"), admin).json.value(QStringLiteral("intact")).toBool());
        const bool postgres = f.database().dialect() == SqlDialect::Postgresql;
        QVERIFY(exec(f, postgres ? QStringLiteral("DROP TRIGGER audit_event_no_change ON audit_event")
                                 : QStringLiteral("DROP TRIGGER audit_event_no_update")));
        QVERIFY(exec(f, QStringLiteral("UPDATE audit_event SET comment = 'nothing to see' WHERE id = "
                                       "(SELECT event_id FROM audit_seal WHERE position = 3)")));
        const Reply report = f.call("GET", QStringLiteral("/api/v1/audit/verify"), admin);
        QCOMPARE(report.status, 200);
        QCOMPARE(report.json.value(QStringLiteral("intact")).toBool(), false);
        const QJsonObject broken = report.json.value(QStringLiteral("first_broken")).toObject();
        QCOMPARE(broken.value(QStringLiteral("position")).toInt(), 3);
        QCOMPARE(broken.value(QStringLiteral("problem")).toString(), QStringLiteral("changed"));
        QCOMPARE(report.json.value(QStringLiteral("events")).toInt(), 2);
    }

    void exportsTheLogAsSafeCsv()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        const QByteArray rita = f.signIn(QStringLiteral("rita"), Role::Reviewer);
        const QStringList names{QStringLiteral("=HYPERLINK(\"http://x\")"), QStringLiteral("+1"), QStringLiteral("-2"),
                                QStringLiteral("@SUM(A1)"), QStringLiteral("plain, with \"quotes\"")};
        for (const QString &name : names)
            QCOMPARE(f.call("POST", QStringLiteral("/api/v1/feature"), alice, QJsonObject{{QStringLiteral("name"), name}}).status, 201);
        const QString id = f.call("GET", QStringLiteral("/api/v1/feature?limit=1"), alice)
                               .json.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(f.call("POST", QStringLiteral("/api/v1/feature/%1/submit").arg(id), alice).status, 200);
        QCOMPARE(f.call("POST", QStringLiteral("/api/v1/feature/%1/reject").arg(id), rita,
                        QJsonObject{{QStringLiteral("reason"), QStringLiteral("=cmd|' /C calc'!A0, and\nmore")}}, {{"If-Match", "\"2\""}})
                     .status,
                 200);

        const Reply csv = f.call("GET", QStringLiteral("/api/v1/audit"), rita, QByteArray(), {{"Accept", "text/csv"}});
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.header("Content-Type").startsWith("text/csv"));
        const QList<QStringList> rows = parseCsv(csv.body);
        QVERIFY(rows.size() > 1);
        QCOMPARE(rows.first(), QStringLiteral("id,at,actor,action,entity_type,entity_id,from_status,to_status,version,comment,detail")
                                   .split(u','));
        const Reply json = f.call("GET", QStringLiteral("/api/v1/audit?limit=500"), rita);
        const QJsonArray items = json.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(rows.size() - 1, items.size()); // every event, newest first, as the JSON list
        for (qsizetype i = 1; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i).size(), 11);
            QCOMPARE(rows.at(i).at(0), QString::number(items.at(i - 1).toObject().value(QStringLiteral("id")).toInteger()));
            for (const QString &cell : rows.at(i))
                QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@").contains(cell.front()), qPrintable(cell));
        }
        // The rejection's reason, defused and intact otherwise.
        QCOMPARE(rows.at(1).at(3), QStringLiteral("reject"));
        QCOMPARE(rows.at(1).at(9), QStringLiteral("'=cmd|' /C calc'!A0, and\nmore"));
        bool quotedDetail = false;
        for (const QStringList &row : rows)
            quotedDetail = quotedDetail || row.last() == QStringLiteral("{\"name\":\"plain, with \\\"quotes\\\"\"}");
        QVERIFY(quotedDetail);

        // A page when one is asked for.
        const Reply page = f.call("GET", QStringLiteral("/api/v1/audit?limit=2"), rita, QByteArray(), {{"Accept", "text/csv"}});
        QCOMPARE(page.status, 200);
        QCOMPARE(parseCsv(page.body).size(), 3);

        QCOMPARE(f.call("GET", QStringLiteral("/api/v1/audit"), alice, QByteArray(), {{"Accept", "text/csv"}}).status, 403);
    }
};

QTEST_GUILESS_MAIN(TestRestAudit)
#include "tst_rest_audit.moc"
