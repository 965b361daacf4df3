// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Fills a fresh Signoff database for the benchmark, fast: users through the
// user service (their passwords hashed like any other), then features with
// their audit rows, products and orders through core's repositories in one
// transaction each, the bulk path an import would take. Not 100,000 HTTP
// calls.
//
//   signoff-bench-seed --database URL [--features N] [--orders N]
//                      [--password PW] [--ids FILE]
//
// Users: admin (administrator), alice and carol (requesters), bob (reviewer),
// all with the password PW. Features are owned by alice and carol in turn and
// spread over the four statuses; their created_at times are one second apart,
// newest last. --ids writes every feature id, one a line (the wrk scripts pick
// random existing ids from it, the reference server is seeded with the same).

#include "domain/Clock.h"
#include "service/ServiceContext.h"
#include "service/Services.h"
#include "storage/AuditRepository.h"
#include "storage/DatabaseUrl.h"
#include "storage/FeatureRepository.h"
#include "storage/OpenDatabase.h"
#include "storage/OrderRepository.h"
#include "storage/ProductRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

using namespace signoff;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "signoff-bench-seed: %s\n", qPrintable(message));
    return 1;
}

constexpr ItemStatus statuses[] = {ItemStatus::Draft, ItemStatus::Pending, ItemStatus::Approved, ItemStatus::Rejected};

