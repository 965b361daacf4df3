// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReviewFlow.h"

#include "ResultsDialog.h"
#include "ReviewDialog.h"
#include "Session.h"
#include "Backend.h"
#include "support/Format.h"

#include <QMessageBox>
#include <QPointer>
#include <memory>

namespace signoff {

void performTransitions(Session &session, const QList<ReviewTarget> &targets, WorkflowAction action,
                        const QString &comment, QObject *context, std::function<void(QList<ReviewOutcome>)> done)
{
    // One backend call per type (a server decides each type in one request),
    // the outcomes put back in the targets' order.
    struct Gathered
    {
        QList<std::optional<Error>> errors;
        int typesLeft = 0;
    };
    auto gathered = std::make_shared<Gathered>();
    gathered->errors.resize(targets.size());
    QList<EntityType> types;
    for (const ReviewTarget &target : targets) {
        if (!types.contains(target.type))
            types.append(target.type);
    }
    gathered->typesLeft = int(types.size());
    const auto finish = [targets, gathered, done] {
        QList<ReviewOutcome> outcomes;
        for (qsizetype i = 0; i < targets.size(); ++i)
            outcomes.append(ReviewOutcome{targets.at(i), gathered->errors.at(i)});
        done(outcomes);
    };
    if (types.isEmpty()) {
        QMetaObject::invokeMethod(context, finish, Qt::QueuedConnection);
        return;
    }
    for (EntityType type : types) {
        QList<Backend::Decision> items;
        QList<qsizetype> positions;
        for (qsizetype i = 0; i < targets.size(); ++i) {
            if (targets.at(i).type == type) {
                items.append(Backend::Decision{targets.at(i).id, targets.at(i).version});
                positions.append(i);
            }
        }
        session.backend().decideEach(type, action, items, comment).then(context, [gathered, positions, finish](Result<Backend::Outcomes> outcomes) {
            for (qsizetype i = 0; i < positions.size(); ++i) {
                if (!outcomes)
                    gathered->errors[positions.at(i)] = outcomes.error();
                else if (i < outcomes->size())
                    gathered->errors[positions.at(i)] = outcomes->at(i);
            }
            if (--gathered->typesLeft == 0)
                finish();
        });
    }
}

bool reviewFromList(QWidget *parent, Session &session, const QList<ReviewTarget> &targets, WorkflowAction action,
                    std::function<void(QList<ReviewOutcome>)> done)
{
    if (targets.isEmpty())
        return false;
    QString comment;
    if (action == WorkflowAction::Approve || action == WorkflowAction::Reject) {
        QStringList titles;
        for (const ReviewTarget &target : targets)
            titles.append(target.title);
        ReviewDialog dialog(action, titles, parent);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        comment = dialog.text();
    }
    QPointer<QWidget> owner(parent);
    performTransitions(session, targets, action, comment, parent, [owner, action, done](QList<ReviewOutcome> outcomes) {
        const bool anyFailed = std::any_of(outcomes.cbegin(), outcomes.cend(),
                                           [](const ReviewOutcome &outcome) { return outcome.error.has_value(); });
        if (outcomes.size() > 1) {
            ResultsDialog results(action, outcomes, owner);
            results.exec();
        } else if (anyFailed) {
            QMessageBox box(QMessageBox::Warning, Format::action(action),
                            ReviewDialog::tr("‘%1’ could not be changed: %2")
                                .arg(outcomes.first().target.title, outcomes.first().error->translatedSummary()),
                            QMessageBox::Ok, owner);
            box.setObjectName(QStringLiteral("reviewFailedBox"));
            box.exec();
        }
        if (owner)
            done(outcomes);
    });
    return true;
}

} // namespace signoff
