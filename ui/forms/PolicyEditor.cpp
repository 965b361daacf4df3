// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PolicyEditor.h"

#include "domain/Validation.h"
#include "support/FieldMessage.h"
#include "support/Icons.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace signoff {

namespace {

// The largest total the editor offers, in currency units: far beyond any
// order, and exact in a double with its cents.
constexpr double largestTotal = 999999999999.99;

QSpinBox *approvalsBox(QWidget *parent, const QString &objectName)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(objectName);
    // Wider than core allows, so that core's message, not the box, says no.
    box->setRange(0, limits::approvalsMax + 1);
    return box;
}

} // namespace

PolicyEditor::PolicyEditor(QWidget *parent)
    : QWidget(parent)
    , m_feature(approvalsBox(this, QStringLiteral("featureApprovals")))
    , m_order(approvalsBox(this, QStringLiteral("orderApprovals")))
    , m_thresholds(new QTableWidget(0, 2, this))
    , m_add(new QPushButton(themeIcon("list-add", QStyle::SP_FileDialogNewFolder), tr("&Add threshold"), this))
    , m_remove(new QPushButton(themeIcon("list-remove", QStyle::SP_TrashIcon), tr("&Remove threshold"), this))
    , m_message(new FieldMessage(this))
{
    m_feature->setAccessibleName(tr("Approvals a feature needs"));
    m_order->setAccessibleName(tr("Approvals an order needs"));
    m_thresholds->setObjectName(QStringLiteral("thresholds"));
    m_thresholds->setAccessibleName(tr("Thresholds by order total"));
    m_thresholds->setHorizontalHeaderLabels({tr("Order total at least"), tr("Approvals")});
    m_thresholds->horizontalHeader()->setStretchLastSection(true);
    m_thresholds->horizontalHeader()->resizeSection(0, 200);
    m_thresholds->verticalHeader()->hide();
    m_thresholds->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_thresholds->setSelectionMode(QAbstractItemView::SingleSelection);
    m_add->setObjectName(QStringLiteral("addThreshold"));
    m_add->setAutoDefault(false);
    m_remove->setObjectName(QStringLiteral("removeThreshold"));
    m_remove->setAutoDefault(false);
    m_message->setObjectName(QStringLiteral("policyMessage"));

    auto *numbers = new QFormLayout;
    numbers->addRow(tr("Approvals a &feature needs:"), m_feature);
    numbers->addRow(tr("Approvals an &order needs:"), m_order);
    auto *explanation = new QLabel(tr("An order whose total reaches a threshold needs that threshold's number instead "
                                      "(the highest threshold reached counts). Items take the number when they are "
                                      "submitted; changing the policy leaves items already pending as they are."), this);
    explanation->setWordWrap(true);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *table = new QHBoxLayout;
    table->addWidget(m_thresholds, 1);
    table->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(numbers);
    layout->addWidget(explanation);
    layout->addLayout(table, 1);
    layout->addWidget(m_message);

    connect(m_feature, &QSpinBox::valueChanged, this, &PolicyEditor::check);
    connect(m_order, &QSpinBox::valueChanged, this, &PolicyEditor::check);
    connect(m_add, &QPushButton::clicked, this, [this] {
        const int rows = m_thresholds->rowCount();
        const ApprovalPolicy shown = policy();
        const qint64 next = rows == 0 ? 100000 : shown.orderThresholds.last().totalCentsAtLeast * 10;
        addThreshold(qMin(next, qint64(largestTotal * 100)), qMin(limits::approvalsMax, rows + 2));
        check();
    });
    connect(m_remove, &QPushButton::clicked, this, &PolicyEditor::removeSelectedThreshold);
    setPolicy(ApprovalPolicy{});
}

void PolicyEditor::setPolicy(const ApprovalPolicy &policy)
{
    m_filling = true;
    m_version = policy.version;
    m_feature->setValue(policy.featureApprovals);
    m_order->setValue(policy.orderApprovals);
    m_thresholds->setRowCount(0);
    for (const ApprovalThreshold &threshold : policy.orderThresholds)
        addThreshold(threshold.totalCentsAtLeast, threshold.requiredApprovals);
    m_filling = false;
    check();
}

ApprovalPolicy PolicyEditor::policy() const
{
    ApprovalPolicy policy;
    policy.version = m_version;
    policy.featureApprovals = m_feature->value();
    policy.orderApprovals = m_order->value();
    for (int row = 0; row < m_thresholds->rowCount(); ++row) {
        const auto *total = qobject_cast<QDoubleSpinBox *>(m_thresholds->cellWidget(row, 0));
        const auto *required = qobject_cast<QSpinBox *>(m_thresholds->cellWidget(row, 1));
        if (total && required)
            policy.orderThresholds.append({qint64(std::llround(total->value() * 100)), required->value()});
    }
    return policy;
}

QList<FieldError> PolicyEditor::problems() const
{
    return validate::policy(policy());
}

void PolicyEditor::setReadOnly(bool readOnly)
{
    for (QAbstractSpinBox *box : findChildren<QAbstractSpinBox *>())
        box->setReadOnly(readOnly);
    m_add->setEnabled(!readOnly);
    m_remove->setEnabled(!readOnly && m_thresholds->rowCount() > 0);
}

void PolicyEditor::addThreshold(qint64 totalCents, int required)
{
    const int row = m_thresholds->rowCount();
    m_thresholds->insertRow(row);
    auto *total = new QDoubleSpinBox(m_thresholds);
    total->setObjectName(QStringLiteral("thresholdTotal%1").arg(row));
    total->setAccessibleName(tr("Order total at least"));
    total->setDecimals(2);
    total->setRange(0, largestTotal);
    total->setGroupSeparatorShown(true);
    total->setValue(double(totalCents) / 100.0);
    auto *approvals = approvalsBox(m_thresholds, QStringLiteral("thresholdApprovals%1").arg(row));
    approvals->setAccessibleName(tr("Approvals"));
    approvals->setValue(required);
    m_thresholds->setCellWidget(row, 0, total);
    m_thresholds->setCellWidget(row, 1, approvals);
    connect(total, &QDoubleSpinBox::valueChanged, this, &PolicyEditor::check);
    connect(approvals, &QSpinBox::valueChanged, this, &PolicyEditor::check);
}

void PolicyEditor::removeSelectedThreshold()
{
    int row = m_thresholds->currentRow();
    if (row < 0)
        row = m_thresholds->rowCount() - 1;
    if (row < 0)
        return;
    m_thresholds->removeRow(row);
    check();
}

void PolicyEditor::check()
{
    if (m_filling)
        return;
    QStringList lines;
    for (const FieldError &problem : problems())
        lines.append(problem.message.translated());
    lines.removeDuplicates();
    if (lines.isEmpty())
        m_message->clearProblem();
    else
        m_message->showProblem(lines.join(u'\n'));
    m_remove->setEnabled(m_add->isEnabled() && m_thresholds->rowCount() > 0);
    emit edited();
}

} // namespace signoff
