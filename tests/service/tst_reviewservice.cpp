// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Review depth (docs/design.md, "State machine" and "Approval policies") on a
// real database: the approval policy, N-of-M approvals fixed at submit,
// withdraw, the version an approval may name, and comments.

#include "ServiceFixture.h"
#include "domain/Validation.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

ApprovalPolicy policyOf(int features, int orders, QList<ApprovalThreshold> thresholds = {})
{
    ApprovalPolicy policy;
    policy.featureApprovals = features;
    policy.orderApprovals = orders;
    policy.orderThresholds = std::move(thresholds);
    return policy;
}

QStringList approvers(const QList<Approval> &approvals)
{
    QStringList names;
    for (const Approval &approval : approvals)
        names.append(approval.by);
    return names;
}

QStringList fieldsOf(const Error &error)
{
    QStringList fields;
    for (const FieldError &field : error.fields)
        fields.append(field.field);
    return fields;
}

// A pending feature of alice's (version 2, submitted at 2).
Feature pendingFeature(ServiceFixture &f, const QString &name)
{
    auto feature = f.services().features().create(f.alice, NewFeature{name, {}});
    if (!feature)
        return {};
    auto submitted = f.services().features().transition(f.alice, feature->id, WorkflowAction::Submit, 1);
    return submitted ? submitted.value() : Feature{};
}

} // namespace

