// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Every status × action × role × ownership against the contract's table
// (docs/design.md, "State machine"), written out here independently of Workflow.cpp.

#include "domain/Workflow.h"
#include "TestHelpers.h"

#include <QtTest>

using namespace signoff;

namespace {

enum class Expect { Allowed, Forbidden, Conflict };

// The contract, restated: which edges exist and who may take them.
std::optional<ItemStatus> contractTarget(ItemStatus from, WorkflowAction action)
{
    if (from == ItemStatus::Draft && action == WorkflowAction::Submit)
        return ItemStatus::Pending;
    if (from == ItemStatus::Pending && action == WorkflowAction::Approve)
        return ItemStatus::Approved;
    if (from == ItemStatus::Pending && action == WorkflowAction::Reject)
        return ItemStatus::Rejected;
    if (from == ItemStatus::Rejected && action == WorkflowAction::Revise)
        return ItemStatus::Draft;
    if (from == ItemStatus::Pending && action == WorkflowAction::Withdraw)
        return ItemStatus::Draft;
    return std::nullopt;
}

bool contractMayPerform(WorkflowAction action, Role role, bool owner)
{
    switch (action) {
    case WorkflowAction::Submit:
    case WorkflowAction::Revise:
    case WorkflowAction::Withdraw:
        return owner;
    case WorkflowAction::Approve:
    case WorkflowAction::Reject:
        return (role == Role::Reviewer || role == Role::Admin) && !owner;
    }
    return false;
}

const QList<ItemStatus> statuses{ItemStatus::Draft, ItemStatus::Pending, ItemStatus::Approved, ItemStatus::Rejected};
const QList<WorkflowAction> actions{WorkflowAction::Submit, WorkflowAction::Approve, WorkflowAction::Reject,
                                    WorkflowAction::Revise, WorkflowAction::Withdraw};
const QList<Role> roles{Role::Requester, Role::Reviewer, Role::Admin};

} // namespace

Q_DECLARE_METATYPE(signoff::ItemStatus)
Q_DECLARE_METATYPE(signoff::WorkflowAction)
Q_DECLARE_METATYPE(signoff::Role)

class TestWorkflow : public QObject
{
    Q_OBJECT

private slots:
    void everyCombination_data()
    {
        QTest::addColumn<ItemStatus>("status");
        QTest::addColumn<WorkflowAction>("action");
        QTest::addColumn<Role>("role");
        QTest::addColumn<bool>("owner");
        for (ItemStatus status : statuses)
            for (WorkflowAction action : actions)
                for (Role role : roles)
                    for (bool owner : {false, true}) {
                        const QString name = QStringLiteral("%1 %2 by %3%4")
                                                 .arg(toString(status), toString(action), toString(role),
                                                      owner ? QStringLiteral(" (owner)") : QString());
                        QTest::newRow(qPrintable(name)) << status << action << role << owner;
                    }
    }

    void everyCombination()
    {
        QFETCH(ItemStatus, status);
        QFETCH(WorkflowAction, action);
        QFETCH(Role, role);
        QFETCH(bool, owner);
        const WorkflowActor actor{role, owner};

        Expect expected = Expect::Allowed;
        if (!contractMayPerform(action, role, owner))
            expected = Expect::Forbidden;
        else if (!contractTarget(status, action))
            expected = Expect::Conflict;

        const std::optional<Error> problem = Workflow::check(status, action, actor);
        switch (expected) {
        case Expect::Allowed:
            QVERIFY2(!problem, problem ? qPrintable(problem->message.english()) : "");
            QVERIFY(Workflow::target(status, action) == contractTarget(status, action));
            QVERIFY(Workflow::available(status, actor).contains(action));
            break;
        case Expect::Forbidden:
            QVERIFY(problem);
            QCOMPARE(toString(problem->kind), toString(ErrorKind::Forbidden));
            QVERIFY(!Workflow::available(status, actor).contains(action));
            break;
        case Expect::Conflict:
            QVERIFY(problem);
            QCOMPARE(toString(problem->kind), toString(ErrorKind::Conflict));
            QCOMPARE(problem->reason, QStringLiteral("invalid-transition"));
            QVERIFY(!Workflow::available(status, actor).contains(action));
            break;
        }
    }

