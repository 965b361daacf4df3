// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Workflow.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace signoff {

class FieldMessage;

// Asks for the comment of an approval (optional) or the reason of a
// rejection (required), checked as it is typed with core's rules.
class ReviewDialog : public QDialog
{
    Q_OBJECT
public:
    ReviewDialog(WorkflowAction action, const QStringList &itemTitles, QWidget *parent = nullptr);

    QString text() const;

private:
    void check();

    WorkflowAction m_action;
    QPlainTextEdit *m_edit;
    FieldMessage *m_message;
    QPushButton *m_confirm;
    bool m_typed = false;
};

} // namespace signoff
