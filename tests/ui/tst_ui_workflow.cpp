// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The form shows a button for exactly the transitions the contract allows
// the signed-in user on the item now (docs/design.md, "State machine"), and Save and
// Delete only where edits are allowed: for every role, ownership and status,
// for features and for orders.

#include "Session.h"
#include "UiFixture.h"
#include "forms/FeatureForm.h"
#include "forms/OrderForm.h"

#include <QPushButton>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

Q_DECLARE_METATYPE(signoff::Role)
Q_DECLARE_METATYPE(signoff::ItemStatus)

namespace {

QStringList visibleButtons(QWidget *form)
{
    QStringList names;
    for (const char *name : {"submitButton", "approveButton", "rejectButton", "withdrawButton", "reviseButton", "saveButton",
                             "deleteButton"}) {
        auto *button = form->findChild<QPushButton *>(QString::fromLatin1(name));
        if (button && button->isVisible())
            names.append(QString::fromLatin1(name).remove(QStringLiteral("Button")));
    }
    return names;
}

} // namespace

class TestUiWorkflow : public QObject
{
    Q_OBJECT

    void addRows()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<bool>("owner");
        QTest::addColumn<ItemStatus>("status");
        QTest::addColumn<QStringList>("buttons");
        const QStringList none;
        const QStringList edit{QStringLiteral("save"), QStringLiteral("delete")};
        const auto with = [](QStringList actions, const QStringList &extra) { return actions + extra; };
        for (Role role : {Role::Requester, Role::Reviewer, Role::Admin}) {
            const QString name = toString(role);
            const bool reviews = role != Role::Requester;
            const bool admin = role == Role::Admin;
            // The owner submits and revises, may edit drafts, never reviews their own item.
            QTest::addRow("%s owner draft", qPrintable(name)) << role << true << ItemStatus::Draft
                                                              << with({QStringLiteral("submit")}, edit);
            // Withdrawn by the owner while pending, back to draft
            // (docs/design.md, "State machine").
            QTest::addRow("%s owner pending", qPrintable(name)) << role << true << ItemStatus::Pending
                                                                << QStringList{QStringLiteral("withdraw")};
            QTest::addRow("%s owner approved", qPrintable(name)) << role << true << ItemStatus::Approved << none;
            QTest::addRow("%s owner rejected", qPrintable(name)) << role << true << ItemStatus::Rejected
                                                                 << QStringList{QStringLiteral("revise")};
            // Someone else's item: reviewers review what is pending; administrators may edit drafts.
            QTest::addRow("%s other draft", qPrintable(name)) << role << false << ItemStatus::Draft << (admin ? edit : none);
            QTest::addRow("%s other pending", qPrintable(name))
                << role << false << ItemStatus::Pending
                << (reviews ? QStringList{QStringLiteral("approve"), QStringLiteral("reject")} : none);
            QTest::addRow("%s other approved", qPrintable(name)) << role << false << ItemStatus::Approved << none;
            QTest::addRow("%s other rejected", qPrintable(name)) << role << false << ItemStatus::Rejected << none;
        }
    }

    // The viewer, and an item in `status` owned by the viewer or by someone else.
    struct Case
    {
        User viewer;
        User owner;
        User reviewer;
    };

    static Case makeCase(UiFixture &fixture, Role role, bool owner)
    {
        Case made;
        made.viewer = fixture.addUser(QStringLiteral("viewer"), role);
        made.owner = owner ? made.viewer : fixture.addUser(QStringLiteral("olga"), Role::Requester);
        made.reviewer = fixture.addUser(QStringLiteral("rex"), Role::Reviewer);
        return made;
    }

    template<typename Service, typename Item>
    static Item moveTo(Service &service, Item item, ItemStatus status, const Case &users)
    {
        const auto step = [&](const User &actor, WorkflowAction action, const QString &comment = {}) {
            auto moved = service.transition(actor.actor(), item.id, action, item.version, comment);
            QVERIFY2(moved.ok(), qPrintable(moved.ok() ? QString() : describe(moved.error())));
            item = moved.value();
        };
        if (status != ItemStatus::Draft)
            step(users.owner, WorkflowAction::Submit);
        if (status == ItemStatus::Approved)
            step(users.reviewer, WorkflowAction::Approve);
        if (status == ItemStatus::Rejected)
            step(users.reviewer, WorkflowAction::Reject, QStringLiteral("No."));
        return item;
    }

private slots:
    void featureButtons_data() { addRows(); }
    void featureButtons()
    {
        QFETCH(Role, role);
        QFETCH(bool, owner);
        QFETCH(ItemStatus, status);
        QFETCH(QStringList, buttons);
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const Case users = makeCase(fixture, role, owner);
        auto created = fixture.services().features().create(users.owner.actor(), NewFeature{QStringLiteral("Item"), {}});
        SIGNOFF_VERIFY_OK(created);
        const Feature feature = moveTo(fixture.services().features(), created.value(), status, users);

        Session session(fixture.backendFor(users.viewer), users.viewer);
        FeatureForm form(session, feature.id);
        form.show();
        QVERIFY(settled(&form));
        QCOMPARE(visibleButtons(&form), buttons);
    }

    void orderButtons_data() { addRows(); }
    void orderButtons()
    {
        QFETCH(Role, role);
        QFETCH(bool, owner);
        QFETCH(ItemStatus, status);
        QFETCH(QStringList, buttons);
        UiFixture fixture;
        SIGNOFF_REQUIRE_FIXTURE(fixture);
        const Case users = makeCase(fixture, role, owner);
        const User admin = fixture.addUser(QStringLiteral("catalogue"), Role::Admin);
        auto product = fixture.services().products().create(admin.actor(), NewProduct{QStringLiteral("P"), QStringLiteral("Pen"), 100, true});
        SIGNOFF_VERIFY_OK(product);
        auto created = fixture.services().orders().create(users.owner.actor(), NewOrder{{NewLine{product->id, 2}}, {}});
        SIGNOFF_VERIFY_OK(created);
        const Order order = moveTo(fixture.services().orders(), created.value(), status, users);

        Session session(fixture.backendFor(users.viewer), users.viewer);
        OrderForm form(session, order.id);
        form.show();
        QVERIFY(settled(&form));
        QCOMPARE(visibleButtons(&form), buttons);
    }
};

QTEST_MAIN(TestUiWorkflow)
#include "tst_ui_workflow.moc"
