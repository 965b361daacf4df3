// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// UserService: who may manage users, the rules on names and roles, and the
// first administrator.

#include "ServiceFixture.h"

#include <QtTest>

using namespace signoff;
using namespace signoff::test;

class TestUserService : public QObject
{
    Q_OBJECT

private slots:
    void onlyAdministratorsManageUsers()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const NewUser carol{QStringLiteral("carol"), QStringLiteral("Carol"), Role::Reviewer, QStringLiteral("long enough")};
        SIGNOFF_VERIFY_ERROR(f.services().users().create(f.alice, carol), Forbidden);
        SIGNOFF_VERIFY_ERROR(f.services().users().create(f.rita, carol), Forbidden);
        SIGNOFF_VERIFY_ERROR(f.services().users().list(f.rita, UserQuery{}), Forbidden);
        SIGNOFF_VERIFY_ERROR(f.services().users().update(f.rita, QStringLiteral("alice"), UserPatch{{}, Role::Admin, {}, {}}), Forbidden);
        SIGNOFF_VERIFY_ERROR(f.services().users().get(f.alice, QStringLiteral("bob")), Forbidden);
        SIGNOFF_VERIFY_OK(f.services().users().get(f.alice, QStringLiteral("alice")));

        auto created = f.services().users().create(f.adam, carol);
        SIGNOFF_VERIFY_OK(created);
        QCOMPARE(toString(created->role), QStringLiteral("reviewer"));
        QCOMPARE(created->displayName, QStringLiteral("Carol"));
        auto page = f.services().users().list(f.adam, UserQuery{});
        SIGNOFF_VERIFY_OK(page);
        QCOMPARE(page->items.size(), 6);
        QCOMPARE(page->items.first().username, QStringLiteral("carol"));
        UserQuery byName;
        byName.order = ListOrder{SortKey::Name, false};
        byName.page.limit = 2;
        auto first = f.services().users().list(f.adam, byName);
        SIGNOFF_VERIFY_OK(first);
        QCOMPARE(first->items.first().username, QStringLiteral("adam"));
        QCOMPARE(first->items.last().username, QStringLiteral("alice"));
        byName.page.after = first->next; // the cursor continues in the same order
        auto second = f.services().users().list(f.adam, byName);
        SIGNOFF_VERIFY_OK(second);
        QCOMPARE(second->items.first().username, QStringLiteral("bob"));
        UserQuery byStatus;
        byStatus.order = ListOrder{SortKey::Status, true};
        SIGNOFF_VERIFY_ERROR(f.services().users().list(f.adam, byStatus), Invalid);

        auto me = f.services().users().me(f.alice);
        SIGNOFF_VERIFY_OK(me);
        QCOMPARE(me->username, QStringLiteral("alice"));
    }

    void namesAreUniqueAndValid()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto duplicate = f.services().users().create(f.adam, NewUser{QStringLiteral("alice"), {}, Role::Requester, QStringLiteral("long enough")});
        SIGNOFF_VERIFY_ERROR(duplicate, Conflict);
        QCOMPARE(duplicate.error().message.english(), QStringLiteral("A user named ‘alice’ already exists."));
        auto invalid = f.services().users().create(f.adam, NewUser{QStringLiteral("Not Valid"), {}, Role::Requester, QStringLiteral("short")});
        SIGNOFF_VERIFY_ERROR(invalid, Invalid);
        QCOMPARE(invalid.error().fields.size(), 2);
        QCOMPARE(f.count(QStringLiteral("users")), 5);
    }

    void theLastAdministratorStays()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto demote = f.services().users().update(f.adam, QStringLiteral("adam"), UserPatch{{}, Role::Reviewer, {}, {}});
        SIGNOFF_VERIFY_ERROR(demote, Conflict);
        QCOMPARE(demote.error().reason, QStringLiteral("last-admin"));
        SIGNOFF_VERIFY_ERROR(f.services().users().update(f.adam, QStringLiteral("adam"), UserPatch{{}, {}, true, {}}), Conflict);

        SIGNOFF_VERIFY_OK(f.services().users().update(f.adam, QStringLiteral("rita"), UserPatch{{}, Role::Admin, {}, {}}));
        auto demoted = f.services().users().update(f.adam, QStringLiteral("adam"), UserPatch{{}, Role::Reviewer, {}, {}});
        SIGNOFF_VERIFY_OK(demoted);
        QCOMPARE(toString(demoted->role), QStringLiteral("reviewer"));
        QCOMPARE(demoted->version, 2);
    }

    void updateChecksTheVersionAndAudits()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto renamed = f.services().users().update(f.adam, QStringLiteral("bob"), UserPatch{QStringLiteral("Robert"), {}, {}, {}}, 1);
        SIGNOFF_VERIFY_OK(renamed);
        QCOMPARE(renamed->displayName, QStringLiteral("Robert"));
        SIGNOFF_VERIFY_ERROR(f.services().users().update(f.adam, QStringLiteral("bob"), UserPatch{QStringLiteral("Bobby"), {}, {}, {}}, 1), PreconditionFailed);
        SIGNOFF_VERIFY_ERROR(f.services().users().update(f.adam, QStringLiteral("nobody"), UserPatch{QStringLiteral("X"), {}, {}, {}}), NotFound);
        QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("entity_type = 'user' AND action = 'update'")), 1);
        QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("CAST(detail AS TEXT) LIKE '%password%'")), 0);
    }

    void firstAdministratorOnlyOnAnEmptyDatabase()
    {
        TestDatabase empty;
        SIGNOFF_REQUIRE_DATABASE(empty);
        ServiceFixture f; // a populated one
        SIGNOFF_REQUIRE_FIXTURE(f);
        SIGNOFF_VERIFY_ERROR(f.services().users().createFirstAdministrator(NewUser{QStringLiteral("eve"), {}, Role::Admin, QStringLiteral("long enough")}), Conflict);
        auto none = f.services().users().createInitialAdministratorIfNone();
        SIGNOFF_VERIFY_OK(none);
        QVERIFY(!none->has_value());
    }
};

QTEST_GUILESS_MAIN(TestUserService)
#include "tst_userservice.moc"
