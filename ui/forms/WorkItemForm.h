// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "EntityForm.h"
#include "domain/AuditEvent.h"
#include "domain/Workflow.h"

#include <QDateTime>
#include <QMap>
#include <QStringList>
#include <QUuid>
#include <optional>

class QFormLayout;
class QLabel;
class QTabWidget;
class QTreeWidget;

namespace signoff {

class ChangeListener;
class CommentThread;

// What the forms of features and orders share: the read-only details
// (status, owner, version, dates), the history, and one button for each
// transition the workflow allows the signed-in user on the item now.
class WorkItemForm : public EntityForm
{
    Q_OBJECT
public:
    // An empty id: a new item.
    WorkItemForm(Session &session, EntityType type, const QUuid &id, QWidget *parent = nullptr);

    QString key() const override;
    // What identifies the form of the item `id` of `type` among the open ones.
    static QString keyFor(EntityType type, const QUuid &id);

    // Makes the transition as its button does (asks for a comment or reason first).
    void runTransition(WorkflowAction action);

protected:
    // The stored state of the item as last loaded or saved.
    struct ItemState
    {
        QUuid id;
        ItemStatus status = ItemStatus::Draft;
        QUuid ownerId;
        QString ownerUsername;
        int version = 0;
        QDateTime createdAt;
        QDateTime updatedAt;
        // Of the submission under review (docs/design.md, "Approval policies").
        int requiredApprovals = 1;
        QStringList approvers;
    };

    // The area for the item's own fields, beside the details.
    QFormLayout *fieldsLayout() const { return m_fields; }
    QTabWidget *tabs() const { return m_tabs; }
    void addHistoryTab();
    // The item's discussion (docs/design.md, "Approval policies"), after the history.
    void addCommentsTab();

    // What shownState() answers for the feature or order `shown`.
    template<typename Item>
    static ItemState stateOf(const std::optional<Item> &shown)
    {
        if (!shown)
            return {};
        ItemState state;
        state.id = shown->id;
        state.status = shown->status;
        state.ownerId = shown->ownerId;
        state.ownerUsername = shown->ownerUsername;
        state.version = shown->version;
        state.createdAt = shown->createdAt;
        state.updatedAt = shown->updatedAt;
        state.requiredApprovals = shown->requiredApprovals;
        for (const auto &approval : shown->approvals)
            state.approvers.append(approval.by);
        return state;
    }

    virtual ItemState shownState() const = 0;
    // On success the item after the transition is what showLatest() shows next.
    virtual Call<void> transition(WorkflowAction action, const QString &comment) = 0;
    virtual Call<QList<AuditEvent>> history() = 0;
    virtual QString titleForReview() const = 0;

    // The item's id: given when the form opens an existing item, set by the first save of a new one.
    QUuid itemId() const { return m_id; }
    void setItemId(const QUuid &id) { m_id = id; }

    bool isNew() const override { return m_id.isNull(); }
    int loadedVersion() const override { return shownState().version; }
    bool mayEdit() const override;
    bool mayDelete() const override;
    QString watchedId() const override { return itemId().toString(QUuid::WithoutBraces); }
    void afterStateChange() override;
    Call<void> removeItem() override;

private:
    void updateDetails();
    void updateHistory();
    void showHistory(const QList<AuditEvent> &events);
    // A rejected item says why at the top, from its last rejection.
    void showRejection(const QList<AuditEvent> &events);
    void updateComments();
    void postComment(const QString &body);
    void updateWorkflowButtons();
    void makeTransition(WorkflowAction action, const QString &comment);

    QFormLayout *m_fields;
    QTabWidget *m_tabs;
    QTreeWidget *m_history = nullptr;
    QLabel *m_status;
    QLabel *m_owner;
    QLabel *m_version;
    QLabel *m_created;
    QLabel *m_updated;
    QLabel *m_approvals;
    QLabel *m_rejection;
    QMap<WorkflowAction, QPushButton *> m_transitionButtons;
    const EntityType m_type;
    QUuid m_id;
    CommentThread *m_comments = nullptr;
    // Comments do not change the item's version: the thread follows the
    // item's change notifications itself.
    ChangeListener *m_commentWatcher = nullptr;
};

} // namespace signoff
