// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Nothing acknowledged is lost: `signoff serve` under load from several
// concurrent clients is killed with SIGKILL at random moments and started
// again on the same database. Every create and transition that got a 2xx
// must be there in (at least) that state; nothing may be half-written
// (every item's newest audit event matches the item, every order has its
// lines and its total); the database passes its integrity checks
// (SQLite: PRAGMA integrity_check and foreign_key_check; PostgreSQL:
// amcheck's bt_index_check on every index, and no orphaned rows).
//
// Against SQLite this proves the transactions, the WAL and that a 2xx is
// only sent after COMMIT returned; synchronous=FULL (power loss) cannot be
// shown by killing a process, the kernel still has the pages.

#include "ServeProcess.h"

#include <QJsonArray>
#include <QMutex>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace signoff;
using namespace signoff::test;

namespace {

const QString password = QStringLiteral("correct horse 42");
constexpr int rounds = 3;
constexpr int clientCount = 6;

struct Acknowledged
{
    QString kind; // "feature" or "order"
    QString status;
    int version = 0;
};

// What the clients were told: the newest 2xx state of each item.
class Ledger
{
public:
    void acknowledge(const QString &kind, const QJsonObject &item)
    {
        QMutexLocker locker(&m_mutex);
        const QString id = item.value(QStringLiteral("id")).toString();
        const int version = item.value(QStringLiteral("version")).toInt();
        Acknowledged &entry = m_items[id];
        if (version >= entry.version)
            entry = Acknowledged{kind, item.value(QStringLiteral("status")).toString(), version};
        ++m_count;
    }
    QHash<QString, Acknowledged> items() const
    {
        QMutexLocker locker(&m_mutex);
        return m_items;
    }
    int count() const
    {
        QMutexLocker locker(&m_mutex);
        return m_count;
    }

private:
    mutable QMutex m_mutex;
    QHash<QString, Acknowledged> m_items;
    int m_count = 0;
};

// One client: chains of create → submit → approve/reject → revise, until
// the server stops answering.
void runClient(const QUrl &url, int index, const QString &productId, const QHash<QString, QByteArray> &tokens,
               Ledger *ledger, std::atomic_bool *stop)
{
    HttpClient http(url);
    const QString owner = index % 2 ? QStringLiteral("alice") : QStringLiteral("bob");
    const QString reviewer = index % 2 ? QStringLiteral("carol") : QStringLiteral("dave");
    const auto ifMatch = [](const QJsonObject &item) {
        return QList<std::pair<QByteArray, QByteArray>>{
            {"If-Match", '"' + QByteArray::number(item.value(QStringLiteral("version")).toInt()) + '"'}};
    };
    for (int chain = 0; !*stop; ++chain) {
        const bool order = chain % 3 == 2;
        const QString kind = order ? QStringLiteral("order") : QStringLiteral("feature");
        const QJsonObject body = order
            ? QJsonObject{{QStringLiteral("lines"), QJsonArray{QJsonObject{{QStringLiteral("product_id"), productId},
                                                                          {QStringLiteral("quantity"), chain + 1}}}},
                          {QStringLiteral("note"), QStringLiteral("client %1 chain %2").arg(index).arg(chain)}}
            : QJsonObject{{QStringLiteral("name"), QStringLiteral("client %1 chain %2 %3").arg(index).arg(chain).arg(QRandomGenerator::global()->generate())},
                          {QStringLiteral("options"), QJsonObject{{QStringLiteral("chain"), chain}}}};
        Reply reply = http.send("POST", QStringLiteral("/api/v1/") + kind, tokens.value(owner), body);
        if (reply.status != 201)
            return;
        ledger->acknowledge(kind, reply.json);
        const QString path = QStringLiteral("/api/v1/%1/%2").arg(kind, reply.json.value(QStringLiteral("id")).toString());

        QList<std::pair<QString, QString>> steps{{QStringLiteral("submit"), owner}};
        if (chain % 2)
            steps += {{QStringLiteral("approve"), reviewer}};
        else
            steps += {{QStringLiteral("reject"), reviewer}, {QStringLiteral("revise"), owner}};
        for (const auto &[action, who] : steps) {
            const QJsonObject transitionBody = action == QStringLiteral("reject")
                ? QJsonObject{{QStringLiteral("reason"), QStringLiteral("not yet")}}
                : QJsonObject();
            reply = http.send("POST", path + u'/' + action, tokens.value(who), transitionBody, ifMatch(reply.json));
            if (reply.status != 200)
                return;
            ledger->acknowledge(kind, reply.json);
        }
    }
}

} // namespace

