// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Stats.h"

#include <QCoreApplication>
#include <QStringList>

class QStandardItemModel;

namespace signoff {

// The dashboard's figures as tables: what the charts show, for screen readers
// and for anyone who wants the numbers (docs/design.md, "The dashboard's
// figures"). Counts are stored as numbers, so views show them in the user's
// locale.
class DashboardFigures
{
    Q_DECLARE_TR_FUNCTIONS(DashboardFigures)

public:
    // The kinds ("feature", "order") in the order Stats holds them, and
    // their statuses in workflow order (draft, pending, approved, rejected);
    // a status a newer server adds comes after those.
    static QStringList kinds(const Stats &stats);
    static QStringList statuses(const Stats &stats);
    static QString kindTitle(const QString &kind);
    static QString statusTitle(const QString &status);
    // A day as the charts and tables label it ("6 Dec").
    static QString dayLabel(const QDate &day);

    // Status | one column per kind.
    static void fillItemsByStatus(QStandardItemModel &model, const Stats &stats);
    // Day | Approved | Rejected, newest day first.
    static void fillDecisionsPerDay(QStandardItemModel &model, const Stats &stats);
    // Measure | Time to decision | Review queue.
    static void fillWaitingTimes(QStandardItemModel &model, const Stats &stats);
};

} // namespace signoff
