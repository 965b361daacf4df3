// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/EntityType.h"
#include "domain/Role.h"
#include "domain/Workflow.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <optional>

namespace signoff {

// How the desktop shows core's values: translated names, local times, money.
class Format
{
    Q_DECLARE_TR_FUNCTIONS(Format)

public:
    static QString status(ItemStatus status);
    static QString action(WorkflowAction action);
    // What a button says while its transition is under way ("Submitting…").
    static QString actionUnderWay(WorkflowAction action);
    // An audit event's action ("create", "approve", "sign_in", ...) as a past-tense phrase.
    static QString auditAction(const QString &action);
    static QString role(Role role);
    static QString entityType(EntityType type);
    static QString entityType(const QString &type);
    // Integer cents as a decimal amount in the user's locale ("1,234.50").
    static QString money(qint64 cents);
    // A UTC timestamp in the user's time zone and locale, short form.
    static QString dateTime(const QDateTime &utc);
    // The first eight hex digits of an id, enough to tell items apart on screen.
    static QString shortId(const QUuid &id);
    static QString shortId(const QString &id);
    // Approvals against the number an item needs: "1 of 2".
    static QString approvalProgress(int approvals, int required);
    // A duration as a person reads it, to the two largest units that matter:
    // "45 s", "12 min", "3 h 20 min", "2 d 4 h", "12 d". None: "none".
    static QString duration(std::optional<double> seconds);
};

} // namespace signoff