class TestReliabilityCrash : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(signoffBinary()), "SIGNOFF_BINARY must name the built signoff executable");
    }

    void acknowledgedWritesSurviveSigkill()
    {
        TestDatabase database;
        SIGNOFF_REQUIRE_DATABASE(database);
        QString error;
        const QString productId = seedUsersAndProduct(database.url(), password, &error);
        QVERIFY2(!productId.isEmpty(), qPrintable(error));

        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("random seed %u", seed);
        QRandomGenerator random(seed);
        Ledger ledger;

        for (int round = 1; round <= rounds; ++round) {
            ServeProcess serve;
            QVERIFY2(serve.start(database.urlString()), qPrintable(serve.output()));
            verifyAcknowledged(serve.url(), ledger);
            if (QTest::currentTestFailed())
                return;

            HttpClient http(serve.url());
            QHash<QString, QByteArray> tokens;
            for (const QString &user : {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"), QStringLiteral("dave")}) {
                tokens.insert(user, http.signIn(user, password));
                QVERIFY2(!tokens.value(user).isEmpty(), qPrintable(user));
            }

            std::atomic_bool stop{false};
            QList<QThread *> clients;
            for (int index = 0; index < clientCount; ++index) {
                clients.append(QThread::create(runClient, serve.url(), index, productId, tokens, &ledger, &stop));
                clients.last()->start();
            }
            // Let some work be acknowledged, then kill at a random moment.
            const int before = ledger.count();
            QTRY_VERIFY_WITH_TIMEOUT(ledger.count() >= before + 5, 60000);
            QThread::msleep(qEnvironmentVariableIsSet("SIGNOFF_TEST_LOAD_MS") ? qEnvironmentVariableIntValue("SIGNOFF_TEST_LOAD_MS")
                                                                            : random.bounded(50, 1200));
            serve.kill();
            stop = true;
            for (QThread *client : clients) {
                QVERIFY(client->wait(60000));
                delete client;
            }
            qInfo("round %d: %d acknowledged answers so far, %lld items", round, ledger.count(),
                  qint64(ledger.items().size()));
        }

        ServeProcess serve;
        QVERIFY2(serve.start(database.urlString()), qPrintable(serve.output()));
        verifyAcknowledged(serve.url(), ledger);
        verifyNothingHalfWritten(serve.url());
        if (QTest::currentTestFailed())
            qWarning("the server said: %s", qPrintable(serve.output().right(3000)));
        QVERIFY2(serve.terminate(), qPrintable(serve.output()));
        verifyIntegrity(database);
    }

private:
    // Every acknowledged item is there, at least at the acknowledged version;
    // at that version in that status, and its history has the acknowledged step.
    void verifyAcknowledged(const QUrl &url, const Ledger &ledger)
    {
        HttpClient http(url);
        const QByteArray token = http.signIn(QStringLiteral("admin"), password);
        QVERIFY(!token.isEmpty());
        const auto items = ledger.items();
        for (auto it = items.cbegin(); it != items.cend(); ++it) {
            const QString path = QStringLiteral("/api/v1/%1/%2").arg(it->kind, it.key());
            const Reply item = http.send("GET", path, token);
            QVERIFY2(item.status == 200, qPrintable(QStringLiteral("%1: %2 %3").arg(path).arg(item.status).arg(QString::fromUtf8(item.body))));
            const int version = item.json.value(QStringLiteral("version")).toInt();
            QVERIFY2(version >= it->version, qPrintable(QStringLiteral("%1 is at version %2, %3 was acknowledged").arg(path).arg(version).arg(it->version)));
            if (version == it->version)
                QCOMPARE(item.json.value(QStringLiteral("status")).toString(), it->status);
            const Reply history = http.send("GET", path + QStringLiteral("/history"), token);
            QCOMPARE(history.status, 200);
            bool found = false;
            for (const QJsonValue &event : history.json.value(QStringLiteral("items")).toArray()) {
                const QJsonObject object = event.toObject();
                found = found || (object.value(QStringLiteral("version")).toInt() == it->version
                                  && object.value(QStringLiteral("to_status")).toString() == it->status);
            }
            QVERIFY2(found, qPrintable(QStringLiteral("%1 has no audit event for version %2").arg(path).arg(it->version)));
        }
    }

    // Every item in the database (acknowledged or not) is whole: its newest
    // audit event is its current version and status; orders have lines and
    // a total that is their sum.
    void verifyNothingHalfWritten(const QUrl &url)
    {
        HttpClient http(url);
        const QByteArray token = http.signIn(QStringLiteral("admin"), password);
        QVERIFY(!token.isEmpty());
        int checked = 0;
        for (const QString &kind : {QStringLiteral("feature"), QStringLiteral("order")}) {
            QString after;
            do {
                const Reply page = http.send("GET", QStringLiteral("/api/v1/%1?limit=500%2").arg(kind, after.isEmpty() ? QString() : QStringLiteral("&after=") + after), token);
                QCOMPARE(page.status, 200);
                for (const QJsonValue &value : page.json.value(QStringLiteral("items")).toArray()) {
                    const QJsonObject item = value.toObject();
                    const QString path = QStringLiteral("/api/v1/%1/%2").arg(kind, item.value(QStringLiteral("id")).toString());
                    const Reply history = http.send("GET", path + QStringLiteral("/history"), token);
                    QVERIFY2(history.status == 200, qPrintable(QStringLiteral("%1/history after %2 items: %3 %4 %5")
                                                                   .arg(path).arg(checked).arg(history.status)
                                                                   .arg(history.transportError, QString::fromUtf8(history.body.left(200)))));
                    int newest = 0;
                    QString newestStatus;
                    for (const QJsonValue &event : history.json.value(QStringLiteral("items")).toArray()) {
                        const int version = event.toObject().value(QStringLiteral("version")).toInt();
                        if (version > newest) {
                            newest = version;
                            newestStatus = event.toObject().value(QStringLiteral("to_status")).toString();
                        }
                    }
                    QVERIFY2(newest == item.value(QStringLiteral("version")).toInt()
                                 && newestStatus == item.value(QStringLiteral("status")).toString(),
                             qPrintable(QStringLiteral("%1: version %2 %3, newest audit event %4 %5")
                                            .arg(path).arg(item.value(QStringLiteral("version")).toInt())
                                            .arg(item.value(QStringLiteral("status")).toString()).arg(newest).arg(newestStatus)));
                    if (kind == QStringLiteral("order")) {
                        const QJsonArray lines = item.value(QStringLiteral("lines")).toArray();
                        QVERIFY2(!lines.isEmpty(), qPrintable(path + QStringLiteral(" has no lines")));
                        qint64 sum = 0;
                        for (const QJsonValue &line : lines)
                            sum += qint64(line.toObject().value(QStringLiteral("line_total_cents")).toDouble());
                        QCOMPARE(qint64(item.value(QStringLiteral("total_cents")).toDouble()), sum);
                    }
                    ++checked;
                }
                after = page.json.value(QStringLiteral("next")).toString();
            } while (!after.isEmpty());
        }
        qInfo("%d items checked whole", checked);
    }

    void verifyIntegrity(const TestDatabase &database)
    {
        const QString name = QStringLiteral("integrity");
        {
            QSqlDatabase connection = QSqlDatabase::addDatabase(
                database.dialect() == SqlDialect::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
            const DatabaseUrl &url = database.url();
            if (database.dialect() == SqlDialect::Sqlite) {
                connection.setDatabaseName(url.path);
            } else {
                connection.setHostName(url.host);
                connection.setPort(url.port);
                connection.setUserName(url.user);
                connection.setPassword(url.password);
                connection.setDatabaseName(url.databaseName);
            }
            QVERIFY2(connection.open(), qPrintable(connection.lastError().text()));
            QSqlQuery query(connection);
            if (database.dialect() == SqlDialect::Sqlite) {
                QVERIFY2(query.exec(QStringLiteral("PRAGMA integrity_check")), qPrintable(query.lastError().text()));
                QVERIFY(query.next());
                QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
                QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_key_check")));
                QVERIFY2(!query.next(), "foreign_key_check found orphaned rows");
            } else {
                QVERIFY2(query.exec(QStringLiteral("CREATE EXTENSION IF NOT EXISTS amcheck")), qPrintable(query.lastError().text()));
                QVERIFY2(query.exec(QStringLiteral(
                             "SELECT count(bt_index_check(c.oid, true)) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                             "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam "
                             "WHERE n.nspname = 'public' AND a.amname = 'btree'")),
                         qPrintable(query.lastError().text()));
                QVERIFY(query.next());
                QVERIFY2(query.value(0).toInt() > 5, "amcheck checked no indexes");
            }
            // Half-written rows: lines without their order, orders without lines,
            // items without their creation event.
            QVERIFY2(query.exec(QStringLiteral(
                         "SELECT (SELECT count(*) FROM line_item l LEFT JOIN orders o ON o.id = l.order_id WHERE o.id IS NULL) "
                         "+ (SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM line_item l WHERE l.order_id = o.id)) "
                         "+ (SELECT count(*) FROM feature_data f WHERE NOT EXISTS (SELECT 1 FROM audit_event a "
                         "   WHERE a.entity_type = 'feature' AND a.entity_id = CAST(f.id AS TEXT) AND a.action = 'create'))")),
                     qPrintable(query.lastError().text()));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), 0);
        }
        QSqlDatabase::removeDatabase(name);
    }
};

QTEST_GUILESS_MAIN(TestReliabilityCrash)
#include "tst_reliability_crash.moc"
