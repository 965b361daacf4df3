// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Stats.h"

#include <QWidget>

class QLabel;

namespace signoff {

// The dashboard's two headline figures in large type: the median time from
// submission to decision and how many items wait for a review, each with
// its 90th percentile and longest wait in a line below.
class WaitingTimesTiles : public QWidget
{
    Q_OBJECT
public:
    explicit WaitingTimesTiles(QWidget *parent = nullptr);

    void showStats(const Stats &stats);

private:
    QLabel *m_decisionTime;
    QLabel *m_decisionTimeDetail;
    QLabel *m_queueSize;
    QLabel *m_queueDetail;
};

} // namespace signoff
