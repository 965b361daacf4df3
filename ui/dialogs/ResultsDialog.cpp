// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ResultsDialog.h"

#include "support/Format.h"
#include "support/Icons.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace signoff {

ResultsDialog::ResultsDialog(WorkflowAction action, const QList<ReviewOutcome> &outcomes, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("resultsDialog"));
    setWindowTitle(tr("%1: results").arg(Format::action(action)));
    const auto failed = std::count_if(outcomes.cbegin(), outcomes.cend(),
                                      [](const ReviewOutcome &outcome) { return outcome.error.has_value(); });
    auto *summary = new QLabel(this);
    summary->setWordWrap(true);
    summary->setText(failed == 0 ? tr("All %n items were changed.", nullptr, int(outcomes.size()))
                                 : tr("%1 of %2 items were changed; %3 could not be.")
                                       .arg(outcomes.size() - failed)
                                       .arg(outcomes.size())
                                       .arg(failed));

    auto *list = new QTreeWidget(this);
    list->setObjectName(QStringLiteral("results"));
    list->setAccessibleName(tr("Results"));
    list->setRootIsDecorated(false);
    list->setHeaderLabels({tr("Item"), tr("Result")});
    const QIcon done = style()->standardIcon(QStyle::SP_DialogApplyButton);
    const QIcon refused = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const ReviewOutcome &outcome : outcomes) {
        auto *item = new QTreeWidgetItem(list);
        item->setText(0, outcome.target.title);
        item->setText(1, outcome.error ? outcome.error->translatedSummary() : tr("Done"));
        item->setIcon(1, outcome.error ? refused : done);
        item->setToolTip(1, item->text(1));
    }
    list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    list->header()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    resize(560, 320);
}

} // namespace signoff
