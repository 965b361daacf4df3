// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "WorkItemForm.h"

#include "Backend.h"
#include "CommentThread.h"
#include "Session.h"
#include "dialogs/ReviewDialog.h"
#include "models/AuditListModel.h"
#include "support/ChangeListener.h"
#include "support/Format.h"
#include "support/HistoryText.h"
#include "support/Icons.h"
#include "support/MessageBanner.h"

#include <QBoxLayout>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>

namespace signoff {

namespace {

QIcon actionIcon(WorkflowAction action)
{
    switch (action) {
    case WorkflowAction::Submit: return themeIcon("mail-send", QStyle::SP_ArrowForward);
    case WorkflowAction::Approve: return themeIcon("dialog-ok-apply", QStyle::SP_DialogApplyButton);
    case WorkflowAction::Reject: return themeIcon("dialog-cancel", QStyle::SP_DialogCancelButton);
    case WorkflowAction::Revise: return themeIcon("edit-undo", QStyle::SP_ArrowBack);
    case WorkflowAction::Withdraw: return themeIcon("edit-undo", QStyle::SP_ArrowBack);
    }
    return {};
}

QLabel *detailLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

WorkItemForm::WorkItemForm(Session &session, EntityType type, const QUuid &id, QWidget *parent)
    : EntityForm(session, type, parent)
    , m_fields(new QFormLayout)
    , m_tabs(new QTabWidget(this))
    , m_status(detailLabel(this, QStringLiteral("statusLabel")))
    , m_owner(detailLabel(this, QStringLiteral("ownerLabel")))
    , m_version(detailLabel(this, QStringLiteral("versionLabel")))
    , m_created(detailLabel(this, QStringLiteral("createdLabel")))
    , m_updated(detailLabel(this, QStringLiteral("updatedLabel")))
    , m_approvals(detailLabel(this, QStringLiteral("approvalsLabel")))
    , m_rejection(detailLabel(this, QStringLiteral("rejectionLabel")))
    , m_type(type)
    , m_id(id)
{
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_fields->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *details = new QGroupBox(tr("Details"), this);
    details->setObjectName(QStringLiteral("details"));
    auto *detailsLayout = new QFormLayout(details);
    detailsLayout->addRow(tr("Status:"), m_status);
    detailsLayout->addRow(tr("Owner:"), m_owner);
    detailsLayout->addRow(tr("Version:"), m_version);
    detailsLayout->addRow(tr("Created:"), m_created);
    detailsLayout->addRow(tr("Updated:"), m_updated);
    detailsLayout->addRow(tr("Approvals:"), m_approvals);
    m_approvals->setWordWrap(true);
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);

    // Why it was rejected, where the owner looks first.
    m_rejection->setWordWrap(true);
    m_rejection->setFrameShape(QFrame::StyledPanel);
    m_rejection->setMargin(6);
    m_rejection->setAccessibleName(tr("Rejection"));
    m_rejection->hide();
    contentLayout()->addWidget(m_rejection);

    auto *top = new QHBoxLayout;
    top->addLayout(m_fields, 3);
    top->addWidget(details, 2, Qt::AlignTop);
    top->setAlignment(m_fields, Qt::AlignTop);
    contentLayout()->addLayout(top);
    contentLayout()->addWidget(m_tabs, 1);

