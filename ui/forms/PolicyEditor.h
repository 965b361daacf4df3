// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/ApprovalPolicy.h"
#include "domain/Error.h"

#include <QWidget>

class QPushButton;
class QSpinBox;
class QTableWidget;

namespace signoff {

class FieldMessage;

// Edits an approval policy (docs/design.md, "Approval policies"): how many
// approvals a feature needs, how many an order needs, and thresholds by an
// order's total. What is typed is checked with core's rule (validate::policy)
// as it changes; problems() is empty when the policy may be saved.
class PolicyEditor : public QWidget
{
    Q_OBJECT
public:
    explicit PolicyEditor(QWidget *parent = nullptr);

    void setPolicy(const ApprovalPolicy &policy);
    // The policy as shown (its version is the one last set).
    ApprovalPolicy policy() const;
    QList<FieldError> problems() const;
    void setReadOnly(bool readOnly);

signals:
    void edited();

private:
    void addThreshold(qint64 totalCents, int required);
    void removeSelectedThreshold();
    void check();

    QSpinBox *m_feature;
    QSpinBox *m_order;
    QTableWidget *m_thresholds;
    QPushButton *m_add;
    QPushButton *m_remove;
    FieldMessage *m_message;
    int m_version = 1;
    bool m_filling = false;
};

} // namespace signoff
