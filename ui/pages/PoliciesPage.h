// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/ApprovalPolicy.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPushButton;

namespace signoff {

class ChangeListener;
class MessageBanner;
class PolicyEditor;
class Session;

// The approval policy for administrators (docs/design.md, "Approval policies"):
// how many approvals a feature needs, and an order by its total. Saved with the
// version it was loaded at; someone else's change meanwhile is a banner that
// offers to reload, never a silent overwrite.
class PoliciesPage : public QWidget
{
    Q_OBJECT
public:
    explicit PoliciesPage(Session &session, QWidget *parent = nullptr);

    QString title() const;
    // Loads the policy as stored now (unless edits would be lost).
    void refresh();
    bool isDirty() const;
    // Whether a load or a save is under way.
    bool isBusy() const { return m_busy; }

signals:
    void statusMessage(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void load(bool evenIfEdited);
    void save();
    void updateButtons();

    Session &m_session;
    PolicyEditor *m_editor;
    MessageBanner *m_banner;
    QPushButton *m_save;
    QPushButton *m_revert;
    ChangeListener *m_watcher;
    std::optional<ApprovalPolicy> m_loaded;
    bool m_busy = false;
    bool m_lookAgain = false;
};

} // namespace signoff
