// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReviewFlow.h"

#include "ResultsDialog.h"
#include "ReviewDialog.h"
#include "Session.h"
#include "service/Services.h"
#include "support/BusyCursor.h"
#include "support/Format.h"

#include <QMessageBox>

namespace signoff {

QList<ReviewOutcome> performTransitions(Session &session, const QList<ReviewTarget> &targets, WorkflowAction action,
                                        const QString &comment)
{
    QList<ReviewOutcome> outcomes;
    for (const ReviewTarget &target : targets) {
        ReviewOutcome outcome{target, std::nullopt};
        if (target.type == EntityType::Feature) {
            auto done = session.services().features().transition(session.actor(), target.id, action, target.version, comment);
            if (!done)
                outcome.error = done.error();
        } else {
            auto done = session.services().orders().transition(session.actor(), target.id, action, target.version, comment);
            if (!done)
                outcome.error = done.error();
        }
        outcomes.append(outcome);
    }
    return outcomes;
}

std::optional<QList<ReviewOutcome>> reviewFromList(QWidget *parent, Session &session, const QList<ReviewTarget> &targets,
                                                   WorkflowAction action)
{
    if (targets.isEmpty())
        return std::nullopt;
    QString comment;
    if (action == WorkflowAction::Approve || action == WorkflowAction::Reject) {
        QStringList titles;
        for (const ReviewTarget &target : targets)
            titles.append(target.title);
        ReviewDialog dialog(action, titles, parent);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        comment = dialog.text();
    }
    QList<ReviewOutcome> outcomes;
    {
        BusyCursor busy;
        outcomes = performTransitions(session, targets, action, comment);
    }
    const bool anyFailed = std::any_of(outcomes.cbegin(), outcomes.cend(),
                                       [](const ReviewOutcome &outcome) { return outcome.error.has_value(); });
    if (outcomes.size() > 1) {
        ResultsDialog results(action, outcomes, parent);
        results.exec();
    } else if (anyFailed) {
        QMessageBox box(QMessageBox::Warning, Format::action(action),
                        ReviewDialog::tr("‘%1’ could not be changed: %2")
                            .arg(outcomes.first().target.title, outcomes.first().error->translatedSummary()),
                        QMessageBox::Ok, parent);
        box.setObjectName(QStringLiteral("reviewFailedBox"));
        box.exec();
    }
    return outcomes;
}

} // namespace signoff
