// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ServiceFixture.h"

#include "storage/OpenDatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace signoff::test {

ServiceOptions ServiceFixture::fastOptions()
{
    ServiceOptions options;
    options.passwordCost = PasswordHasher::Cost::Minimum;
    return options;
}

ServiceFixture::ServiceFixture(ServiceOptions options)
{
    if (!m_testDatabase.isValid()) {
        m_error = m_testDatabase.errorString();
        return;
    }
    auto opened = openDatabase(m_testDatabase.url());
    if (!opened) {
        m_error = describe(opened.error());
        return;
    }
    m_database = std::move(opened.value());
    m_services = std::make_unique<Services>(*m_database, m_notifier, options);
    alice = addUser(QStringLiteral("alice"), Role::Requester);
    bob = addUser(QStringLiteral("bob"), Role::Requester);
    rita = addUser(QStringLiteral("rita"), Role::Reviewer);
    roy = addUser(QStringLiteral("roy"), Role::Reviewer);
    adam = addUser(QStringLiteral("adam"), Role::Admin);
}

ServiceFixture::~ServiceFixture()
{
    m_services.reset();
    m_database.reset(); // closes connections before TestDatabase drops the database
}

Actor ServiceFixture::addUser(const QString &username, Role role)
{
    if (!m_error.isEmpty())
        return {};
    auto user = m_services->users().create(Actor::system(), NewUser{username, username.toUpper(), role, password()});
    if (!user) {
        m_error = describe(user.error());
        return {};
    }
    return user->actor();
}

qint64 ServiceFixture::count(const QString &table, const QString &condition, const QVariantList &values)
{
    auto connection = m_database->connection();
    if (!connection)
        return -1;
    QSqlQuery query(QSqlDatabase::database(connection.value()->name(), false));
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM ") + table
                  + (condition.isEmpty() ? QString() : QStringLiteral(" WHERE ") + condition));
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec() || !query.next()) {
        qWarning() << "count failed:" << query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

bool ServiceFixture::exec(const QString &sql, QString *error)
{
    auto connection = m_database->connection();
    if (!connection)
        return false;
    QSqlQuery query(QSqlDatabase::database(connection.value()->name(), false));
    if (!query.exec(sql)) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    return true;
}

} // namespace signoff::test
