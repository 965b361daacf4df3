// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// FeatureService on a real database: validation, ownership, the workflow,
// version checks, the audit trail written atomically with each change,
// listing, and the change notifications.

#include "ServiceFixture.h"
#include "service/Metrics.h"

#include <QSignalSpy>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

NewFeature named(const QString &name)
{
    return NewFeature{name, QJsonObject{{QStringLiteral("colour"), QStringLiteral("blue")}}};
}

} // namespace

class TestFeatureService : public QObject
{
    Q_OBJECT

private slots:
    void createStartsADraftOwnedByTheCreator()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        QCOMPARE(f.services().metrics().counterValue(QStringLiteral("feature_created_total")), std::optional<quint64>(0));
        QSignalSpy changes(&f.notifier(), &ChangeNotifier::changed);

        auto feature = f.services().features().create(f.alice, NewFeature{QStringLiteral("  Dark mode  "), {{QStringLiteral("theme"), 1}}});
        SIGNOFF_VERIFY_OK(feature);
        QCOMPARE(feature->name, QStringLiteral("Dark mode"));
        QCOMPARE(toString(feature->status), QStringLiteral("draft"));
        QCOMPARE(feature->version, 1);
        QCOMPARE(feature->ownerUsername, QStringLiteral("alice"));
        QCOMPARE(feature->options.value(QStringLiteral("theme")).toInt(), 1);
        QVERIFY(feature->createdAt.isValid());
        QCOMPARE(feature->createdAt.timeSpec(), Qt::UTC);

        auto loaded = f.services().features().get(f.bob, feature->id);
        SIGNOFF_VERIFY_OK(loaded);
        QCOMPARE(loaded->name, feature->name);
        QCOMPARE(loaded->options, feature->options);
        QCOMPARE(loaded->createdAt, feature->createdAt);
        QCOMPARE(loaded->ownerId, f.alice.id);

        QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("entity_type = 'feature' AND action = 'create'")), 1);
        QCOMPARE(f.services().metrics().counterValue(QStringLiteral("feature_created_total")), std::optional<quint64>(1));
        QCOMPARE(f.services().metrics().observations(QStringLiteral("feature_latency_seconds"),
                                                     {{QStringLiteral("operation"), QStringLiteral("create")}}),
                 std::optional<quint64>(1));
        QCOMPARE(changes.count(), 1);
        QCOMPARE(toString(changes.first().at(0).value<EntityType>()), QStringLiteral("feature"));
        QCOMPARE(changes.first().at(1).toString(), feature->id.toString(QUuid::WithoutBraces));
    }

    void invalidInputWritesNothing()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        QSignalSpy changes(&f.notifier(), &ChangeNotifier::changed);
        auto empty = f.services().features().create(f.alice, named(QStringLiteral("   ")));
        SIGNOFF_VERIFY_ERROR(empty, Invalid);
        QCOMPARE(empty.error().fields.first().field, QStringLiteral("name"));
        SIGNOFF_VERIFY_ERROR(f.services().features().create(f.alice, named(QString(256, u'n'))), Invalid);
        SIGNOFF_VERIFY_OK(f.services().features().create(f.alice, named(QString(255, u'n'))));

        QJsonObject huge{{QStringLiteral("blob"), QString(70 * 1024, u'x')}};
        auto tooBig = f.services().features().create(f.alice, NewFeature{QStringLiteral("big"), huge});
        SIGNOFF_VERIFY_ERROR(tooBig, Invalid);
        QCOMPARE(tooBig.error().fields.first().field, QStringLiteral("options"));

        QCOMPARE(f.count(QStringLiteral("feature_data")), 1);
        QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("entity_type = 'feature'")), 1);
        QCOMPARE(changes.count(), 1);
    }

    void duplicateNameIsAConflict()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        SIGNOFF_VERIFY_OK(f.services().features().create(f.alice, named(QStringLiteral("Export to PDF"))));
        auto again = f.services().features().create(f.bob, named(QStringLiteral(" Export to PDF ")));
        SIGNOFF_VERIFY_ERROR(again, Conflict);
        QCOMPARE(again.error().reason, QStringLiteral("duplicate"));
        QCOMPARE(again.error().message.english(), QStringLiteral("A feature named ‘Export to PDF’ already exists."));
        QCOMPARE(f.count(QStringLiteral("feature_data")), 1);
        QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("entity_type = 'feature'")), 1);

        // Names are compared as people read them (issue 13): case and
        // composition do not make another name.
        SIGNOFF_VERIFY_ERROR(f.services().features().create(f.bob, named(QStringLiteral("export to pdf"))), Conflict);
        SIGNOFF_VERIFY_OK(f.services().features().create(f.bob, named(QStringLiteral("Export to PDF/A"))));
    }

    void unknownFeatureIsNotFound()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        SIGNOFF_VERIFY_ERROR(f.services().features().get(f.alice, QUuid::createUuid()), NotFound);
        SIGNOFF_VERIFY_ERROR(f.services().features().update(f.alice, QUuid::createUuid(), FeaturePatch{QStringLiteral("x"), {}}), NotFound);
        SIGNOFF_VERIFY_ERROR(f.services().features().remove(f.alice, QUuid::createUuid()), NotFound);
        SIGNOFF_VERIFY_ERROR(f.services().features().transition(f.alice, QUuid::createUuid(), WorkflowAction::Submit), NotFound);
        SIGNOFF_VERIFY_ERROR(f.services().features().history(f.alice, QUuid::createUuid()), NotFound);
    }

    void ownerAndAdminEditDrafts()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto feature = f.services().features().create(f.alice, named(QStringLiteral("Search")));
        SIGNOFF_VERIFY_OK(feature);
        const QUuid id = feature->id;

        SIGNOFF_VERIFY_ERROR(f.services().features().update(f.bob, id, FeaturePatch{QStringLiteral("Mine now"), {}}), Forbidden);
        SIGNOFF_VERIFY_ERROR(f.services().features().update(f.rita, id, FeaturePatch{QStringLiteral("Mine now"), {}}), Forbidden);

        auto renamed = f.services().features().update(f.alice, id, FeaturePatch{QStringLiteral("Full-text search"), {}}, 1);
        SIGNOFF_VERIFY_OK(renamed);
        QCOMPARE(renamed->version, 2);
        QCOMPARE(renamed->name, QStringLiteral("Full-text search"));
        QCOMPARE(renamed->options, feature->options);

        auto byAdmin = f.services().features().update(f.adam, id, FeaturePatch{{}, QJsonObject{{QStringLiteral("fuzzy"), true}}});
        SIGNOFF_VERIFY_OK(byAdmin);
        QCOMPARE(byAdmin->version, 3);
        QCOMPARE(byAdmin->name, QStringLiteral("Full-text search"));
        QCOMPARE(byAdmin->ownerUsername, QStringLiteral("alice"));

        // Nothing to change: no new version, no audit row.
        const qint64 auditRows = f.count(QStringLiteral("audit_event"));
        auto unchanged = f.services().features().update(f.alice, id, FeaturePatch{QStringLiteral("Full-text search"), {}});
        SIGNOFF_VERIFY_OK(unchanged);
        QCOMPARE(unchanged->version, 3);
        QCOMPARE(f.count(QStringLiteral("audit_event")), auditRows);
    }

    void renameToATakenNameIsAConflict()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        SIGNOFF_VERIFY_OK(f.services().features().create(f.alice, named(QStringLiteral("One"))));
        auto two = f.services().features().create(f.alice, named(QStringLiteral("Two")));
        SIGNOFF_VERIFY_OK(two);
        auto renamed = f.services().features().update(f.alice, two->id, FeaturePatch{QStringLiteral("One"), {}});
        SIGNOFF_VERIFY_ERROR(renamed, Conflict);
        QCOMPARE(renamed.error().reason, QStringLiteral("duplicate"));
        QCOMPARE(f.services().features().get(f.alice, two->id)->name, QStringLiteral("Two"));
    }

    void staleVersionWritesNothing()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto feature = f.services().features().create(f.alice, named(QStringLiteral("Offline mode")));
        SIGNOFF_VERIFY_OK(feature);
        SIGNOFF_VERIFY_OK(f.services().features().update(f.alice, feature->id, FeaturePatch{QStringLiteral("Offline"), {}}, 1));
        const qint64 auditRows = f.count(QStringLiteral("audit_event"));
        QSignalSpy changes(&f.notifier(), &ChangeNotifier::changed);

        auto stale = f.services().features().update(f.alice, feature->id, FeaturePatch{QStringLiteral("Lost update"), {}}, 1);
        SIGNOFF_VERIFY_ERROR(stale, PreconditionFailed);
        QCOMPARE(stale.error().message.english(), QStringLiteral("Someone changed this item; reload it."));
        SIGNOFF_VERIFY_ERROR(f.services().features().transition(f.alice, feature->id, WorkflowAction::Submit, 1), PreconditionFailed);
        SIGNOFF_VERIFY_ERROR(f.services().features().remove(f.alice, feature->id, 1), PreconditionFailed);

        auto current = f.services().features().get(f.alice, feature->id);
        QCOMPARE(current->name, QStringLiteral("Offline"));
        QCOMPARE(current->version, 2);
        QCOMPARE(toString(current->status), QStringLiteral("draft"));
        QCOMPARE(f.count(QStringLiteral("audit_event")), auditRows);
        QCOMPARE(changes.count(), 0);
    }

    void fullWorkflowWithAuditTrail()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        FeatureService &features = f.services().features();
        auto feature = features.create(f.alice, named(QStringLiteral("Two-factor sign-in")));
        SIGNOFF_VERIFY_OK(feature);
        const QUuid id = feature->id;

        SIGNOFF_VERIFY_ERROR(features.transition(f.bob, id, WorkflowAction::Submit), Forbidden);
        SIGNOFF_VERIFY_ERROR(features.transition(f.rita, id, WorkflowAction::Approve), PreconditionFailed); // no version: 428
        SIGNOFF_VERIFY_ERROR(features.transition(f.rita, id, WorkflowAction::Approve, 1), Conflict);
        auto submitted = features.transition(f.alice, id, WorkflowAction::Submit, 1, QStringLiteral("Ready"));
        SIGNOFF_VERIFY_OK(submitted);
        QCOMPARE(toString(submitted->status), QStringLiteral("pending"));
        QCOMPARE(submitted->version, 2);

        SIGNOFF_VERIFY_ERROR(features.update(f.alice, id, FeaturePatch{QStringLiteral("Changed"), {}}), Conflict);
        SIGNOFF_VERIFY_ERROR(features.remove(f.alice, id), Conflict);
        SIGNOFF_VERIFY_ERROR(features.transition(f.alice, id, WorkflowAction::Approve), Forbidden);
        SIGNOFF_VERIFY_ERROR(features.transition(f.bob, id, WorkflowAction::Approve), Forbidden);

        auto noReason = features.transition(f.rita, id, WorkflowAction::Reject, 2, QStringLiteral("  "));
        SIGNOFF_VERIFY_ERROR(noReason, Invalid);
        QCOMPARE(noReason.error().fields.first().field, QStringLiteral("reason"));
        auto rejected = features.transition(f.rita, id, WorkflowAction::Reject, 2, QStringLiteral("Needs a recovery flow"));
        SIGNOFF_VERIFY_OK(rejected);
        QCOMPARE(toString(rejected->status), QStringLiteral("rejected"));

        SIGNOFF_VERIFY_ERROR(features.transition(f.rita, id, WorkflowAction::Revise), Forbidden);
        SIGNOFF_VERIFY_OK(features.transition(f.alice, id, WorkflowAction::Revise, 3));
        SIGNOFF_VERIFY_OK(features.update(f.alice, id, FeaturePatch{{}, QJsonObject{{QStringLiteral("recovery"), true}}}, 4));
        SIGNOFF_VERIFY_OK(features.transition(f.alice, id, WorkflowAction::Submit, 5));
        auto approved = features.transition(f.adam, id, WorkflowAction::Approve, 6, QStringLiteral("Good"));
        SIGNOFF_VERIFY_OK(approved);
        QCOMPARE(toString(approved->status), QStringLiteral("approved"));
        QCOMPARE(approved->version, 7);
        for (WorkflowAction action : {WorkflowAction::Submit, WorkflowAction::Approve, WorkflowAction::Reject, WorkflowAction::Revise})
            QVERIFY(!features.transition(f.adam, id, action, {}, QStringLiteral("why")).ok());

        auto history = features.history(f.bob, id);
        SIGNOFF_VERIFY_OK(history);
        QStringList trail;
        for (const AuditEvent &event : history.value())
            trail.append(QStringLiteral("%1:%2:%3>%4:v%5:%6")
                             .arg(event.actorUsername, event.action, event.fromStatus, event.toStatus)
                             .arg(event.version.value_or(0))
                             .arg(event.comment));
        QCOMPARE(trail, (QStringList{
                            QStringLiteral("alice:create:>draft:v1:"),
                            QStringLiteral("alice:submit:draft>pending:v2:Ready"),
                            QStringLiteral("rita:reject:pending>rejected:v3:Needs a recovery flow"),
                            QStringLiteral("alice:revise:rejected>draft:v4:"),
                            QStringLiteral("alice:update:>:v5:"),
                            QStringLiteral("alice:submit:draft>pending:v6:"),
                            QStringLiteral("adam:approve:pending>approved:v7:Good"),
                        }));
        QVERIFY(history->first().at <= history->last().at);
        QCOMPARE(history->at(2).actorId, f.rita.id);
    }

    void nobodyApprovesTheirOwnFeature()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        for (const Actor &owner : {f.rita, f.adam}) {
            auto feature = f.services().features().create(owner, named(QStringLiteral("Own ") + owner.username));
            SIGNOFF_VERIFY_OK(feature);
            SIGNOFF_VERIFY_OK(f.services().features().transition(owner, feature->id, WorkflowAction::Submit));
            SIGNOFF_VERIFY_ERROR(f.services().features().transition(owner, feature->id, WorkflowAction::Approve), Forbidden);
            SIGNOFF_VERIFY_ERROR(f.services().features().transition(owner, feature->id, WorkflowAction::Reject, {}, QStringLiteral("no")), Forbidden);
        }
    }

    void deleteRemovesDraftsOnly()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto draft = f.services().features().create(f.alice, named(QStringLiteral("Scratch")));
        SIGNOFF_VERIFY_OK(draft);
        SIGNOFF_VERIFY_ERROR(f.services().features().remove(f.bob, draft->id), Forbidden);
        SIGNOFF_VERIFY_OK(f.services().features().remove(f.alice, draft->id, 1));
        SIGNOFF_VERIFY_ERROR(f.services().features().get(f.alice, draft->id), NotFound);
        QCOMPARE(f.count(QStringLiteral("feature_data")), 0);
        QCOMPARE(f.count(QStringLiteral("audit_event"), QStringLiteral("action = 'delete' AND entity_type = 'feature'")), 1);

        auto byAdmin = f.services().features().create(f.alice, named(QStringLiteral("Scratch")));
        SIGNOFF_VERIFY_OK(byAdmin);
        SIGNOFF_VERIFY_OK(f.services().features().remove(f.adam, byAdmin->id));
    }

    void aFailedAuditWriteUndoesTheChange()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        auto feature = f.services().features().create(f.alice, named(QStringLiteral("Kept")));
        SIGNOFF_VERIFY_OK(feature);

        // Make every further audit insert fail inside the database.
        QString error;
        if (f.database().dialect() == SqlDialect::Sqlite) {
            QVERIFY2(f.exec(QStringLiteral("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_event "
                                           "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"), &error), qPrintable(error));
        } else {
            QVERIFY2(f.exec(QStringLiteral("CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS "
                                           "$$ BEGIN RAISE EXCEPTION 'injected failure'; END $$"), &error), qPrintable(error));
            QVERIFY2(f.exec(QStringLiteral("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_event "
                                           "FOR EACH ROW EXECUTE FUNCTION refuse_audit()"), &error), qPrintable(error));
        }
        QSignalSpy changes(&f.notifier(), &ChangeNotifier::changed);

        SIGNOFF_VERIFY_ERROR(f.services().features().create(f.alice, named(QStringLiteral("Lost"))), Unavailable);
        SIGNOFF_VERIFY_ERROR(f.services().features().update(f.alice, feature->id, FeaturePatch{QStringLiteral("Renamed"), {}}), Unavailable);
        SIGNOFF_VERIFY_ERROR(f.services().features().transition(f.alice, feature->id, WorkflowAction::Submit), Unavailable);
        SIGNOFF_VERIFY_ERROR(f.services().features().remove(f.alice, feature->id), Unavailable);

        QCOMPARE(f.count(QStringLiteral("feature_data")), 1);
        auto unchanged = f.services().features().get(f.alice, feature->id);
        SIGNOFF_VERIFY_OK(unchanged);
        QCOMPARE(unchanged->name, QStringLiteral("Kept"));
        QCOMPARE(toString(unchanged->status), QStringLiteral("draft"));
        QCOMPARE(unchanged->version, 1);
        QCOMPARE(changes.count(), 0);
    }

    void listPagesNewestFirstWithoutGapsOrRepeats()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        QSet<QUuid> created;
        for (int i = 0; i < 7; ++i) {
            auto feature = f.services().features().create(i % 2 ? f.bob : f.alice, named(QStringLiteral("Feature %1").arg(i)));
            SIGNOFF_VERIFY_OK(feature);
            created.insert(feature->id);
        }
        ItemQuery query;
        query.page.limit = 3;
        QList<Feature> seen;
        int pages = 0;
        do {
            auto page = f.services().features().list(f.rita, query);
            SIGNOFF_VERIFY_OK(page);
            seen.append(page->items);
            query.page.after = page->next;
            ++pages;
        } while (!query.page.after.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen.size(), 7);
        QSet<QUuid> seenIds;
        for (const Feature &feature : seen)
            seenIds.insert(feature.id);
        QCOMPARE(seenIds, created);
        for (int i = 1; i < seen.size(); ++i)
            QVERIFY(seen.at(i - 1).createdAt >= seen.at(i).createdAt);
        QCOMPARE(seen.first().name, QStringLiteral("Feature 6"));
    }

    void listFiltersAndSorts()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        FeatureService &features = f.services().features();
        for (const QString &name : {QStringLiteral("Alpha"), QStringLiteral("beta 100%"), QStringLiteral("Gamma_ray"), QStringLiteral("delta")})
            SIGNOFF_VERIFY_OK(features.create(f.alice, named(name)));
        auto bobs = features.create(f.bob, named(QStringLiteral("Epsilon")));
        SIGNOFF_VERIFY_OK(bobs);
        SIGNOFF_VERIFY_OK(features.transition(f.bob, bobs->id, WorkflowAction::Submit));

        auto names = [&](ItemQuery query, const Actor &actor) {
            QStringList result;
            do {
                auto page = features.list(actor, query);
                if (!page)
                    return QStringList{test::describe(page.error())};
                for (const Feature &feature : page->items)
                    result.append(feature.name);
                query.page.after = page->next;
            } while (!query.page.after.isEmpty());
            return result;
        };

        ItemQuery pending;
        pending.status = ItemStatus::Pending;
        QCOMPARE(names(pending, f.rita), QStringList{QStringLiteral("Epsilon")});
        ItemQuery queue = pending;
        queue.excludeOwnedByActor = true;
        QCOMPARE(names(queue, f.bob), QStringList());
        QCOMPARE(names(queue, f.rita), QStringList{QStringLiteral("Epsilon")});

        ItemQuery byOwner;
        byOwner.ownerUsername = QStringLiteral("bob");
        QCOMPARE(names(byOwner, f.alice), QStringList{QStringLiteral("Epsilon")});

        ItemQuery search;
        search.search = QStringLiteral("ALP");
        QCOMPARE(names(search, f.alice), QStringList{QStringLiteral("Alpha")});
        search.search = QStringLiteral("100%");
        QCOMPARE(names(search, f.alice), QStringList{QStringLiteral("beta 100%")});
        search.search = QStringLiteral("_");
        QCOMPARE(names(search, f.alice), QStringList{QStringLiteral("Gamma_ray")});
        search.search = QStringLiteral("%");
        QCOMPARE(names(search, f.alice), QStringList{QStringLiteral("beta 100%")});

        ItemQuery byName;
        byName.order = ListOrder{SortKey::Name, false};
        byName.page.limit = 2;
        QStringList sorted = names(byName, f.alice);
        QCOMPARE(sorted.size(), 5);
        QStringList expected = sorted;
        std::sort(expected.begin(), expected.end(), [](const QString &a, const QString &b) { return a < b; });
        if (f.database().dialect() == SqlDialect::Sqlite) // PostgreSQL sorts by the database's collation
            QCOMPARE(sorted, expected);
        QCOMPARE(QSet<QString>(sorted.begin(), sorted.end()).size(), 5);
    }

    void listRejectsBadPaging()
    {
        ServiceFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        ItemQuery query;
        query.page.limit = 0;
        auto zero = f.services().features().list(f.alice, query);
        SIGNOFF_VERIFY_ERROR(zero, Invalid);
        QCOMPARE(zero.error().fields.first().field, QStringLiteral("limit"));
        query.page.limit = 501;
        SIGNOFF_VERIFY_ERROR(f.services().features().list(f.alice, query), Invalid);
        query.page.limit = 500;
        SIGNOFF_VERIFY_OK(f.services().features().list(f.alice, query));
        query.page.after = QStringLiteral("not-a-cursor");
        auto badCursor = f.services().features().list(f.alice, query);
        SIGNOFF_VERIFY_ERROR(badCursor, Invalid);
        QCOMPARE(badCursor.error().fields.first().field, QStringLiteral("after"));
    }
};

QTEST_GUILESS_MAIN(TestFeatureService)
#include "tst_featureservice.moc"
