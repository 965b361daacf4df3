// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "storage/OpenDatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>
#include <QUuid>
#include <QtTest/QTest>
#include <atomic>
#include <tuple>

using namespace signoff;
using namespace signoff::test;

namespace {

const QString lastVersion = QStringLiteral("20261213_cluster");
const QStringList bundledVersions{
    QStringLiteral("20261120_create_users"),
    QStringLiteral("20261126_create_feature_data"),
    QStringLiteral("20261127_create_products_and_orders"),
    QStringLiteral("20261128_create_audit_event"),
    QStringLiteral("20261130_add_users_last_login_at"),
    QStringLiteral("20261201_cover_feature_status_list"),
    QStringLiteral("20261205_unique_name_keys"),
    QStringLiteral("20261207_approvals"),
    QStringLiteral("20261208_audit_seal"),
    QStringLiteral("20261210_webhooks"),
    QStringLiteral("20261212_audit_decision_index"),
    lastVersion,
};
// How many migrations come before the one that added users.last_login_at:
// tests that need an older schema stop there.
const qsizetype beforeLastLogin = bundledVersions.indexOf(QStringLiteral("20261130_add_users_last_login_at"));

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Runs one statement (prepared, values bound) on this thread's connection;
// returns the driver's error text, empty on success.
QString run(Database &database, const QString &sql, const QVariantList &values = {})
{
    auto connection = database.connection();
    if (!connection)
        return connection.error().message.english();
    QSqlQuery query(QSqlDatabase::database(connection.value()->name(), false));
    if (!query.prepare(sql))
        return query.lastError().text();
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return query.lastError().text();
    return QString();
}

// The rows of a query, each row's columns joined with '|'.
QStringList rows(Database &database, const QString &sql, const QVariantList &values = {})
{
    auto connection = database.connection();
    if (!connection)
        return {QStringLiteral("error: ") + connection.error().message.english()};
    QSqlQuery query(QSqlDatabase::database(connection.value()->name(), false));
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return {QStringLiteral("error: ") + query.lastError().text()};
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return {QStringLiteral("error: ") + query.lastError().text()};
    QStringList result;
    while (query.next()) {
        QStringList columns;
        for (int i = 0; i < query.record().count(); ++i)
            columns.append(query.value(i).toString());
        result.append(columns.join(u'|'));
    }
    return result;
}

// Everything the migrations could have left in the schema: tables, indexes,
// triggers, functions, sequences, views.
QStringList schemaObjects(Database &database)
{
    if (database.dialect() == SqlDialect::Sqlite) {
        return rows(database, QStringLiteral("SELECT type || ':' || name FROM sqlite_master "
                                             "WHERE name NOT LIKE 'sqlite_%' ORDER BY 1"));
    }
    return rows(database, QStringLiteral(
        "SELECT kind FROM ("
        " SELECT c.relkind::text || ':' || c.relname AS kind FROM pg_class c"
        "  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
        " UNION ALL SELECT 'trigger:' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
        "  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND NOT t.tgisinternal"
        " UNION ALL SELECT 'function:' || p.proname FROM pg_proc p"
        "  JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema()"
        ") objects ORDER BY 1"));
}

QStringList tables(Database &database)
{
    if (database.dialect() == SqlDialect::Sqlite) {
        return rows(database, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' ORDER BY name"));
    }
    return rows(database, QStringLiteral("SELECT table_name FROM information_schema.tables "
                                         "WHERE table_schema = current_schema() ORDER BY table_name"));
}

QStringList columnsOf(Database &database, const QString &table)
{
    if (database.dialect() == SqlDialect::Sqlite)
        return rows(database, QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid"), {table});
    return rows(database, QStringLiteral("SELECT column_name FROM information_schema.columns "
                                         "WHERE table_schema = current_schema() AND table_name = ? "
                                         "ORDER BY ordinal_position"), {table});
}

QStringList appliedVersions(Database &database)
{
    return rows(database, QStringLiteral("SELECT version FROM schema_migrations ORDER BY version"));
}

int count(Database &database, const QString &table)
{
    const QStringList result = rows(database, QStringLiteral("SELECT count(*) FROM ") + table);
    return result.size() == 1 ? result.first().toInt() : -1;
}

Migration migration(const QString &version, QStringList up, QStringList down)
{
    return Migration{version, std::move(up), std::move(down)};
}

const QStringList allTables{
    QStringLiteral("api_token"), QStringLiteral("approval_policy"), QStringLiteral("audit_event"), QStringLiteral("audit_seal"),
    QStringLiteral("feature_approval"), QStringLiteral("feature_data"), QStringLiteral("line_item"),
    QStringLiteral("order_approval"), QStringLiteral("orders"), QStringLiteral("product"),
    QStringLiteral("schema_migrations"), QStringLiteral("sign_in_attempt"), QStringLiteral("users"),
    QStringLiteral("webhook_attempt"),
    QStringLiteral("webhook_delivery"), QStringLiteral("webhook_endpoint"), QStringLiteral("webhook_event_filter"),
};

} // namespace

class TestMigrator : public QObject
{
    Q_OBJECT

    // One of everything, written with plain SQL as an older program would.
    static void insertSampleData(Database &database)
    {
        const QString user = newId();
        const QString product = newId();
        const QString order = newId();
        QCOMPARE(run(database, QStringLiteral("INSERT INTO users (id, username, display_name, role, password_hash) "
                                              "VALUES (?, 'alice', 'Alice', 'requester', 'hash')"), {user}), QString());
        QCOMPARE(run(database, QStringLiteral("INSERT INTO api_token (id, user_id, token_hash, expires_at) "
                                              "VALUES (?, ?, ?, '2030-01-01T00:00:00.000Z')"),
                     {newId(), user, QString(64, u'a')}), QString());
        QCOMPARE(run(database, QStringLiteral("INSERT INTO feature_data (id, name, options, owner_id) "
                                              "VALUES (?, 'Dark mode', '{\"a\": 1}', ?)"), {newId(), user}), QString());
        QCOMPARE(run(database, QStringLiteral("INSERT INTO product (id, sku, name, price_cents) "
                                              "VALUES (?, 'SKU-1', 'Widget', 1999)"), {product}), QString());
        QCOMPARE(run(database, QStringLiteral("INSERT INTO orders (id, owner_id, note) VALUES (?, ?, 'rush')"),
                     {order, user}), QString());
        QCOMPARE(run(database, QStringLiteral("INSERT INTO line_item (id, order_id, product_id, position, quantity, "
                                              "unit_price_cents) VALUES (?, ?, ?, 1, 3, 1999)"),
                     {newId(), order, product}), QString());
        QCOMPARE(run(database, QStringLiteral("INSERT INTO audit_event (actor_id, actor_username, action, entity_type, "
                                              "entity_id, to_status, version, detail) "
                                              "VALUES (?, 'alice', 'create', 'feature', 'x', 'draft', 1, '{\"k\": \"v\"}')"),
                     {user}), QString());
    }

    static QStringList sampleDataDigest(Database &database)
    {
        QStringList digest;
        digest << rows(database, QStringLiteral("SELECT username, display_name, role, disabled FROM users"));
        digest << rows(database, QStringLiteral("SELECT token_hash FROM api_token"));
        digest << rows(database, QStringLiteral("SELECT name, status, version FROM feature_data"));
        digest << rows(database, QStringLiteral("SELECT sku, price_cents, active FROM product"));
        digest << rows(database, QStringLiteral("SELECT note, status FROM orders"));
        digest << rows(database, QStringLiteral("SELECT position, quantity, unit_price_cents FROM line_item"));
        digest << rows(database, QStringLiteral("SELECT id, actor_username, action, entity_type, to_status FROM audit_event"));
        return digest;
    }

private slots:
    void bundledMigrationsParse()
    {
        for (SqlDialect dialect : {SqlDialect::Sqlite, SqlDialect::Postgresql}) {
            const auto migrations = Migrator::bundledMigrations(dialect);
            SIGNOFF_VERIFY_OK(migrations);
            QStringList versions;
            for (const Migration &migration : migrations.value()) {
                versions.append(migration.version);
                QVERIFY2(!migration.up.isEmpty(), qPrintable(migration.version));
                QVERIFY2(!migration.down.isEmpty(), qPrintable(migration.version + QStringLiteral(" cannot be reverted")));
            }
            QCOMPARE(versions, bundledVersions);
        }
    }

    void bothDialectsHaveTheSameVersions()
    {
        const auto sqlite = Migrator::bundledMigrations(SqlDialect::Sqlite);
        const auto postgresql = Migrator::bundledMigrations(SqlDialect::Postgresql);
        SIGNOFF_VERIFY_OK(sqlite);
        SIGNOFF_VERIFY_OK(postgresql);
        QStringList sqliteVersions;
        QStringList postgresqlVersions;
        for (const Migration &migration : sqlite.value())
            sqliteVersions.append(migration.version);
        for (const Migration &migration : postgresql.value())
            postgresqlVersions.append(migration.version);
        QCOMPARE(sqliteVersions, postgresqlVersions);
    }

    void statusOfAnEmptyDatabaseChangesNothing()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        Migrator migrator(database);
        const auto states = migrator.status();
        SIGNOFF_VERIFY_OK(states);
        QCOMPARE(states->size(), bundledVersions.size());
        for (const MigrationState &state : states.value()) {
            QVERIFY(!state.applied);
            QVERIFY(state.known);
            QVERIFY(!state.appliedAt.isValid());
        }
        QCOMPARE(tables(database), QStringList());
        const auto newer = migrator.schemaIsNewerThanProgram();
        SIGNOFF_VERIFY_OK(newer);
        QVERIFY(!newer.value());
    }

    void upAppliesEverythingOnce()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        Migrator migrator(database);
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-5);