AuditEvent createdEvent(const Actor &owner, EntityType type, const QUuid &id, const QDateTime &at, ItemStatus status)
{
    AuditEvent event = auditEvent(owner, QStringLiteral("create"), type, idText(id), at);
    event.toStatus = toString(status);
    event.version = 1;
    return event;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption databaseOption(QStringLiteral("database"), QStringLiteral("Database URL"), QStringLiteral("URL"));
    const QCommandLineOption featuresOption(QStringLiteral("features"), QStringLiteral("Features to add"), QStringLiteral("N"),
                                            QStringLiteral("100000"));
    const QCommandLineOption ordersOption(QStringLiteral("orders"), QStringLiteral("Orders to add"), QStringLiteral("N"),
                                          QStringLiteral("1000"));
    const QCommandLineOption passwordOption(QStringLiteral("password"), QStringLiteral("Every user's password"),
                                            QStringLiteral("PW"), QStringLiteral("benchmark password"));
    const QCommandLineOption idsOption(QStringLiteral("ids"), QStringLiteral("Write the feature ids here"), QStringLiteral("FILE"));
    parser.addOptions({databaseOption, featuresOption, ordersOption, passwordOption, idsOption});
    parser.process(app);

    auto url = DatabaseUrl::parse(parser.value(databaseOption));
    if (!url)
        return fail(url.error().englishSummary());
    auto database = openDatabase(url.value());
    if (!database)
        return fail(database.error().englishSummary());
    ChangeNotifier notifier;
    Services services(*database.value(), notifier);

    const QString password = parser.value(passwordOption);
    auto admin = services.users().createFirstAdministrator(
        NewUser{QStringLiteral("admin"), QStringLiteral("Administrator"), Role::Admin, password});
    if (!admin)
        return fail(QStringLiteral("the database must be empty: ") + admin.error().englishSummary());
    QList<Actor> owners;
    for (const auto &[name, role] : {std::pair{QStringLiteral("alice"), Role::Requester}, std::pair{QStringLiteral("bob"), Role::Reviewer},
                                     std::pair{QStringLiteral("carol"), Role::Requester}}) {
        auto user = services.users().create(admin->actor(), NewUser{name, name, role, password});
        if (!user)
            return fail(user.error().englishSummary());
        if (role == Role::Requester)
            owners.append(user->actor());
    }

    const int featureCount = parser.value(featuresOption).toInt();
    const int orderCount = parser.value(ordersOption).toInt();
    const QDateTime start = utcNow().addSecs(-qint64(featureCount) - orderCount);
    QElapsedTimer timer;
    timer.start();

    QFile idsFile(parser.value(idsOption));
    if (parser.isSet(idsOption) && !idsFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(QStringLiteral("cannot write %1").arg(idsFile.fileName()));
    QTextStream ids(&idsFile);

    auto features = database.value()->write([&](Connection &connection) -> Result<void> {
        FeatureRepository repository(connection);
        AuditRepository audit(connection);
        for (int i = 0; i < featureCount; ++i) {
            Feature feature;
            feature.id = QUuid::createUuid();
            feature.name = QStringLiteral("Seeded feature %1").arg(i + 1, 7, 10, QLatin1Char('0'));
            feature.options = QJsonObject{{QStringLiteral("rollout"), i % 100}, {QStringLiteral("beta"), i % 2 == 0}};
            feature.status = statuses[i % 4];
            const Actor &owner = owners.at(i % owners.size());
            feature.ownerId = owner.id;
            feature.ownerUsername = owner.username;
            feature.createdAt = start.addSecs(i);
            feature.updatedAt = feature.createdAt;
            if (auto inserted = repository.insert(feature); !inserted)
                return inserted;
            if (auto appended = audit.append(createdEvent(owner, EntityType::Feature, feature.id, feature.createdAt,
                                                          feature.status));
                !appended)
                return appended;
            if (idsFile.isOpen())
                ids << idText(feature.id) << '\n';
        }
        return {};
    });
    if (!features)
        return fail(features.error().englishSummary());
    ids.flush();
    std::fprintf(stderr, "signoff-bench-seed: %d features in %.1f s\n", featureCount, double(timer.elapsed()) / 1000.0);

    auto orders = database.value()->write([&](Connection &connection) -> Result<void> {
        ProductRepository products(connection);
        QList<Product> catalogue;
        for (int i = 0; i < 20; ++i) {
            Product product;
            product.id = QUuid::createUuid();
            product.sku = QStringLiteral("SKU-%1").arg(i + 1, 3, 10, QLatin1Char('0'));
            product.name = QStringLiteral("Product %1").arg(i + 1);
            product.priceCents = 100 * (i + 1);
            product.createdAt = start;
            product.updatedAt = start;
            if (auto inserted = products.insert(product); !inserted)
                return inserted;
            catalogue.append(product);
        }
        OrderRepository repository(connection);
        AuditRepository audit(connection);
        for (int i = 0; i < orderCount; ++i) {
            Order order;
            order.id = QUuid::createUuid();
            const Actor &owner = owners.at(i % owners.size());
            order.ownerId = owner.id;
            order.ownerUsername = owner.username;
            order.status = statuses[i % 4];
            order.note = QStringLiteral("Seeded order %1").arg(i + 1);
            order.createdAt = start.addSecs(featureCount + i);
            order.updatedAt = order.createdAt;
            for (int line = 0; line < 1 + i % 3; ++line) {
                const Product &product = catalogue.at((i + line) % catalogue.size());
                order.lines.append(LineItem{QUuid::createUuid(), product.id, product.sku, product.name, 1 + line,
                                            product.priceCents});
            }
            if (auto inserted = repository.insert(order); !inserted)
                return inserted;
            if (auto appended = audit.append(createdEvent(owner, EntityType::Order, order.id, order.createdAt, order.status));
                !appended)
                return appended;
        }
        return {};
    });
    if (!orders)
        return fail(orders.error().englishSummary());
    // What autovacuum would do a minute later: without it the first minute of
    // a run measures plans made before the table had statistics or
    // all-visible pages, not the server.
    if (auto settled = database.value()->settleAfterBulkLoad(); !settled)
        return fail(settled.error().englishSummary());
    std::fprintf(stderr, "signoff-bench-seed: %d features and %d orders in %.1f s\n", featureCount, orderCount,
                 double(timer.elapsed()) / 1000.0);
    return 0;
}
