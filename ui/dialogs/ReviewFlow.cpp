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

namespace {

void transitionNext(Session &session, std::shared_ptr<QList<ReviewTarget>> remaining, WorkflowAction action,
                    const QString &comment, QObject *context, std::shared_ptr<QList<ReviewOutcome>> outcomes,
                    std::function<void(QList<ReviewOutcome>)> done)
{
    if (remaining->isEmpty()) {
        done(*outcomes);
        return;
    }
    const ReviewTarget target = remaining->takeFirst();
    session.backend()
        .transitionItem(target.type, target.id, action, target.version, comment)
        .then(context, [&session, remaining, action, comment, context, outcomes, done, target](Result<void> moved) {
            outcomes->append(ReviewOutcome{target, moved ? std::nullopt : std::optional<Error>(moved.error())});
            transitionNext(session, remaining, action, comment, context, outcomes, done);
        });
}

} // namespace

void performTransitions(Session &session, const QList<ReviewTarget> &targets, WorkflowAction action,
                        const QString &comment, QObject *context, std::function<void(QList<ReviewOutcome>)> done)
{
    transitionNext(session, std::make_shared<QList<ReviewTarget>>(targets), action, comment, context,
                   std::make_shared<QList<ReviewOutcome>>(), std::move(done));
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
