// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace signoff {

// A distribution of durations in seconds: how many, and the median, 90th
// percentile and largest (nearest rank; none when there are none).
struct DurationSummary
{
    qint64 count = 0;
    std::optional<double> medianSeconds;
    std::optional<double> p90Seconds;
    std::optional<double> maxSeconds;
};

// Decisions made on one UTC day.
struct DecisionDay
{
    QDate date;
    qint64 approved = 0;
    qint64 rejected = 0;
};

// The dashboard's figures (docs/design.md, "The dashboard's figures") over the
// last `days` UTC days, today included.
struct Stats
{
    int days = 30;
    QDate firstDay; // the oldest day counted
    QDateTime generatedAt;
    // Kind ("feature", "order") -> status ("draft", ...) -> how many items
    // have it now; every kind and status is present, zero or not.
    QMap<QString, QMap<QString, qint64>> itemsByStatus;
    // One entry per day, oldest first, days without decisions included.
    QList<DecisionDay> decisionsPerDay;
    // From the submission an item was decided on to the decision, for the
    // decisions in the window.
    DurationSummary timeToDecision;
    // How long the items now pending have waited since they were submitted.
    DurationSummary queueAge;
};

} // namespace signoff
