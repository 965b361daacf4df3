// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ReviewFlow.h"

#include <QDialog>

namespace signoff {

// One line per item of a review of several: done, or why not.
class ResultsDialog : public QDialog
{
    Q_OBJECT
public:
    ResultsDialog(WorkflowAction action, const QList<ReviewOutcome> &outcomes, QWidget *parent = nullptr);
};

} // namespace signoff
