// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PoliciesPage.h"

#include "Backend.h"
#include "Session.h"
#include "forms/PolicyEditor.h"
#include "support/ChangeListener.h"
#include "support/Icons.h"
#include "support/MessageBanner.h"

#include <QBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>

#include <utility>

namespace signoff {

PoliciesPage::PoliciesPage(Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_editor(new PolicyEditor(this))
    , m_banner(new MessageBanner(this))
    , m_save(new QPushButton(themeIcon("document-save", QStyle::SP_DialogSaveButton), tr("&Save policy"), this))
    , m_revert(new QPushButton(themeIcon("document-revert", QStyle::SP_DialogResetButton), tr("Re&vert"), this))
    , m_watcher(new ChangeListener(session.backend(), {EntityType::Policy}, this))
{
    setObjectName(QStringLiteral("policiesPage"));
    m_editor->setObjectName(QStringLiteral("policyEditor"));
    m_banner->setObjectName(QStringLiteral("policyBanner"));
    m_banner->clear();
    m_save->setObjectName(QStringLiteral("savePolicyButton"));
    m_revert->setObjectName(QStringLiteral("revertPolicyButton"));

    auto *intro = new QLabel(tr("How many different reviewers must approve an item before it is approved. The number "
                                "is fixed when an item is submitted: changing the policy never alters items already "
                                "waiting for review."),
                             this);
    intro->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(intro);
    layout->addWidget(m_editor, 1);
    layout->addLayout(buttons);

    m_editor->setEnabled(false); // until loaded
    connect(m_editor, &PolicyEditor::edited, this, &PoliciesPage::updateButtons);
    connect(m_save, &QPushButton::clicked, this, &PoliciesPage::save);
    connect(m_revert, &QPushButton::clicked, this, [this] { load(true); });
    connect(m_banner, &MessageBanner::actionTriggered, this, [this] { load(true); });
    connect(m_watcher, &ChangeListener::changed, this, &PoliciesPage::refresh);
    updateButtons();
}

QString PoliciesPage::title() const
{
    return tr("Policies");
}

void PoliciesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loaded && !m_busy)
        load(false);
}

void PoliciesPage::refresh()
{
    load(false);
}

bool PoliciesPage::isDirty() const
{
    return m_loaded && !m_editor->policy().sameRules(*m_loaded);
}

void PoliciesPage::load(bool evenIfEdited)
{
    if (m_busy) {
        m_lookAgain = true; // a change announced while loading or saving: looked at after
        return;
    }
    if (isDirty() && !evenIfEdited) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Someone else changed the policy while you were editing it. Reload to see theirs "
                                 "(yours will be discarded)."),
                              tr("Reload"));
        return;
    }
    m_busy = true;
    updateButtons();
    m_session.backend().policy().then(this, [this, evenIfEdited](Result<ApprovalPolicy> policy) {
        m_busy = false;
        const auto lookAgainAfter = qScopeGuard([this] {
            if (std::exchange(m_lookAgain, false))
                load(false);
        });
        if (!policy) {
            m_banner->showMessage(MessageBanner::Kind::Error, policy.error().translatedSummary(), tr("Try again"));
            updateButtons();
            return;
        }
        if (isDirty() && !evenIfEdited) {
            // Edited while it loaded: the edits stay; a change made elsewhere is said.
            if (policy->version != m_loaded->version)
                m_banner->showMessage(MessageBanner::Kind::Warning,
                                      tr("Someone else changed the policy while you were editing it. Reload to see theirs "
                                         "(yours will be discarded)."),
                                      tr("Reload"));
            updateButtons();
            return;
        }
        m_loaded = policy.value();
        m_editor->setPolicy(policy.value());
        m_editor->setEnabled(true);
        m_editor->setReadOnly(!m_session.isAdmin());
        m_banner->clear();
        updateButtons();
    });
}

void PoliciesPage::save()
{
    if (m_busy || !m_loaded || !m_editor->problems().isEmpty())
        return;
    m_busy = true;
    m_save->setText(tr("Saving…"));
    updateButtons();
    m_session.backend().updatePolicy(m_editor->policy(), m_loaded->version).then(this, [this](Result<ApprovalPolicy> saved) {
        m_busy = false;
        const auto lookAgainAfter = qScopeGuard([this] {
            if (std::exchange(m_lookAgain, false))
                load(false);
        });
        m_save->setText(tr("&Save policy"));
        if (!saved) {
            if (saved.error().kind == ErrorKind::PreconditionFailed) {
                m_banner->showMessage(MessageBanner::Kind::Warning,
                                      tr("Someone else changed the policy since it was loaded. Reload to see theirs "
                                         "(yours will be discarded)."),
                                      tr("Reload"));
            } else {
                m_banner->showMessage(MessageBanner::Kind::Error, saved.error().translatedSummary());
            }
            updateButtons();
            return;
        }
        m_loaded = saved.value();
        m_editor->setPolicy(saved.value());
        m_banner->clear();
        updateButtons();
        emit statusMessage(tr("The approval policy is saved; items submitted from now on follow it."));
    });
}

void PoliciesPage::updateButtons()
{
    const bool dirty = isDirty();
    m_save->setEnabled(!m_busy && dirty && m_editor->problems().isEmpty() && m_session.isAdmin());
    m_revert->setEnabled(!m_busy && dirty);
}

} // namespace signoff
