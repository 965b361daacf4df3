// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/EntityType.h"
#include "domain/Error.h"
#include "domain/Workflow.h"

#include <QList>
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

// Makes `action` on each target through the services, one after another;
// each succeeds or fails on its own.
QList<ReviewOutcome> performTransitions(Session &session, const QList<ReviewTarget> &targets, WorkflowAction action,
                                        const QString &comment);

// The whole review from a list: asks for the comment or reason (approve,
// reject), makes the transitions with a busy cursor and reports one result
// per item when there are several or something failed. Returns the outcomes,
// or nothing when the person cancelled.
std::optional<QList<ReviewOutcome>> reviewFromList(QWidget *parent, Session &session, const QList<ReviewTarget> &targets,
                                                   WorkflowAction action);

} // namespace signoff