class TestReviewService : public QObject
{
    Q_OBJECT

private slots:
    void thePolicyStartsAtOneApprovalForEverything()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto policy = f.services().policy().get(f.alice);
        SIGNOFF_VERIFY_OK(policy);
        QCOMPARE(policy->featureApprovals, 1);
        QCOMPARE(policy->orderApprovals, 1);
        QVERIFY(policy->orderThresholds.isEmpty());
        QCOMPARE(policy->version, 1);
    }

    void onlyAdministratorsChangeThePolicyAndEachChangeIsAudited()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        QSignalSpy changes(&f.notifier(), &ChangeNotifier::changed);
        const ApprovalPolicy wanted = policyOf(2, 1, {{100000, 2}, {1000000, 3}});
        SIGNOFF_VERIFY_ERROR(f.services().policy().update(f.rita, wanted), Forbidden);
        SIGNOFF_VERIFY_ERROR(f.services().policy().update(f.alice, wanted), Forbidden);
        // Asked on its own (REST asks before it reads the body) and before the rules.
        SIGNOFF_VERIFY_ERROR(f.services().policy().mayUpdate(f.rita), Forbidden);
        SIGNOFF_VERIFY_OK(f.services().policy().mayUpdate(f.adam));
        SIGNOFF_VERIFY_ERROR(f.services().policy().update(f.rita, policyOf(0, 9)), Forbidden);
        // If-Match may name several versions; one of them must be the current one.
        SIGNOFF_VERIFY_ERROR(f.services().policy().update(f.adam, wanted, ExpectedVersion::anyOf({})), PreconditionFailed);
        SIGNOFF_VERIFY_ERROR(f.services().policy().update(f.adam, wanted, ExpectedVersion::anyOf({3, 2})), PreconditionFailed);

        auto updated = f.services().policy().update(f.adam, wanted, ExpectedVersion::anyOf({3, 1}));
        SIGNOFF_VERIFY_OK(updated);
        QCOMPARE(updated->version, 2);
        auto read = f.services().policy().get(f.bob);
        SIGNOFF_VERIFY_OK(read);
        QVERIFY(read->sameRules(wanted));
        QCOMPARE(read->version, 2);
        QCOMPARE(read->requiredForOrder(99999), 1);
        QCOMPARE(read->requiredForOrder(100000), 2);
        QCOMPARE(read->requiredForOrder(1000000), 3);

        // The version the admin saw is checked; the same rules again change nothing.
        SIGNOFF_VERIFY_ERROR(f.services().policy().update(f.adam, policyOf(3, 3), 1), PreconditionFailed);
        auto same = f.services().policy().update(f.adam, wanted, 2);
        SIGNOFF_VERIFY_OK(same);
        QCOMPARE(same->version, 2);

        QCOMPARE(f.count(QStringLiteral("audit_event"),
                         QStringLiteral("entity_type = 'policy' AND action = 'update' AND actor_username = 'adam'")),
                 1);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(toString(changes.first().at(0).value<EntityType>()), QStringLiteral("policy"));
    }

    void anInvalidPolicyNamesEveryWrongField()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto refused = f.services().policy().update(f.adam, policyOf(0, 6, {{500, 2}, {500, 3}, {100, 9}, {-1, 1}}));
        SIGNOFF_VERIFY_ERROR(refused, Invalid);
        QCOMPARE(fieldsOf(refused.error()),
                 (QStringList{QStringLiteral("feature.required_approvals"), QStringLiteral("order.required_approvals"),
                              QStringLiteral("order.thresholds[1].total_cents_at_least"),
                              QStringLiteral("order.thresholds[2].total_cents_at_least"),
                              QStringLiteral("order.thresholds[2].required_approvals"),
                              QStringLiteral("order.thresholds[3].total_cents_at_least")}));
        QList<ApprovalThreshold> many;
        for (int i = 0; i <= limits::thresholdsMax; ++i)
            many.append({qint64(i) * 100, 2});
        SIGNOFF_VERIFY_ERROR(f.services().policy().update(f.adam, policyOf(1, 1, many)), Invalid);
        SIGNOFF_VERIFY_OK(f.services().policy().update(f.adam, policyOf(5, 1, {{0, 5}})));
        QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("entity_type = 'policy'")), 1);
    }

    void oneOfOneApprovesAtOnce()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const Feature pending = pendingFeature(f, QStringLiteral("One of one"));
        QCOMPARE(pending.requiredApprovals, 1);
        QCOMPARE(pending.submittedVersion, std::optional<int>(2));
        QVERIFY(pending.approvals.isEmpty());

        auto approved = f.services().features().transition(f.rita, pending.id, WorkflowAction::Approve, 2, QStringLiteral("fine"));
        SIGNOFF_VERIFY_OK(approved);
        QCOMPARE(toString(approved->status), QStringLiteral("approved"));
        QCOMPARE(approvers(approved->approvals), QStringList{QStringLiteral("rita")});
        QCOMPARE(approved->approvals.first().comment, QStringLiteral("fine"));

        auto loaded = f.services().features().get(f.bob, pending.id);
        SIGNOFF_VERIFY_OK(loaded);
        QCOMPARE(approvers(loaded->approvals), QStringList{QStringLiteral("rita")});
        QCOMPARE(loaded->approvals.first().at, approved->approvals.first().at);
        QCOMPARE(loaded->requiredApprovals, 1);
    }

    void twoOfTwoWithTheOwnerTryingAndAReviewerApprovingTwice()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        SIGNOFF_VERIFY_OK(f.services().policy().update(f.adam, policyOf(2, 1)));
        FeatureService &features = f.services().features();
        auto feature = features.create(f.adam, NewFeature{QStringLiteral("Admin's own"), {}});
        SIGNOFF_VERIFY_OK(feature);
        auto submitted = features.transition(f.adam, feature->id, WorkflowAction::Submit, 1);
        SIGNOFF_VERIFY_OK(submitted);
        QCOMPARE(submitted->requiredApprovals, 2);

        // The owner never approves, admins included.
        SIGNOFF_VERIFY_ERROR(features.transition(f.adam, feature->id, WorkflowAction::Approve, 2), Forbidden);
        SIGNOFF_VERIFY_ERROR(features.transition(f.alice, feature->id, WorkflowAction::Approve, 2), Forbidden);

        auto first = features.transition(f.rita, feature->id, WorkflowAction::Approve, 2);
        SIGNOFF_VERIFY_OK(first);
        QCOMPARE(toString(first->status), QStringLiteral("pending"));
        QCOMPARE(first->version, 3);
        QCOMPARE(approvers(first->approvals), QStringList{QStringLiteral("rita")});

        auto twice = features.transition(f.rita, feature->id, WorkflowAction::Approve, 3);
        SIGNOFF_VERIFY_ERROR(twice, Conflict);
        QCOMPARE(twice.error().reason, QStringLiteral("already-approved"));
        QVERIFY(!Workflow::available(ItemStatus::Pending, WorkflowActor{Role::Reviewer, false, true})
                     .contains(WorkflowAction::Approve));

        // Roy saw version 2: rita's approval did not change what was submitted.
        auto second = features.transition(f.roy, feature->id, WorkflowAction::Approve, 2);
        SIGNOFF_VERIFY_OK(second);
        QCOMPARE(toString(second->status), QStringLiteral("approved"));
        QCOMPARE(second->version, 4);
        QCOMPARE(approvers(second->approvals), (QStringList{QStringLiteral("rita"), QStringLiteral("roy")}));

        auto history = features.history(f.alice, feature->id);
        SIGNOFF_VERIFY_OK(history);
        QStringList steps;
        for (const AuditEvent &event : history.value())
            steps.append(event.actorUsername + u':' + event.action + u':' + event.toStatus);
        QCOMPARE(steps, (QStringList{QStringLiteral("adam:create:draft"), QStringLiteral("adam:submit:pending"),
                                     QStringLiteral("rita:approve:pending"), QStringLiteral("roy:approve:approved")}));
        QCOMPARE(history->at(2).detail.value(QStringLiteral("approvals")).toInt(), 1);
        QCOMPARE(history->at(3).detail.value(QStringLiteral("approvals")).toInt(), 2);
        QCOMPARE(history->at(1).detail.value(QStringLiteral("required_approvals")).toInt(), 2);
        QCOMPARE(f.count(QStringLiteral("feature_approval")), 2);
    }

    void theNumberIsFixedAtSubmitAndAPolicyChangeLeavesPendingItemsAlone()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        SIGNOFF_VERIFY_OK(f.services().policy().update(f.adam, policyOf(2, 1)));
        const Feature pending = pendingFeature(f, QStringLiteral("Fixed at two"));
        QCOMPARE(pending.requiredApprovals, 2);
        SIGNOFF_VERIFY_OK(f.services().policy().update(f.adam, policyOf(1, 1)));

        auto first = f.services().features().transition(f.rita, pending.id, WorkflowAction::Approve, 2);
        SIGNOFF_VERIFY_OK(first);
        QCOMPARE(toString(first->status), QStringLiteral("pending"));
        QCOMPARE(first->requiredApprovals, 2);
        auto second = f.services().features().transition(f.roy, pending.id, WorkflowAction::Approve, 3);
        SIGNOFF_VERIFY_OK(second);
        QCOMPARE(toString(second->status), QStringLiteral("approved"));

        // A feature submitted now takes the new number.
        const Feature later = pendingFeature(f, QStringLiteral("Takes one"));
        QCOMPARE(later.requiredApprovals, 1);
    }

    void anOrderTakesTheThresholdItsTotalReachesWhenSubmitted()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        SIGNOFF_VERIFY_OK(f.services().policy().update(f.adam, policyOf(1, 1, {{10000, 2}, {50000, 3}})));
        auto pen = f.services().products().create(f.adam, NewProduct{QStringLiteral("PEN"), QStringLiteral("Pen"), 2500, true});
        SIGNOFF_VERIFY_OK(pen);
        OrderService &orders = f.services().orders();
        auto order = orders.create(f.alice, NewOrder{{{pen->id, 2}}, {}}); // 5,000 cents
        SIGNOFF_VERIFY_OK(order);
        // The edit before the submit crosses the first threshold (10,000).
        SIGNOFF_VERIFY_OK(orders.update(f.alice, order->id, OrderPatch{QList<NewLine>{{pen->id, 4}}, {}}, 1));
        auto submitted = orders.transition(f.alice, order->id, WorkflowAction::Submit, 2);
        SIGNOFF_VERIFY_OK(submitted);
        QCOMPARE(submitted->totalCents(), 10000);
        QCOMPARE(submitted->requiredApprovals, 2);

        auto first = orders.transition(f.rita, order->id, WorkflowAction::Approve, 3);
        SIGNOFF_VERIFY_OK(first);
        QCOMPARE(toString(first->status), QStringLiteral("pending"));
        auto second = orders.transition(f.adam, order->id, WorkflowAction::Approve, 3);
        SIGNOFF_VERIFY_OK(second);
        QCOMPARE(toString(second->status), QStringLiteral("approved"));
        QCOMPARE(approvers(orders.get(f.bob, order->id)->approvals), (QStringList{QStringLiteral("rita"), QStringLiteral("adam")}));

        auto big = orders.create(f.bob, NewOrder{{{pen->id, 20}}, {}}); // 50,000 cents
        SIGNOFF_VERIFY_OK(big);
        QCOMPARE(orders.transition(f.bob, big->id, WorkflowAction::Submit, 1)->requiredApprovals, 3);
        auto small = orders.create(f.bob, NewOrder{{{pen->id, 1}}, {}});
        SIGNOFF_VERIFY_OK(small);
        QCOMPARE(orders.transition(f.bob, small->id, WorkflowAction::Submit, 1)->requiredApprovals, 1);
    }

    void withdrawDropsTheApprovalsAndTheNextSubmitReadsThePolicyAgain()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        SIGNOFF_VERIFY_OK(f.services().policy().update(f.adam, policyOf(2, 1)));
        FeatureService &features = f.services().features();
        const Feature pending = pendingFeature(f, QStringLiteral("Taken back"));
        SIGNOFF_VERIFY_OK(features.transition(f.rita, pending.id, WorkflowAction::Approve, 2));

        SIGNOFF_VERIFY_ERROR(features.transition(f.bob, pending.id, WorkflowAction::Withdraw, 3), Forbidden);
        SIGNOFF_VERIFY_ERROR(features.transition(f.rita, pending.id, WorkflowAction::Withdraw, 3), Forbidden);
        SIGNOFF_VERIFY_ERROR(features.transition(f.alice, pending.id, WorkflowAction::Withdraw, 1), PreconditionFailed);
        auto withdrawn = features.transition(f.alice, pending.id, WorkflowAction::Withdraw, 3);
        SIGNOFF_VERIFY_OK(withdrawn);
        QCOMPARE(toString(withdrawn->status), QStringLiteral("draft"));
        QVERIFY(withdrawn->approvals.isEmpty());
        QVERIFY(!withdrawn->submittedVersion);
        QCOMPARE(f.count(QStringLiteral("feature_approval")), 0);
        auto event = features.history(f.alice, pending.id)->last();
        QCOMPARE(event.action, QStringLiteral("withdraw"));
        QCOMPARE(event.fromStatus, QStringLiteral("pending"));
        QCOMPARE(event.toStatus, QStringLiteral("draft"));
        QCOMPARE(event.detail.value(QStringLiteral("dropped_approvals")).toArray(), QJsonArray{QStringLiteral("rita")});
        SIGNOFF_VERIFY_ERROR(features.transition(f.alice, pending.id, WorkflowAction::Withdraw, 4), Conflict);

        // A draft again: editable, and the next submission is a new one.
        SIGNOFF_VERIFY_OK(features.update(f.alice, pending.id, FeaturePatch{QStringLiteral("Taken back, changed"), {}}, 4));
        SIGNOFF_VERIFY_OK(f.services().policy().update(f.adam, policyOf(3, 1)));
        auto again = features.transition(f.alice, pending.id, WorkflowAction::Submit, 5);
        SIGNOFF_VERIFY_OK(again);
        QCOMPARE(again->requiredApprovals, 3);
        QCOMPARE(again->submittedVersion, std::optional<int>(6));
        // What reviewers saw before the withdraw is stale now.
        SIGNOFF_VERIFY_ERROR(features.transition(f.roy, pending.id, WorkflowAction::Approve, 3), PreconditionFailed);
        auto renewed = features.transition(f.rita, pending.id, WorkflowAction::Approve, 6);
        SIGNOFF_VERIFY_OK(renewed);
        QCOMPARE(approvers(renewed->approvals), QStringList{QStringLiteral("rita")});
    }

    void oneRejectionAfterOneOfTwoApprovalsRejects()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        SIGNOFF_VERIFY_OK(f.services().policy().update(f.adam, policyOf(2, 1)));
        FeatureService &features = f.services().features();
        const Feature pending = pendingFeature(f, QStringLiteral("Half way"));
        SIGNOFF_VERIFY_OK(features.transition(f.rita, pending.id, WorkflowAction::Approve, 2));
        SIGNOFF_VERIFY_ERROR(features.transition(f.roy, pending.id, WorkflowAction::Reject, 2), Invalid);
        auto rejected = features.transition(f.roy, pending.id, WorkflowAction::Reject, 2, QStringLiteral("Not like this"));
        SIGNOFF_VERIFY_OK(rejected);
        QCOMPARE(toString(rejected->status), QStringLiteral("rejected"));
        // The approval stays on the decided item.
        QCOMPARE(approvers(rejected->approvals), QStringList{QStringLiteral("rita")});
        QCOMPARE(features.history(f.alice, pending.id)->last().comment, QStringLiteral("Not like this"));
        // A late approval of the same submission finds it decided.
        auto late = features.transition(f.adam, pending.id, WorkflowAction::Approve, 3);
        SIGNOFF_VERIFY_ERROR(late, Conflict);
        QCOMPARE(late.error().reason, QStringLiteral("invalid-transition"));

        auto revised = features.transition(f.alice, pending.id, WorkflowAction::Revise, 4);
        SIGNOFF_VERIFY_OK(revised);
        QVERIFY(revised->approvals.isEmpty());
        QCOMPARE(f.count(QStringLiteral("feature_approval")), 0);
    }

    void listsCarryTheApprovalsOfEachItem()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        SIGNOFF_VERIFY_OK(f.services().policy().update(f.adam, policyOf(3, 1)));
        const Feature one = pendingFeature(f, QStringLiteral("List one"));
        const Feature two = pendingFeature(f, QStringLiteral("List two"));
        SIGNOFF_VERIFY_OK(f.services().features().create(f.alice, NewFeature{QStringLiteral("List draft"), {}}));
        SIGNOFF_VERIFY_OK(f.services().features().transition(f.rita, one.id, WorkflowAction::Approve, 2));
        SIGNOFF_VERIFY_OK(f.services().features().transition(f.roy, one.id, WorkflowAction::Approve, 2));
        SIGNOFF_VERIFY_OK(f.services().features().transition(f.adam, two.id, WorkflowAction::Approve, 2));
        // Twice: the second list comes from the read cache.
        for (int round = 0; round < 2; ++round) {
            auto page = f.services().features().list(f.bob, ItemQuery{});
            SIGNOFF_VERIFY_OK(page);
            QCOMPARE(page->items.size(), 3);
            QHash<QString, QStringList> byName;
            for (const Feature &feature : page->items)
                byName.insert(feature.name, approvers(feature.approvals));
            QCOMPARE(byName.value(QStringLiteral("List one")), (QStringList{QStringLiteral("rita"), QStringLiteral("roy")}));
            QCOMPARE(byName.value(QStringLiteral("List two")), QStringList{QStringLiteral("adam")});
            QCOMPARE(byName.value(QStringLiteral("List draft")), QStringList());
        }
    }

    // A reviewer's queue holds what awaits their approval: not their own
    // items, not what they approved already (until it is submitted again).
    void theReviewQueueLeavesOutWhatTheReviewerApproved()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        SIGNOFF_VERIFY_OK(f.services().policy().update(f.adam, policyOf(2, 2)));
        const Feature approvedByRita = pendingFeature(f, QStringLiteral("Rita approved"));
        const Feature untouched = pendingFeature(f, QStringLiteral("Nobody yet"));
        SIGNOFF_VERIFY_OK(f.services().features().transition(f.rita, approvedByRita.id, WorkflowAction::Approve, 2));
        ItemQuery queue;
        queue.status = ItemStatus::Pending;
        queue.excludeOwnedByActor = true;
        queue.excludeApprovedByActor = true;
        const auto names = [&](const Actor &actor) {
            auto page = f.services().features().list(actor, queue);
            if (!page)
                return QStringList{describe(page.error())};
            QStringList found;
            for (const Feature &feature : page->items)
                found.append(feature.name);
            return found;
        };
        QCOMPARE(names(f.rita), QStringList{untouched.name});
        QCOMPARE(names(f.roy), (QStringList{untouched.name, approvedByRita.name}));
        // Withdrawn and submitted again: a new submission, in rita's queue again.
        SIGNOFF_VERIFY_OK(f.services().features().transition(f.alice, approvedByRita.id, WorkflowAction::Withdraw, 3));
        SIGNOFF_VERIFY_OK(f.services().features().transition(f.alice, approvedByRita.id, WorkflowAction::Submit, 4));
        QCOMPARE(names(f.rita), (QStringList{untouched.name, approvedByRita.name}));

        auto pen = f.services().products().create(f.adam, NewProduct{QStringLiteral("PEN"), QStringLiteral("Pen"), 100, true});
        SIGNOFF_VERIFY_OK(pen);
        auto order = f.services().orders().create(f.alice, NewOrder{{{pen->id, 1}}, {}});
        SIGNOFF_VERIFY_OK(order);
        SIGNOFF_VERIFY_OK(f.services().orders().transition(f.alice, order->id, WorkflowAction::Submit, 1));
        SIGNOFF_VERIFY_OK(f.services().orders().transition(f.roy, order->id, WorkflowAction::Approve, 2));
        auto royQueue = f.services().orders().list(f.roy, queue);
        SIGNOFF_VERIFY_OK(royQueue);
        QCOMPARE(royQueue->items.size(), 0);
        auto ritaQueue = f.services().orders().list(f.rita, queue);
        SIGNOFF_VERIFY_OK(ritaQueue);
        QCOMPARE(ritaQueue->items.size(), 1);
    }

    void commentsAreForEveryoneOnEveryStatusAndChangeNothingElse()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        QSignalSpy changes(&f.notifier(), &ChangeNotifier::changed);
        FeatureService &features = f.services().features();
        auto draft = features.create(f.alice, NewFeature{QStringLiteral("Discussed"), {}});
        SIGNOFF_VERIFY_OK(draft);
        auto first = features.addComment(f.bob, draft->id, QStringLiteral("  Why blue?\nAsking for a friend.  "));
        SIGNOFF_VERIFY_OK(first);
        QCOMPARE(first->author, QStringLiteral("bob"));
        QCOMPARE(first->body, QStringLiteral("Why blue?\nAsking for a friend."));
        QVERIFY(first->id > 0);
        SIGNOFF_VERIFY_OK(features.transition(f.alice, draft->id, WorkflowAction::Submit, 1));
        SIGNOFF_VERIFY_OK(features.addComment(f.rita, draft->id, QStringLiteral("Looks fine")));
        SIGNOFF_VERIFY_OK(features.transition(f.rita, draft->id, WorkflowAction::Approve, 2));
        // NFC: "e" and a combining acute accent are stored as "é".
        auto composed = features.addComment(f.alice, draft->id, QStringLiteral("Merci, caf") + QChar(u'e') + QChar(0x0301));
        SIGNOFF_VERIFY_OK(composed);
        QCOMPARE(composed->body, QStringLiteral("Merci, caf") + QChar(0x00E9));

        auto thread = features.comments(f.roy, draft->id);
        SIGNOFF_VERIFY_OK(thread);
        QCOMPARE(thread->size(), 3);
        QCOMPARE(thread->at(0).author, QStringLiteral("bob"));
        QCOMPARE(thread->at(1).body, QStringLiteral("Looks fine"));
        QCOMPARE(thread->at(2).id, composed->id);
        QVERIFY(thread->at(0).at <= thread->at(2).at);

        // Neither the status nor the version moved for a comment.
        auto item = features.get(f.alice, draft->id);
        QCOMPARE(item->version, 3);
        QCOMPARE(toString(item->status), QStringLiteral("approved"));
        auto history = features.history(f.alice, draft->id);
        QCOMPARE(history->size(), 6);
        QCOMPARE(history->at(1).action, QStringLiteral("comment"));
        QCOMPARE(history->at(1).comment, first->body);
        QCOMPARE(changes.count(), 6); // create, comment, submit, comment, approve, comment
    }

    void commentsAreValidated()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        FeatureService &features = f.services().features();
        auto feature = features.create(f.alice, NewFeature{QStringLiteral("Checked"), {}});
        SIGNOFF_VERIFY_OK(feature);
        const QList<QString> refused{
            QString(),
            QStringLiteral(" \n\t "),
            QString(limits::commentBodyMax + 1, u'x'),
            QStringLiteral("bell") + QChar(0x07),
            QStringLiteral("nul") + QChar(0x00) + QStringLiteral("byte"),
            QStringLiteral("escape") + QChar(0x1B) + QStringLiteral("[31m"),
        };
        for (const QString &body : refused) {
            auto comment = features.addComment(f.bob, feature->id, body);
            SIGNOFF_VERIFY_ERROR(comment, Invalid);
            QCOMPARE(comment.error().fields.first().field, QStringLiteral("body"));
        }
        SIGNOFF_VERIFY_OK(features.addComment(f.bob, feature->id, QString(limits::commentBodyMax, u'x')));
        // 4,000 characters, not UTF-16 units: an emoji is one.
        QString emoji;
        for (int i = 0; i < limits::commentBodyMax; ++i)
            emoji += QString::fromUtf8("\xF0\x9F\x91\x8D");
        SIGNOFF_VERIFY_OK(features.addComment(f.bob, feature->id, emoji));
        SIGNOFF_VERIFY_ERROR(features.addComment(f.bob, QUuid::createUuid(), QStringLiteral("Anyone?")), NotFound);
        SIGNOFF_VERIFY_ERROR(features.comments(f.bob, QUuid::createUuid()), NotFound);
        QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("action = 'comment'")), 2);
    }

    void ordersHaveCommentsAndWithdrawToo()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto pen = f.services().products().create(f.adam, NewProduct{QStringLiteral("PEN"), QStringLiteral("Pen"), 100, true});
        SIGNOFF_VERIFY_OK(pen);
        OrderService &orders = f.services().orders();
        auto order = orders.create(f.alice, NewOrder{{{pen->id, 1}}, {}});
        SIGNOFF_VERIFY_OK(order);
        SIGNOFF_VERIFY_OK(orders.transition(f.alice, order->id, WorkflowAction::Submit, 1));
        SIGNOFF_VERIFY_OK(orders.addComment(f.rita, order->id, QStringLiteral("Which colour?")));
        auto withdrawn = orders.transition(f.alice, order->id, WorkflowAction::Withdraw, 2);
        SIGNOFF_VERIFY_OK(withdrawn);
        QCOMPARE(toString(withdrawn->status), QStringLiteral("draft"));
        QCOMPARE(orders.comments(f.bob, order->id)->size(), 1);
        // A withdrawn draft can be deleted with its comments kept in the log.
        SIGNOFF_VERIFY_OK(orders.remove(f.alice, order->id, 3));
        QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("entity_type = 'order' AND action = 'comment'")), 1);
    }
};

QTEST_GUILESS_MAIN(TestReviewService)
#include "tst_reviewservice.moc"