    int position = 0;
    for (WorkflowAction action : {WorkflowAction::Submit, WorkflowAction::Approve, WorkflowAction::Reject,
                                  WorkflowAction::Withdraw, WorkflowAction::Revise}) {
        auto *button = new QPushButton(actionIcon(action), Format::action(action), this);
        button->setObjectName(toString(action) + QStringLiteral("Button"));
        button->setAutoDefault(false);
        button->hide();
        connect(button, &QPushButton::clicked, this, [this, action] { runTransition(action); });
        buttonLayout()->insertWidget(position++, button);
        m_transitionButtons.insert(action, button);
    }
}

void WorkItemForm::addHistoryTab()
{
    m_history = new QTreeWidget(this);
    m_history->setObjectName(QStringLiteral("history"));
    m_history->setAccessibleName(tr("History"));
    m_history->setRootIsDecorated(false);
    m_history->setUniformRowHeights(false);
    m_history->setWordWrap(true);
    m_history->setHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Comment")});
    m_history->header()->setStretchLastSection(true);
    m_tabs->addTab(m_history, tr("History"));
}

void WorkItemForm::addCommentsTab()
{
    m_comments = new CommentThread(this);
    m_comments->setObjectName(QStringLiteral("commentThread"));
    m_tabs->addTab(m_comments, tr("Co&mments"));
    connect(m_comments, &CommentThread::postRequested, this, &WorkItemForm::postComment);
    m_commentWatcher = new ChangeListener(session().backend(), {m_type}, this);
    connect(m_commentWatcher, &ChangeListener::changed, this, &WorkItemForm::updateComments);
}

void WorkItemForm::updateComments()
{
    if (!m_comments || isNew())
        return;
    session().backend().comments(m_type, itemId()).then(this, [this](Result<QList<Comment>> comments) {
        if (!comments)
            return; // the thread keeps what it shows; the form's own load reports errors
        m_comments->setComments(comments.value());
        const int count = int(comments->size());
        m_tabs->setTabText(m_tabs->indexOf(m_comments), count == 0 ? tr("Co&mments") : tr("Co&mments (%1)").arg(count));
    });
}

void WorkItemForm::postComment(const QString &body)
{
    if (isNew())
        return;
    m_comments->setBusy(true);
    session().backend().addComment(m_type, itemId(), body).then(this, [this](Result<Comment> posted) {
        m_comments->setBusy(false);
        if (!posted) {
            m_comments->showProblem(posted.error().translatedSummary());
            return;
        }
        m_comments->clearDraft();
        updateComments();
    });
}

QString WorkItemForm::keyFor(EntityType type, const QUuid &id)
{
    return toString(type) + u':' + id.toString(QUuid::WithoutBraces);
}

QString WorkItemForm::key() const
{
    return isNew() ? QString() : keyFor(m_type, m_id);
}

Call<void> WorkItemForm::removeItem()
{
    const ItemState state = shownState();
    return session().backend().removeItem(m_type, state.id, state.version);
}

bool WorkItemForm::mayEdit() const
{
    const ItemState state = shownState();
    if (state.id.isNull())
        return false; // not loaded
    return !Workflow::checkEdit(state.status, session().relationTo(state.ownerUsername)).has_value();
}

bool WorkItemForm::mayDelete() const
{
    const ItemState state = shownState();
    if (state.id.isNull())
        return false;
    return !Workflow::checkDelete(state.status, session().relationTo(state.ownerUsername)).has_value();
}

void WorkItemForm::afterStateChange()
{
    updateDetails();
    updateHistory();
    updateWorkflowButtons();
    if (m_commentWatcher && !isNew()) {
        m_commentWatcher->setId(watchedId());
        updateComments();
    }
}

void WorkItemForm::updateDetails()
{
    const ItemState state = shownState();
    const QString none = QStringLiteral("—");
    if (isNew()) {
        m_status->setText(tr("New, not saved yet"));
        m_owner->setText(session().user().username);
        m_version->setText(none);
        m_created->setText(none);
        m_updated->setText(none);
        m_approvals->setText(none);
        m_rejection->hide();
        return;
    }
    m_status->setText(Format::status(state.status));
    m_owner->setText(state.ownerUsername);
    m_version->setText(QString::number(state.version));
    m_created->setText(Format::dateTime(state.createdAt));
    m_updated->setText(Format::dateTime(state.updatedAt));
    if (state.status == ItemStatus::Pending || state.status == ItemStatus::Approved) {
        const QString progress = Format::approvalProgress(int(state.approvers.size()), state.requiredApprovals);
        m_approvals->setText(state.approvers.isEmpty() ? progress
                                                       : tr("%1: %2").arg(progress, state.approvers.join(QStringLiteral(", "))));
    } else {
        m_approvals->setText(none);
    }
    if (state.status != ItemStatus::Rejected)
        m_rejection->hide();
}

void WorkItemForm::updateHistory()
{
    if (!m_history)
        return;
    if (isNew()) {
        m_history->clear();
        return;
    }
    // The rows shown stay until the new ones are in.
    history().then(this, [this](Result<QList<AuditEvent>> events) {
        if (events)
            showHistory(events.value());
    });
}

void WorkItemForm::showHistory(const QList<AuditEvent> &events)
{
    m_history->clear();
    for (const AuditEvent &event : events) {
        auto *item = new QTreeWidgetItem(m_history);
        item->setText(0, Format::dateTime(event.at));
        item->setText(1, event.actorUsername);
        const QString change = statusChangeText(event);
        const QString summary = HistoryText::summary(event);
        QStringList what{change.isEmpty() ? summary : tr("%1 (%2)").arg(summary, change)};
        what.append(HistoryText::changes(event)); // "options/beta: false → true"
        item->setText(2, what.join(u'\n'));
        item->setText(3, event.comment);
        item->setToolTip(3, event.comment);
    }
    for (int column = 0; column < 3; ++column)
        m_history->resizeColumnToContents(column);
    showRejection(events);
}

void WorkItemForm::showRejection(const QList<AuditEvent> &events)
{
    if (shownState().status != ItemStatus::Rejected) {
        m_rejection->hide();
        return;
    }
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        if (it->action != QStringLiteral("reject"))
            continue;
        m_rejection->setText(tr("Rejected by %1 on %2: %3").arg(it->actorUsername, Format::dateTime(it->at), it->comment));
        m_rejection->show();
        return;
    }
    m_rejection->hide();
}

void WorkItemForm::updateWorkflowButtons()
{
    const ItemState state = shownState();
    const QList<WorkflowAction> available = state.id.isNull() || isDeleted()
                                                ? QList<WorkflowAction>()
                                                : Workflow::available(state.status, session().relationTo(state.ownerUsername));
    for (auto it = m_transitionButtons.cbegin(); it != m_transitionButtons.cend(); ++it)
        it.value()->setVisible(available.contains(it.key()));
}

void WorkItemForm::runTransition(WorkflowAction action)
{
    if (isNew() || isDeleted() || isBusy())
        return;
    // Submitting what is on screen: unsaved edits are saved first.
    if (isDirty()) {
        save([this, action](bool saved) {
            if (saved)
                runTransition(action);
        });
        return;
    }
    QString comment;
    if (action == WorkflowAction::Approve || action == WorkflowAction::Reject) {
        ReviewDialog dialog(action, {titleForReview()}, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        comment = dialog.text();
    }
    whenIdle([this, action, comment] { makeTransition(action, comment); });
}

void WorkItemForm::makeTransition(WorkflowAction action, const QString &comment)
{
    if (isDeleted())
        return;
    beginBusy(m_transitionButtons.value(action), Format::actionUnderWay(action));
    transition(action, comment).then(this, [this](Result<void> done) {
        endBusy();
        if (!done) {
            showError(done.error());
            return;
        }
        banner()->clear();
        showLatest();
        updateState();
        afterStateChange();
        emit statusMessage(tr("‘%1’ is now %2.").arg(titleForReview(), Format::status(shownState().status)));
    });
}

} // namespace signoff
