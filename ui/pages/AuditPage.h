// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ListPage.h"
#include "models/AuditListModel.h"

namespace signoff {

// The audit log (reviewers and administrators): who did what, when.
class AuditPage : public ListPage
{
    Q_OBJECT
public:
    AuditPage(Session &session, FormManager &forms, QWidget *parent = nullptr);

    AuditListModel *events() const { return m_events; }
    QString title() const override { return tr("Audit log"); }
    void openRow(int row) override;

protected:
    void applySearch(const QString &text) override { m_events->setActor(text); }
    void applyFilter(int index) override;
    QString emptyText() const override;

private:
    AuditListModel *m_events;
};

} // namespace signoff