    void approvedIsFinal()
    {
        for (Role role : roles)
            for (bool owner : {false, true})
                QVERIFY(Workflow::available(ItemStatus::Approved, WorkflowActor{role, owner}).isEmpty());
    }

    void nobodyReviewsTheirOwnItem()
    {
        for (Role role : roles) {
            for (WorkflowAction action : {WorkflowAction::Approve, WorkflowAction::Reject}) {
                const auto problem = Workflow::check(ItemStatus::Pending, action, WorkflowActor{role, true});
                QVERIFY(problem);
                QCOMPARE(toString(problem->kind), toString(ErrorKind::Forbidden));
            }
        }
    }

    void editsAreForOwnerOrAdminAndOnlyDrafts_data()
    {
        QTest::addColumn<ItemStatus>("status");
        QTest::addColumn<Role>("role");
        QTest::addColumn<bool>("owner");
        for (ItemStatus status : statuses)
            for (Role role : roles)
                for (bool owner : {false, true})
                    QTest::newRow(qPrintable(QStringLiteral("%1 by %2%3").arg(toString(status), toString(role),
                                                                             owner ? QStringLiteral(" (owner)") : QString())))
                        << status << role << owner;
    }

    void editsAreForOwnerOrAdminAndOnlyDrafts()
    {
        QFETCH(ItemStatus, status);
        QFETCH(Role, role);
        QFETCH(bool, owner);
        const bool mayEdit = owner || role == Role::Admin;
        for (const auto &problem : {Workflow::checkEdit(status, {role, owner}), Workflow::checkDelete(status, {role, owner})}) {
            if (!mayEdit) {
                QVERIFY(problem);
                QCOMPARE(toString(problem->kind), toString(ErrorKind::Forbidden));
            } else if (status != ItemStatus::Draft) {
                QVERIFY(problem);
                QCOMPARE(toString(problem->kind), toString(ErrorKind::Conflict));
            } else {
                QVERIFY(!problem);
            }
        }
    }

    // N of M (docs/design.md, "Approval policies"): an approval that reaches
    // the number approves, one below it leaves the item pending; a second
    // approval of the same submission is not offered.
    void approvalsCountAgainstTheRequiredNumber()
    {
        QCOMPARE(toString(Workflow::afterApproval(1, 1)), QStringLiteral("approved"));
        QCOMPARE(toString(Workflow::afterApproval(1, 2)), QStringLiteral("pending"));
        QCOMPARE(toString(Workflow::afterApproval(2, 2)), QStringLiteral("approved"));
        QCOMPARE(toString(Workflow::afterApproval(4, 5)), QStringLiteral("pending"));
        QCOMPARE(Workflow::alreadyApproved().reason, QStringLiteral("already-approved"));
        const WorkflowActor approvedOnce{Role::Reviewer, false, true};
        QVERIFY(!Workflow::available(ItemStatus::Pending, approvedOnce).contains(WorkflowAction::Approve));
        QVERIFY(Workflow::available(ItemStatus::Pending, approvedOnce).contains(WorkflowAction::Reject));
        QVERIFY(Workflow::available(ItemStatus::Pending, WorkflowActor{Role::Reviewer, false}).contains(WorkflowAction::Approve));
        for (WorkflowAction action : actions)
            QCOMPARE(Workflow::decidesSubmission(action), action == WorkflowAction::Approve || action == WorkflowAction::Reject
                                                              || action == WorkflowAction::Withdraw);
    }

    void onlyRejectNeedsAReason()
    {
        QVERIFY(Workflow::requiresReason(WorkflowAction::Reject));
        QVERIFY(!Workflow::requiresReason(WorkflowAction::Approve));
        QVERIFY(!Workflow::requiresReason(WorkflowAction::Submit));
        QVERIFY(!Workflow::requiresReason(WorkflowAction::Revise));
    }

    void namesRoundTrip()
    {
        for (ItemStatus status : statuses)
            QVERIFY(itemStatusFromString(toString(status)) == status);
        for (WorkflowAction action : actions)
            QVERIFY(workflowActionFromString(toString(action)) == action);
        QVERIFY(!itemStatusFromString(QStringLiteral("Draft")));
        QVERIFY(!workflowActionFromString(QStringLiteral("delete")));
        QCOMPARE(toString(Workflow::initialStatus), QStringLiteral("draft"));
    }
};

QTEST_GUILESS_MAIN(TestWorkflow)
#include "tst_workflow.moc"
