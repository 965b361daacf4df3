// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "LocalBackend.h"
#include "TestDatabase.h"
#include "service/Services.h"
#include "storage/Database.h"

#include <QWidget>
#include <functional>
#include <map>
#include <memory>

namespace signoff {
class EntityForm;
class TableModel;
} // namespace signoff

namespace signoff::test {

// A fresh database with its services for one UI test, and users to act as.
// Passwords are hashed at the minimum cost: tests create many users.
class UiFixture
{
public:
    UiFixture();
    ~UiFixture();

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    Services &services() { return *m_services; }
    // A backend over these services that nobody signed in to (the login's).
    LocalBackend &backend();
    // A backend over these services acting as `user` (one per user, kept
    // until the fixture goes).
    LocalBackend &backendFor(const User &user);
    ChangeNotifier &notifier() { return m_notifier; }
    Database &database() { return *m_database; }
    QString databaseLabel() const;

    // Creates a user with the password "password-<name>"; fails the test on error.
    User addUser(const QString &username, Role role);
    static QString passwordOf(const QString &username) { return QStringLiteral("password-") + username; }

    Feature addFeature(const User &owner, const QString &name, ItemStatus status = ItemStatus::Draft,
                       const User *reviewer = nullptr);

private:
    TestDatabase m_testDatabase;
    std::unique_ptr<Database> m_database;
    ChangeNotifier m_notifier;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<LocalBackend> m_anonymous;
    std::map<QString, std::unique_ptr<LocalBackend>> m_backends; // by user name
    QString m_error;
};

// Processes events until `condition` holds; false after `timeoutMs`.
bool waitFor(const std::function<bool()> &condition, int timeoutMs = 5000);
// Until a model's load (reload, refresh, fetchMore) is done.
bool settled(const TableModel &model);
// Until a form's load, save, transition or deletion is done.
bool settled(const EntityForm *form);

// Settings of the program (QSettings "signoff"/"signoff") start empty in each test.
void clearSettings();

// Runs `answer` on the next modal dialog once it is open (from the event
// loop, so the test can go on to the call that opens it). Gives up after
// five seconds.
void whenModal(std::function<void(QWidget *)> answer);
// Accepts the next modal dialog by clicking its button named `buttonName`.
void clickInNextModal(const QString &buttonName);

// The visible top-level widget of type T (and object name, when given).
template<typename T>
T *findTopLevel(const QString &objectName = {})
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        auto *typed = qobject_cast<T *>(widget);
        if (typed && typed->isVisible() && (objectName.isEmpty() || typed->objectName() == objectName))
            return typed;
    }
    return nullptr;
}

} // namespace signoff::test

#define SIGNOFF_REQUIRE_FIXTURE(fixture)                                                            \
    do {                                                                                            \
        if (!(fixture).isValid())                                                                   \
            QFAIL(qPrintable(QStringLiteral("Cannot set up the test database: ") + (fixture).errorString())); \
    } while (false)
