// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The benchmark's ceiling: a bare QHttpServer program that does the three
// things Signoff's benchmark scenarios are compared with, and nothing else.
// No guard, no routing table, no authentication, no metrics, no logging:
// what Qt 6.4's server and SQLite allow on this machine in one thread.
//
//   signoff-reference --database FILE [--listen HOST:PORT] [--synchronous FULL|NORMAL|OFF]
//                     [--seed-ids FILE]
//
//   GET  /hello      {"hello":"world"}
//   GET  /item/ID    the row with primary key ID as JSON, 404 if there is none
//   POST /item       {"name": "..."} inserts one row (autocommit) -> 201 with the row
//
// The table is shaped like Signoff's feature_data where it matters for the
// comparison: a TEXT UUID primary key and a unique index on name. With
// --seed-ids it is filled, when empty, with one row per id in FILE (one UUID
// a line), in one transaction. Content types are always given explicitly:
// QHttpServerResponse would otherwise ask QMimeDatabase (slow).

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <cstdio>
#include <cstdlib>

namespace {

const QByteArray jsonType = QByteArrayLiteral("application/json");

void fail(const QString &message)
{
    std::fprintf(stderr, "signoff-reference: %s\n", qPrintable(message));
    std::exit(1);
}

bool exec(QSqlDatabase &database, const QString &sql)
{
    QSqlQuery query(database);
    if (!query.exec(sql)) {
        std::fprintf(stderr, "signoff-reference: %s: %s\n", qPrintable(sql), qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

void seed(QSqlDatabase &database, const QString &idsFile)
{
    QSqlQuery count(database);
    if (!count.exec(QStringLiteral("SELECT count(*) FROM item")) || !count.next())
        fail(count.lastError().text());
    if (count.value(0).toLongLong() > 0)
        return;
    QFile file(idsFile);
    if (!file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot read %1").arg(idsFile));
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (!exec(database, QStringLiteral("BEGIN")))
        fail(QStringLiteral("cannot begin"));
    QSqlQuery insert(database);
    insert.prepare(QStringLiteral("INSERT INTO item (id, name, created_at) VALUES (?, ?, ?)"));
    qint64 rows = 0;
    while (!file.atEnd()) {
        const QString id = QString::fromLatin1(file.readLine().trimmed());
        if (id.isEmpty())
            continue;
        insert.bindValue(0, id);
        insert.bindValue(1, QStringLiteral("seeded %1").arg(++rows));
        insert.bindValue(2, now);
        if (!insert.exec())
            fail(insert.lastError().text());
    }
    if (!exec(database, QStringLiteral("COMMIT")))
        fail(QStringLiteral("cannot commit"));
    std::fprintf(stderr, "signoff-reference: seeded %lld rows\n", rows);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption listenOption(QStringLiteral("listen"), QStringLiteral("HOST:PORT"), QStringLiteral("HOST:PORT"),
                                          QStringLiteral("127.0.0.1:8081"));
    const QCommandLineOption databaseOption(QStringLiteral("database"), QStringLiteral("SQLite file"), QStringLiteral("FILE"));
    const QCommandLineOption synchronousOption(QStringLiteral("synchronous"), QStringLiteral("FULL, NORMAL or OFF"),
                                               QStringLiteral("MODE"), QStringLiteral("FULL"));
    const QCommandLineOption seedOption(QStringLiteral("seed-ids"), QStringLiteral("fill an empty table with these ids"),
                                        QStringLiteral("FILE"));
    parser.addOptions({listenOption, databaseOption, synchronousOption, seedOption});
    parser.process(app);

    const QString listen = parser.value(listenOption);
    const qsizetype colon = listen.lastIndexOf(u':');
    const QHostAddress address(listen.left(colon));
    bool portOk = false;
    const quint16 port = quint16(listen.mid(colon + 1).toUInt(&portOk));
    if (colon <= 0 || address.isNull() || !portOk)
        fail(QStringLiteral("--listen needs HOST:PORT"));
    if (!parser.isSet(databaseOption))
        fail(QStringLiteral("--database FILE is required"));
    const QString synchronous = parser.value(synchronousOption).toUpper();
    if (synchronous != QStringLiteral("FULL") && synchronous != QStringLiteral("NORMAL") && synchronous != QStringLiteral("OFF"))
        fail(QStringLiteral("--synchronous needs FULL, NORMAL or OFF"));

    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
    database.setDatabaseName(parser.value(databaseOption));
    database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!database.open())
        fail(database.lastError().text());
    // The same settings as Signoff's SQLite connections (Connection::configureSqlite).
    for (const QString &sql : {QStringLiteral("PRAGMA journal_mode = WAL"), QString(QStringLiteral("PRAGMA synchronous = ") + synchronous),
                               QStringLiteral("CREATE TABLE IF NOT EXISTS item (id TEXT NOT NULL PRIMARY KEY, "
                                              "name TEXT NOT NULL, created_at TEXT NOT NULL)"),
                               QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS item_name ON item (name)")}) {
        if (!exec(database, sql))
            return 1;
    }
    if (parser.isSet(seedOption))
        seed(database, parser.value(seedOption));

    QSqlQuery lookup(database);
    lookup.setForwardOnly(true);
    lookup.prepare(QStringLiteral("SELECT id, name, created_at FROM item WHERE id = ?"));
    QSqlQuery insert(database);
    insert.prepare(QStringLiteral("INSERT INTO item (id, name, created_at) VALUES (?, ?, ?)"));

    QHttpServer server;
    server.route(QStringLiteral("/hello"), QHttpServerRequest::Method::Get, [] {
        return QHttpServerResponse(jsonType, QByteArrayLiteral("{\"hello\":\"world\"}"));
    });
    server.route(QStringLiteral("/item/<arg>"), QHttpServerRequest::Method::Get, [&lookup](const QString &id) {
        lookup.bindValue(0, id);
        if (!lookup.exec())
            return QHttpServerResponse(QHttpServerResponse::StatusCode::InternalServerError);
        if (!lookup.next()) {
            lookup.finish();
            return QHttpServerResponse(jsonType, QByteArrayLiteral("{\"error\":\"not found\"}"),
                                       QHttpServerResponse::StatusCode::NotFound);
        }
        const QJsonObject row{{QStringLiteral("id"), lookup.value(0).toString()},
                              {QStringLiteral("name"), lookup.value(1).toString()},
                              {QStringLiteral("created_at"), lookup.value(2).toString()}};
        lookup.finish();
        return QHttpServerResponse(jsonType, QJsonDocument(row).toJson(QJsonDocument::Compact));
    });
    server.route(QStringLiteral("/item"), QHttpServerRequest::Method::Post, [&insert](const QHttpServerRequest &request) {
        const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
        const QString name = body.value(QStringLiteral("name")).toString();
        if (name.isEmpty())
            return QHttpServerResponse(jsonType, QByteArrayLiteral("{\"error\":\"name is required\"}"),
                                       QHttpServerResponse::StatusCode::BadRequest);
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        insert.bindValue(0, id);
        insert.bindValue(1, name);
        insert.bindValue(2, createdAt);
        if (!insert.exec()) {
            const bool duplicate = insert.lastError().nativeErrorCode() == QStringLiteral("2067");
            return QHttpServerResponse(jsonType, QByteArrayLiteral("{\"error\":\"insert failed\"}"),
                                       duplicate ? QHttpServerResponse::StatusCode::Conflict
                                                 : QHttpServerResponse::StatusCode::InternalServerError);
        }
        const QJsonObject row{{QStringLiteral("id"), id}, {QStringLiteral("name"), name},
                              {QStringLiteral("created_at"), createdAt}};
        QHttpServerResponse response(jsonType, QJsonDocument(row).toJson(QJsonDocument::Compact),
                                     QHttpServerResponse::StatusCode::Created);
        response.setHeader(QByteArrayLiteral("Location"), QByteArrayLiteral("/item/") + id.toLatin1());
        return response;
    });
    if (server.listen(address, port) == 0)
        fail(QStringLiteral("cannot listen on %1").arg(listen));
    std::fprintf(stderr, "signoff-reference: listening on %s\n", qPrintable(listen));
    return app.exec();
}
