// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/EntityType.h"
#include "domain/Error.h"
#include "domain/Workflow.h"

#include <QList>
#include <QObject>
#include <functional>
#include <QUuid>
#include <optional>

class QWidget;

namespace signoff {

class Session;

// One item a transition is asked for, at the version the person saw.
struct ReviewTarget
{
    EntityType type = EntityType::Feature;
    QUuid id;
    int version = 0;
    QString title;
};

struct ReviewOutcome
{
    ReviewTarget target;
    std::optional<Error> error; // empty: done
};

// Makes `action` on each target through the backend, one after another;
// each succeeds or fails on its own. `done` gets the outcomes in the GUI
// thread (unless `context` is gone by then).
void performTransitions(Session &session, const QList<ReviewTarget> &targets, WorkflowAction action,
                        const QString &comment, QObject *context, std::function<void(QList<ReviewOutcome>)> done);

// The whole review from a list: asks for the comment or reason (approve,
// reject), makes the transitions and reports one result per item when there
// are several or something failed; then `done` gets the outcomes. False when
// the person cancelled (nothing was done, `done` is not called).
bool reviewFromList(QWidget *parent, Session &session, const QList<ReviewTarget> &targets, WorkflowAction action,
                    std::function<void(QList<ReviewOutcome>)> done);

} // namespace signoff