        const auto applied = migrator.up();
        SIGNOFF_VERIFY_OK(applied);
        QCOMPARE(applied.value(), bundledVersions.size());
        QCOMPARE(tables(database), allTables);
        QCOMPARE(appliedVersions(database), bundledVersions);

        const auto states = migrator.status();
        SIGNOFF_VERIFY_OK(states);
        QCOMPARE(states->size(), bundledVersions.size());
        for (int i = 0; i < states->size(); ++i) {
            const MigrationState &state = states->at(i);
            QCOMPARE(state.version, bundledVersions.at(i));
            QVERIFY(state.applied);
            QVERIFY(state.known);
            QVERIFY2(state.appliedAt.isValid(), qPrintable(state.version));
            QCOMPARE(state.appliedAt.timeSpec(), Qt::UTC);
            QVERIFY(state.appliedAt >= before);
            QVERIFY(state.appliedAt <= QDateTime::currentDateTimeUtc().addSecs(5));
        }

        const auto again = migrator.up();
        SIGNOFF_VERIFY_OK(again);
        QCOMPARE(again.value(), 0);
    }

    void schemaHasTheAgreedColumns()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        SIGNOFF_VERIFY_OK(Migrator(database).up());
        QStringList featureColumns{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("created_at"),
                                   QStringLiteral("options"), QStringLiteral("status"), QStringLiteral("owner_id"),
                                   QStringLiteral("version"), QStringLiteral("updated_at"), QStringLiteral("name_key"),
                                   QStringLiteral("required_approvals"), QStringLiteral("submitted_version")};
        // PostgreSQL has no rowid: an identity column gives lists their insertion order.
        if (database.dialect() == SqlDialect::Postgresql)
            featureColumns.insert(1, QStringLiteral("seq"));
        QCOMPARE(columnsOf(database, QStringLiteral("feature_data")), featureColumns);
        QCOMPARE(columnsOf(database, QStringLiteral("users")).last(), QStringLiteral("last_login_at"));
        const QStringList objects = schemaObjects(database);
        for (const char *index : {"idx_feature_name", "idx_feature_created", "idx_feature_status_created",
                                  "idx_feature_owner_created", "idx_api_token_user", "idx_product_created",
                                  "idx_orders_created", "idx_orders_status_created", "idx_orders_owner_created",
                                  "idx_line_item_product", "idx_audit_entity", "idx_audit_actor"}) {
            const QString name = QString::fromLatin1(index);
            QVERIFY2(objects.contains(QStringLiteral("index:") + name) || objects.contains(QStringLiteral("i:") + name),
                     qPrintable(name));
        }
    }

    void constraintsHold()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        SIGNOFF_VERIFY_OK(Migrator(database).up());
        insertSampleData(database);
        const QStringList owner = rows(database, QStringLiteral("SELECT id FROM users"));
        QCOMPARE(owner.size(), 1);
        // Feature names are unique; options must be a JSON object; statuses are the workflow's.
        QVERIFY(!run(database, QStringLiteral("INSERT INTO feature_data (id, name, owner_id) VALUES (?, 'Dark mode', ?)"),
                     {newId(), owner.first()}).isEmpty());
        QVERIFY(!run(database, QStringLiteral("INSERT INTO feature_data (id, name, options, owner_id) VALUES (?, 'b', '[1]', ?)"),
                     {newId(), owner.first()}).isEmpty());
        QVERIFY(!run(database, QStringLiteral("INSERT INTO feature_data (id, name, options, owner_id) VALUES (?, 'c', '{', ?)"),
                     {newId(), owner.first()}).isEmpty());
        QVERIFY(!run(database, QStringLiteral("INSERT INTO feature_data (id, name, status, owner_id) VALUES (?, 'd', 'done', ?)"),
                     {newId(), owner.first()}).isEmpty());
        QVERIFY(!run(database, QStringLiteral("INSERT INTO feature_data (id, name, owner_id) VALUES (?, 'e', ?)"),
                     {newId(), newId()}).isEmpty());
        QCOMPARE(run(database, QStringLiteral("INSERT INTO feature_data (id, name, owner_id) VALUES (?, 'f', ?)"),
                     {newId(), owner.first()}), QString());
        QCOMPARE(rows(database, QStringLiteral("SELECT options, status, version FROM feature_data WHERE name = 'f'")),
                 QStringList{QStringLiteral("{}|draft|1")});
        QVERIFY(!run(database, QStringLiteral("INSERT INTO users (id, username, role, password_hash) VALUES (?, 'bob', 'boss', 'h')"),
                     {newId()}).isEmpty());
        const QStringList order = rows(database, QStringLiteral("SELECT id FROM orders"));
        const QStringList product = rows(database, QStringLiteral("SELECT id FROM product"));
        QCOMPARE(order.size(), 1);
        QCOMPARE(product.size(), 1);
        const QString insertLine = QStringLiteral("INSERT INTO line_item (id, order_id, product_id, position, quantity, "
                                                  "unit_price_cents) VALUES (?, ?, ?, ?, ?, 100)");
        QVERIFY(!run(database, insertLine, {newId(), order.first(), product.first(), 2, 0}).isEmpty());
        QVERIFY(!run(database, insertLine, {newId(), order.first(), product.first(), 2, 1000001}).isEmpty());
        QVERIFY(!run(database, insertLine, {newId(), order.first(), product.first(), 1, 5}).isEmpty()); // position taken
        QCOMPARE(run(database, insertLine, {newId(), order.first(), product.first(), 2, 1000000}), QString());
        QVERIFY(!run(database, QStringLiteral("INSERT INTO product (id, sku, name, price_cents) VALUES (?, 'SKU-2', 'x', -1)"),
                     {newId()}).isEmpty());
        // Deleting an order takes its lines with it.
        QCOMPARE(run(database, QStringLiteral("DELETE FROM orders")), QString());
        QCOMPARE(count(database, QStringLiteral("line_item")), 0);
        // Timestamps default to UTC with a Z (SQLite) or to a timestamptz (PostgreSQL).
        if (database.dialect() == SqlDialect::Sqlite) {
            const QStringList created = rows(database, QStringLiteral("SELECT created_at FROM users"));
            QCOMPARE(created.size(), 1);
            QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"))
                         .match(created.first()).hasMatch(), qPrintable(created.first()));
        }
    }

    void upAndDownInSteps()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        Migrator migrator(database);

        auto applied = migrator.up(2);
        SIGNOFF_VERIFY_OK(applied);
        QCOMPARE(applied.value(), 2);
        QCOMPARE(appliedVersions(database), bundledVersions.mid(0, 2));

        auto reverted = migrator.down();
        SIGNOFF_VERIFY_OK(reverted);
        QCOMPARE(reverted.value(), 1);
        QCOMPARE(appliedVersions(database), bundledVersions.mid(0, 1));
        QVERIFY(!tables(database).contains(QStringLiteral("feature_data")));

        reverted = migrator.down(0);
        SIGNOFF_VERIFY_OK(reverted);
        QCOMPARE(reverted.value(), 0);
        SIGNOFF_VERIFY_ERROR(migrator.down(-1), Invalid);
        SIGNOFF_VERIFY_ERROR(migrator.up(-1), Invalid);

        applied = migrator.up(0);
        SIGNOFF_VERIFY_OK(applied);
        QCOMPARE(applied.value(), 0);
        applied = migrator.up(int(bundledVersions.size())); // more than are left: the rest
        SIGNOFF_VERIFY_OK(applied);
        QCOMPARE(applied.value(), bundledVersions.size() - 1);
    }

    void downToZeroLeavesOnlyTheMigrationTable()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        Migrator migrator(database);
        SIGNOFF_VERIFY_OK(migrator.up());
        const QStringList migratedSchema = schemaObjects(database);

        const auto reverted = migrator.down(100);
        SIGNOFF_VERIFY_OK(reverted);
        QCOMPARE(reverted.value(), bundledVersions.size());
        QCOMPARE(tables(database), QStringList{QStringLiteral("schema_migrations")});
        QCOMPARE(appliedVersions(database), QStringList());
        const QStringList expected = database.dialect() == SqlDialect::Sqlite
            ? QStringList{QStringLiteral("table:schema_migrations")}
            : QStringList{QStringLiteral("i:schema_migrations_pkey"), QStringLiteral("r:schema_migrations")};
        QCOMPARE(schemaObjects(database), expected);

        const auto states = migrator.status();
        SIGNOFF_VERIFY_OK(states);
        for (const MigrationState &state : states.value())
            QVERIFY(!state.applied);

        const auto applied = migrator.up();
        SIGNOFF_VERIFY_OK(applied);
        QCOMPARE(applied.value(), bundledVersions.size());
        QCOMPARE(schemaObjects(database), migratedSchema);
    }

    void dataSurvivesGoingDownAndUpOneStep()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        Migrator migrator(database);
        SIGNOFF_VERIFY_OK(migrator.up());
        insertSampleData(database);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(run(database, QStringLiteral("UPDATE users SET last_login_at = ?"),
                     {QStringLiteral("2026-11-30T12:00:00.000Z")}), QString());
        const QStringList before = sampleDataDigest(database);
        QCOMPARE(before.size(), 7);

        // Past the later migrations to the one that added the column.
        const int steps = int(bundledVersions.size() - beforeLastLogin);
        const auto reverted = migrator.down(steps);
        SIGNOFF_VERIFY_OK(reverted);
        QCOMPARE(reverted.value(), steps);
        QVERIFY(!columnsOf(database, QStringLiteral("users")).contains(QStringLiteral("last_login_at")));
        QCOMPARE(sampleDataDigest(database), before);

        const auto applied = migrator.up();
        SIGNOFF_VERIFY_OK(applied);
        QCOMPARE(applied.value(), steps);
        QVERIFY(columnsOf(database, QStringLiteral("users")).contains(QStringLiteral("last_login_at")));
        QCOMPARE(sampleDataDigest(database), before);
        QCOMPARE(rows(database, QStringLiteral("SELECT count(*) FROM users WHERE last_login_at IS NULL")),
                 QStringList{QStringLiteral("1")});
    }

    // 20261207_approvals: every item needs one approval; submitted items
    // learn the version of their submission, approved ones keep the
    // approval that decided them, from the audit log. Down drops it all and
    // leaves the rest as it was.
    void theApprovalsMigrationReconstructsWhatTheAuditLogKnows()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        Migrator migrator(database);
        const int before = int(bundledVersions.indexOf(QStringLiteral("20261207_approvals")));
        SIGNOFF_VERIFY_OK(migrator.up(before));
        const QString alice = newId();
        const QString rita = newId();
        for (const auto &[id, name, role] : {std::tuple{alice, QStringLiteral("alice"), QStringLiteral("requester")},
                                             std::tuple{rita, QStringLiteral("rita"), QStringLiteral("reviewer")}})
            QCOMPARE(run(database, QStringLiteral("INSERT INTO users (id, username, display_name, role, password_hash) "
                                                  "VALUES (?, ?, ?, ?, 'hash')"), {id, name, name, role}), QString());
        QHash<QString, QString> features;
        for (const auto &[name, status, version] : {std::tuple{QStringLiteral("a-draft"), QStringLiteral("draft"), 1},
                                                    std::tuple{QStringLiteral("b-pending"), QStringLiteral("pending"), 2},
                                                    std::tuple{QStringLiteral("c-approved"), QStringLiteral("approved"), 3},
                                                    std::tuple{QStringLiteral("d-rejected"), QStringLiteral("rejected"), 3}}) {
            features.insert(name, newId());
            QCOMPARE(run(database, QStringLiteral("INSERT INTO feature_data (id, name, status, owner_id, version) VALUES (?, ?, ?, ?, ?)"),
                         {features.value(name), name, status, alice, version}), QString());
        }
        const QString order = newId();
        QCOMPARE(run(database, QStringLiteral("INSERT INTO orders (id, owner_id, status, version) VALUES (?, ?, 'approved', 5)"),
                     {order, alice}), QString());
        const QString audit = QStringLiteral("INSERT INTO audit_event (at, actor_id, actor_username, action, entity_type, "
                                             "entity_id, from_status, to_status, version, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        // An approval of an earlier submission, then the one that decided.
        QCOMPARE(run(database, audit, {QStringLiteral("2026-11-01T10:00:00.000Z"), rita, QStringLiteral("rita"), QStringLiteral("approve"),
                                       QStringLiteral("order"), order, QStringLiteral("pending"), QStringLiteral("approved"), 3, QVariant()}), QString());
        QCOMPARE(run(database, audit, {QStringLiteral("2026-11-02T10:00:00.000Z"), rita, QStringLiteral("rita"), QStringLiteral("approve"),
                                       QStringLiteral("order"), order, QStringLiteral("pending"), QStringLiteral("approved"), 5, QVariant()}), QString());
        QCOMPARE(run(database, audit, {QStringLiteral("2026-11-03T10:00:00.000Z"), rita, QStringLiteral("rita"), QStringLiteral("approve"),
                                       QStringLiteral("feature"), features.value(QStringLiteral("c-approved")), QStringLiteral("pending"),
                                       QStringLiteral("approved"), 3, QStringLiteral("Looks right")}), QString());
        QCOMPARE(run(database, audit, {QStringLiteral("2026-11-04T10:00:00.000Z"), rita, QStringLiteral("rita"), QStringLiteral("reject"),
                                       QStringLiteral("feature"), features.value(QStringLiteral("d-rejected")), QStringLiteral("pending"),
                                       QStringLiteral("rejected"), 3, QStringLiteral("No")}), QString());
        const QStringList itemsBefore = rows(database, QStringLiteral("SELECT name, status, version FROM feature_data ORDER BY name"));

        const auto applied = migrator.up();
        SIGNOFF_VERIFY_OK(applied);
        QCOMPARE(applied.value(), int(bundledVersions.size()) - before);
        QCOMPARE(rows(database, QStringLiteral("SELECT name, required_approvals, COALESCE(submitted_version, -1) FROM feature_data ORDER BY name")),
                 (QStringList{QStringLiteral("a-draft|1|-1"), QStringLiteral("b-pending|1|2"), QStringLiteral("c-approved|1|2"),
                              QStringLiteral("d-rejected|1|2")}));
        QCOMPARE(rows(database, QStringLiteral("SELECT f.name, a.submission, u.username, a.comment FROM feature_approval a "
                                               "JOIN feature_data f ON f.id = a.feature_id JOIN users u ON u.id = a.approver_id")),
                 QStringList{QStringLiteral("c-approved|2|rita|Looks right")});
        QCOMPARE(rows(database, QStringLiteral("SELECT a.submission, u.username, a.comment FROM order_approval a "
                                               "JOIN users u ON u.id = a.approver_id")),
                 QStringList{QStringLiteral("4|rita|")});
        const QStringList approvedAt = rows(database, QStringLiteral("SELECT approved_at FROM order_approval"));
        QCOMPARE(approvedAt.size(), 1);
        QVERIFY2(approvedAt.first().startsWith(QStringLiteral("2026-11-02")), qPrintable(approvedAt.first()));
        QCOMPARE(count(database, QStringLiteral("approval_policy")), 1);
        // One approval per person per submission.
        QVERIFY(!run(database, QStringLiteral("INSERT INTO feature_approval (feature_id, submission, approver_id, approved_at) "
                                              "VALUES (?, 2, ?, '2026-11-05T10:00:00.000Z')"),
                     {features.value(QStringLiteral("c-approved")), rita}).isEmpty());
        QVERIFY(!run(database, QStringLiteral("UPDATE feature_data SET required_approvals = 6")).isEmpty());

        const auto reverted = migrator.down(int(bundledVersions.size()) - before); // back to before the approvals
        SIGNOFF_VERIFY_OK(reverted);
        QVERIFY(!tables(database).contains(QStringLiteral("feature_approval")));
        QVERIFY(!tables(database).contains(QStringLiteral("approval_policy")));
        QVERIFY(!columnsOf(database, QStringLiteral("orders")).contains(QStringLiteral("required_approvals")));
        QVERIFY(!columnsOf(database, QStringLiteral("feature_data")).contains(QStringLiteral("submitted_version")));
        QCOMPARE(rows(database, QStringLiteral("SELECT name, status, version FROM feature_data ORDER BY name")), itemsBefore);
        QCOMPARE(count(database, QStringLiteral("audit_event")), 4);
    }

    // Names that clash as people read them may exist from before the keys:
    // the migration keeps them (the oldest keeps its key), and the keys are
    // unique from then on.
    void existingLookAlikeNamesSurviveTheKeys()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        Migrator migrator(database);
        const qsizetype keys = bundledVersions.indexOf(QStringLiteral("20261205_unique_name_keys"));
        SIGNOFF_VERIFY_OK(migrator.up(int(keys)));
        const QString user = newId();
        QCOMPARE(run(database, QStringLiteral("INSERT INTO users (id, username, display_name, role, password_hash) "
                                              "VALUES (?, 'alice', 'Alice', 'requester', 'hash')"), {user}), QString());
        for (const char *name : {"Dark mode", "dark mode", "DARK MODE", "Light mode"})
            QCOMPARE(run(database, QStringLiteral("INSERT INTO feature_data (id, name, owner_id) VALUES (?, ?, ?)"),
                         {newId(), QString::fromLatin1(name), user}), QString());
        for (const char *sku : {"PEN-1", "pen-1"})
            QCOMPARE(run(database, QStringLiteral("INSERT INTO product (id, sku, name, price_cents) VALUES (?, ?, 'Pen', 1)"),
                         {newId(), QString::fromLatin1(sku)}), QString());

        SIGNOFF_VERIFY_OK(migrator.up());
        QCOMPARE(rows(database, QStringLiteral("SELECT name FROM feature_data WHERE name_key = 'dark mode'")),
                 QStringList{QStringLiteral("Dark mode")});
        QCOMPARE(rows(database, QStringLiteral("SELECT count(DISTINCT name_key) FROM feature_data")), QStringList{QStringLiteral("4")});
        QCOMPARE(rows(database, QStringLiteral("SELECT sku FROM product WHERE sku_key = 'pen-1'")), QStringList{QStringLiteral("PEN-1")});
        QVERIFY(!run(database, QStringLiteral("INSERT INTO feature_data (id, name, name_key, owner_id) VALUES (?, 'LIGHT MODE', 'light mode', ?)"),
                     {newId(), user}).isEmpty());

        SIGNOFF_VERIFY_OK(migrator.down(int(bundledVersions.size() - keys)));
        QVERIFY(!columnsOf(database, QStringLiteral("feature_data")).contains(QStringLiteral("name_key")));
        QVERIFY(!columnsOf(database, QStringLiteral("product")).contains(QStringLiteral("sku_key")));
        QCOMPARE(rows(database, QStringLiteral("SELECT count(*) FROM feature_data")), QStringList{QStringLiteral("4")});
    }

    void auditEventIsAppendOnly()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        SIGNOFF_VERIFY_OK(Migrator(database).up());
        insertSampleData(database);
        if (QTest::currentTestFailed())
            return;
        const QStringList before = rows(database, QStringLiteral("SELECT id, action, comment FROM audit_event"));
        QCOMPARE(before.size(), 1);

        QString error = run(database, QStringLiteral("UPDATE audit_event SET comment = 'changed'"));
        QVERIFY2(error.contains(QStringLiteral("audit_event is append-only")), qPrintable(error));
        error = run(database, QStringLiteral("DELETE FROM audit_event"));
        QVERIFY2(error.contains(QStringLiteral("audit_event is append-only")), qPrintable(error));
        if (database.dialect() == SqlDialect::Postgresql) {
            auto connection = database.connection();
            QVERIFY(connection.ok());
            QSqlQuery truncate(QSqlDatabase::database(connection.value()->name(), false));
            QVERIFY(!truncate.exec(QStringLiteral("TRUNCATE audit_event")));
            QVERIFY2(truncate.lastError().text().contains(QStringLiteral("append-only")), qPrintable(truncate.lastError().text()));
        }
        QCOMPARE(rows(database, QStringLiteral("SELECT id, action, comment FROM audit_event")), before);
        // Appending still works.
        QCOMPARE(run(database, QStringLiteral("INSERT INTO audit_event (action, entity_type, entity_id) "
                                              "VALUES ('login', 'user', 'alice')")), QString());
        QCOMPARE(count(database, QStringLiteral("audit_event")), 2);
    }

    void failingMigrationRollsBackCompletely()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        auto bundled = Migrator::bundledMigrations(database.dialect());
        SIGNOFF_VERIFY_OK(bundled);
        QList<Migration> migrations = bundled.value();
        migrations.append(migration(QStringLiteral("20991231_broken"),
                                    {QStringLiteral("CREATE TABLE broken_a (x INTEGER)"),
                                     QStringLiteral("CREATE INDEX idx_broken_a ON broken_a (x)"),
                                     QStringLiteral("INSERT INTO broken_a (x) VALUES (1)"),
                                     QStringLiteral("UPDATE users SET display_name = 'touched'"),
                                     QStringLiteral("SELECT * FROM no_such_table")},
                                    {QStringLiteral("DROP TABLE broken_a")}));
        Migrator migrator(database, migrations);
        SIGNOFF_VERIFY_OK(migrator.up(bundledVersions.size()));
        insertSampleData(database);
        const QStringList schemaBefore = schemaObjects(database);
        const QStringList dataBefore = sampleDataDigest(database);

        const auto failed = migrator.up();
        SIGNOFF_VERIFY_ERROR(failed, Unavailable);
        QCOMPARE(failed.error().reason, QStringLiteral("migration-failed"));
        const QString message = failed.error().message.english();
        QVERIFY2(message.startsWith(QStringLiteral("Migration 20991231_broken failed at statement 5: ")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("no_such_table")), qPrintable(message));
        QVERIFY2(!message.contains(u'\n'), qPrintable(message));

        QCOMPARE(schemaObjects(database), schemaBefore);
        QCOMPARE(sampleDataDigest(database), dataBefore);
        QCOMPARE(appliedVersions(database), bundledVersions);
        // The connection is usable afterwards: no transaction left open.
        QVERIFY(!database.connection().value()->inTransaction());
        QCOMPARE(run(database, QStringLiteral("INSERT INTO audit_event (action, entity_type, entity_id) "
                                              "VALUES ('a', 'b', 'c')")), QString());
    }

    void failingDownRollsBackCompletely()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        Migrator migrator(database, {migration(QStringLiteral("20990101_table"),
                                               {QStringLiteral("CREATE TABLE kept (x INTEGER)"),
                                                QStringLiteral("INSERT INTO kept (x) VALUES (42)")},
                                               {QStringLiteral("DROP TABLE kept"),
                                                QStringLiteral("SELECT * FROM no_such_table")})});
        SIGNOFF_VERIFY_OK(migrator.up());
        SIGNOFF_VERIFY_ERROR(migrator.down(), Unavailable);
        QCOMPARE(rows(database, QStringLiteral("SELECT x FROM kept")), QStringList{QStringLiteral("42")});
        QCOMPARE(appliedVersions(database), QStringList{QStringLiteral("20990101_table")});
    }

    void irreversibleMigrationRefusesToGoDown()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        Migrator migrator(database, {migration(QStringLiteral("20990101_a"), {QStringLiteral("CREATE TABLE a (x INTEGER)")},
                                               {QStringLiteral("DROP TABLE a")}),
                                     migration(QStringLiteral("20990102_b"), {QStringLiteral("CREATE TABLE b (x INTEGER)")}, {})});
        const auto applied = migrator.up();
        SIGNOFF_VERIFY_OK(applied);
        QCOMPARE(applied.value(), 2);
        const auto refused = migrator.down(2);
        SIGNOFF_VERIFY_ERROR(refused, Invalid);
        QVERIFY2(refused.error().message.english().contains(QStringLiteral("20990102_b cannot be reverted")),
                 qPrintable(refused.error().message.english()));
        // Nothing was reverted, not even the reversible one.
        QCOMPARE(appliedVersions(database), (QStringList{QStringLiteral("20990101_a"), QStringLiteral("20990102_b")}));
    }

    void duplicateVersionsAreRefused()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        Database database(testDatabase.url());
        const Migration once = migration(QStringLiteral("20990101_a"), {QStringLiteral("SELECT 1")}, {});
        Migrator migrator(database, {once, once});
        SIGNOFF_VERIFY_ERROR(migrator.status(), Invalid);
        SIGNOFF_VERIFY_ERROR(migrator.up(), Invalid);
        QCOMPARE(tables(database), QStringList());
    }

    void newerSchemaIsRefusedWithoutChanges()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        const QString future = QStringLiteral("20991231_from_the_future");
        {
            auto opened = openDatabase(testDatabase.url());
            SIGNOFF_VERIFY_OK(opened);
            Database &database = *opened.value();
            insertSampleData(database);
            QCOMPARE(run(database, QStringLiteral("INSERT INTO schema_migrations (version) VALUES (?)"), {future}), QString());
        }

        QStringList schemaBefore;
        QStringList dataBefore;
        {
            Database database(testDatabase.url());
            schemaBefore = schemaObjects(database);
            dataBefore = sampleDataDigest(database);
            Migrator migrator(database);
            const auto newer = migrator.schemaIsNewerThanProgram();
            SIGNOFF_VERIFY_OK(newer);
            QVERIFY(newer.value());
            const auto states = migrator.status();
            SIGNOFF_VERIFY_OK(states);
            QCOMPARE(states->size(), bundledVersions.size() + 1);
            QCOMPARE(states->last().version, future);
            QVERIFY(states->last().applied);
            QVERIFY(!states->last().known);
            SIGNOFF_VERIFY_ERROR(migrator.up(), Unavailable);
            SIGNOFF_VERIFY_ERROR(migrator.down(), Unavailable);
        }

        const auto refused = openDatabase(testDatabase.url());
        SIGNOFF_VERIFY_ERROR(refused, Unavailable);
        QCOMPARE(refused.error().reason, QStringLiteral("schema-newer"));
        QCOMPARE(refused.error().message.english(),
                 QStringLiteral("The database schema (20991231_from_the_future) is newer than this program; upgrade Signoff."));

        Database database(testDatabase.url());
        QCOMPARE(schemaObjects(database), schemaBefore);
        QCOMPARE(sampleDataDigest(database), dataBefore);
        QCOMPARE(appliedVersions(database), QStringList(bundledVersions) << future);
        if (testDatabase.dialect() == SqlDialect::Sqlite) {
            const QDir folder = QFileInfo(testDatabase.url().path).dir();
            QCOMPARE(folder.entryList({QStringLiteral("*.bak")}, QDir::Files), QStringList());
        }
    }

    void openDatabaseMigratesANewDatabaseWithoutBackup()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        auto opened = openDatabase(testDatabase.url());
        SIGNOFF_VERIFY_OK(opened);
        QCOMPARE(appliedVersions(*opened.value()), bundledVersions);
        QCOMPARE(tables(*opened.value()), allTables);
        if (testDatabase.dialect() == SqlDialect::Sqlite) {
            const QDir folder = QFileInfo(testDatabase.url().path).dir();
            QCOMPARE(folder.entryList({QStringLiteral("*.bak")}, QDir::Files), QStringList());
        }
        opened.value().reset();

        // Opening an up-to-date database changes nothing and copies nothing.
        auto reopened = openDatabase(testDatabase.url());
        SIGNOFF_VERIFY_OK(reopened);
        QCOMPARE(appliedVersions(*reopened.value()), bundledVersions);
        if (testDatabase.dialect() == SqlDialect::Sqlite) {
            const QDir folder = QFileInfo(testDatabase.url().path).dir();
            QCOMPARE(folder.entryList({QStringLiteral("*.bak")}, QDir::Files), QStringList());
        }
    }

    void openDatabaseBacksUpAnOlderSqliteFile()
    {
        if (backendUnderTest() != SqlDialect::Sqlite)
            QSKIP("VACUUM INTO backups are for SQLite; PostgreSQL has pg_dump");
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        const QString path = testDatabase.url().path;
        {
            Database database(testDatabase.url());
            // An older schema: without users.last_login_at.
            const auto applied = Migrator(database).up(int(beforeLastLogin));
            SIGNOFF_VERIFY_OK(applied);
            insertSampleData(database);
        }
        // A backup from an earlier attempt keeps its name.
        const QString firstChoice = path + QStringLiteral(".before-") + lastVersion + QStringLiteral(".bak");
        {
            QFile earlier(firstChoice);
            QVERIFY(earlier.open(QIODevice::WriteOnly));
            earlier.write("an earlier backup");
        }

        auto opened = openDatabase(testDatabase.url());
        SIGNOFF_VERIFY_OK(opened);
        QCOMPARE(appliedVersions(*opened.value()), bundledVersions);
        opened.value().reset();

        {
            QFile earlier(firstChoice);
            QVERIFY(earlier.open(QIODevice::ReadOnly));
            QCOMPARE(earlier.readAll(), QByteArray("an earlier backup"));
        }
        const QString backupPath = path + QStringLiteral(".before-") + lastVersion + QStringLiteral("-2.bak");
        QVERIFY2(QFileInfo::exists(backupPath), qPrintable(backupPath));

        // The backup is a sound database with the old schema and the data.
        const QString connectionName = QStringLiteral("backup-check");
        {
            QSqlDatabase backup = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
            backup.setDatabaseName(backupPath);
            backup.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            QVERIFY(backup.open());
            QSqlQuery query(backup);
            QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
            QVERIFY(query.exec(QStringLiteral("SELECT version FROM schema_migrations ORDER BY version")));
            QStringList versions;
            while (query.next())
                versions.append(query.value(0).toString());
            QCOMPARE(versions, bundledVersions.mid(0, beforeLastLogin));
            QVERIFY(query.exec(QStringLiteral("SELECT username FROM users")) && query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("alice"));
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM pragma_table_info('users') WHERE name = 'last_login_at'"))
                    && query.next());
            QCOMPARE(query.value(0).toInt(), 0);
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM audit_event")) && query.next());
            QCOMPARE(query.value(0).toInt(), 1);
        }
        QSqlDatabase::removeDatabase(connectionName);
    }

    void openDatabaseReportsAnUnusableDatabaseOnOneLine()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        DatabaseUrl url = testDatabase.url();
        if (url.dialect == SqlDialect::Sqlite) {
            // Not a database at all.
            QFile file(url.path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(4096, 'x'));
            file.close();
        } else {
            url.port = 1; // nothing listens there
        }
        const auto failed = openDatabase(url);
        SIGNOFF_VERIFY_ERROR(failed, Unavailable);
        const QString message = failed.error().message.english();
        QVERIFY(!message.isEmpty());
        QVERIFY2(!message.contains(u'\n'), qPrintable(message));
    }

    // Two programs starting at once on the same database: each migration is
    // applied exactly once and neither fails.
    void concurrentMigratorsApplyEachMigrationOnce()
    {
        TestDatabase testDatabase;
        SIGNOFF_REQUIRE_DATABASE(testDatabase);
        std::atomic<int> appliedTotal{0};
        std::atomic<int> failures{0};
        QStringList errors;
        QMutex errorsMutex;
        QList<QThread *> threads;
        for (int i = 0; i < 2; ++i) {
            threads.append(QThread::create([&] {
                Database database(testDatabase.url());
                const auto applied = Migrator(database).up();
                if (applied) {
                    appliedTotal += applied.value();
                } else {
                    ++failures;
                    QMutexLocker locker(&errorsMutex);
                    errors.append(describe(applied.error()));
                }
            }));
        }
        for (QThread *thread : threads)
            thread->start();
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(60000));
            delete thread;
        }
        QVERIFY2(failures == 0, qPrintable(errors.join(u'\n')));
        QCOMPARE(appliedTotal.load(), int(bundledVersions.size()));
        Database database(testDatabase.url());
        QCOMPARE(appliedVersions(database), bundledVersions);
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
