// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CursorTableModel.h"
#include "domain/AuditEvent.h"

namespace signoff {

class Session;

// The audit log, newest first, filtered by entity type and actor.
class AuditListModel : public CursorTableModel<AuditEvent>
{
    Q_OBJECT
public:
    enum Columns { WhenColumn, ActorColumn, ActionColumn, TypeColumn, ItemColumn, ChangeColumn, VersionColumn,
                   CommentColumn };

    explicit AuditListModel(Session &session, QObject *parent = nullptr);

    void setEntityType(const QString &type);
    void setActor(const QString &username);

protected:
    void restartSource() override;
    void fetchFromSource(int limit, QObject *epoch, Done done) override;
    QString keyOf(const AuditEvent &event) const override { return QString::number(event.id); }
    QVariant cell(const AuditEvent &event, int column, int role) const override;

private:
    // What the Item column calls an entity: a name, SKU or user name where the
    // event or the item itself tells (asked for in the background; the
    // column fills in), else the short id.
    void learnLabels(const QList<AuditEvent> &events);
    void setLabel(const QString &key, const QString &label);
    QString labelOf(const AuditEvent &event) const;

    Session &m_session;
    AuditQuery m_query;
    QHash<QString, QString> m_labels; // "feature:<id>" → label
    QSet<QString> m_labelsAsked;      // asked for, answer not yet in
    QSet<QString> m_labelsLearnt;     // since the source restarted
};

// "draft → pending", or nothing for events that are not transitions.
QString statusChangeText(const AuditEvent &event);

} // namespace signoff
