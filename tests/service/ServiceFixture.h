// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "TestDatabase.h"
#include "service/Services.h"
#include "storage/Database.h"

#include <memory>

namespace signoff::test {

// A fresh, migrated database with the services on top and a cast of users:
// two requesters, two reviewers and an administrator. One per test function.
class ServiceFixture
{
public:
    explicit ServiceFixture(ServiceOptions options = fastOptions());
    ~ServiceFixture();

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    Database &database() { return *m_database; }
    Services &services() { return *m_services; }
    ChangeNotifier &notifier() { return m_notifier; }
    const TestDatabase &testDatabase() const { return m_testDatabase; }

    Actor alice; // requester
    Actor bob;   // requester
    Actor rita;  // reviewer
    Actor roy;   // reviewer
    Actor adam;  // admin

    // Rows in `table` (optionally WHERE `condition` with bound `values`):
    // tests look at the database directly to prove what was or was not written.
    qint64 count(const QString &table, const QString &condition = {}, const QVariantList &values = {});
    // Runs a statement directly (setting up faults in tests).
    bool exec(const QString &sql, QString *error = nullptr);

    static ServiceOptions fastOptions();
    static QString password() { return QStringLiteral("correct horse"); }

private:
    Actor addUser(const QString &username, Role role);

    TestDatabase m_testDatabase;
    std::unique_ptr<Database> m_database;
    ChangeNotifier m_notifier;
    std::unique_ptr<Services> m_services;
    QString m_error;
};

} // namespace signoff::test

#define SIGNOFF_REQUIRE_FIXTURE(fixture)                                                            \
    do {                                                                                            \
        if (!(fixture).isValid())                                                                   \
            QFAIL(qPrintable(QStringLiteral("Cannot set up the services: ") + (fixture).errorString())); \
    } while (false)
