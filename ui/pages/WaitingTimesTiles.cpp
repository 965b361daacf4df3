// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "WaitingTimesTiles.h"

#include "support/Format.h"

#include <QGridLayout>
#include <QLabel>

namespace signoff {

namespace {

QLabel *figureLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    QFont large = label->font();
    large.setPointSizeF(large.pointSizeF() * 1.6);
    large.setBold(true);
    label->setFont(large);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *detailLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

WaitingTimesTiles::WaitingTimesTiles(QWidget *parent)
    : QWidget(parent)
    , m_decisionTime(figureLabel(QStringLiteral("decisionTimeFigure"), this))
    , m_decisionTimeDetail(detailLabel(QStringLiteral("decisionTimeDetail"), this))
    , m_queueSize(figureLabel(QStringLiteral("queueFigure"), this))
    , m_queueDetail(detailLabel(QStringLiteral("queueDetail"), this))
{
    auto *layout = new QGridLayout(this);
    layout->addWidget(new QLabel(tr("Submission to decision, median"), this), 0, 0);
    layout->addWidget(m_decisionTime, 1, 0);
    layout->addWidget(m_decisionTimeDetail, 2, 0);
    layout->addWidget(new QLabel(tr("Review queue"), this), 0, 1);
    layout->addWidget(m_queueSize, 1, 1);
    layout->addWidget(m_queueDetail, 2, 1);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);
}

void WaitingTimesTiles::showStats(const Stats &stats)
{
    const DurationSummary &decided = stats.timeToDecision;
    m_decisionTime->setText(Format::duration(decided.medianSeconds));
    m_decisionTimeDetail->setText(
        decided.count == 0 ? tr("No decisions in the last %n day(s).", nullptr, stats.days)
                           : tr("90th percentile %1, longest %2; %n decision(s) in the last %3 days.", nullptr,
                                int(decided.count))
                                 .arg(Format::duration(decided.p90Seconds), Format::duration(decided.maxSeconds))
                                 .arg(stats.days));
    const DurationSummary &waiting = stats.queueAge;
    m_queueSize->setText(tr("%n waiting", nullptr, int(waiting.count)));
    m_queueDetail->setText(waiting.count == 0
                               ? tr("Nothing is waiting for a review.")
                               : tr("Median %1, 90th percentile %2, oldest %3.")
                                     .arg(Format::duration(waiting.medianSeconds), Format::duration(waiting.p90Seconds),
                                          Format::duration(waiting.maxSeconds)));
}

} // namespace signoff
