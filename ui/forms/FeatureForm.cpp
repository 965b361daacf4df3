// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FeatureForm.h"

#include "Backend.h"
#include "OptionsEditor.h"
#include "Session.h"
#include "domain/Validation.h"
#include "support/FieldMessage.h"
#include "support/ReadOnlyLook.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QVBoxLayout>

namespace signoff {

FeatureForm::FeatureForm(Session &session, const QUuid &id, QWidget *parent)
    : WorkItemForm(session, EntityType::Feature, id, parent)
    , m_name(new QLineEdit(this))
    , m_nameMessage(new FieldMessage(this))
    , m_options(new OptionsEditor(this))
{
    setObjectName(QStringLiteral("featureForm"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setAccessibleName(tr("Name"));
    m_name->setPlaceholderText(tr("What the feature is called"));
    m_nameMessage->setObjectName(QStringLiteral("nameMessage"));

    auto *nameColumn = new QVBoxLayout;
    nameColumn->setSpacing(2);
    nameColumn->addWidget(m_name);
    nameColumn->addWidget(m_nameMessage);
    fieldsLayout()->addRow(tr("&Name:"), nameColumn);
    static_cast<QLabel *>(fieldsLayout()->labelForField(nameColumn))->setBuddy(m_name);

    tabs()->addTab(m_options->tablePage(), tr("&Options"));
    tabs()->addTab(m_options->jsonPage(), tr("&JSON"));
    addHistoryTab();
    addCommentsTab();
    contentLayout()->addWidget(m_options->message());

    registerField(QStringLiteral("name"), m_nameMessage);
    registerField(QStringLiteral("options"), m_options->message());

    connect(m_name, &QLineEdit::textEdited, this, [this] {
        checkName();
        markEdited();
    });
    connect(m_options, &OptionsEditor::edited, this, &FeatureForm::markEdited);

    setTabOrder(m_name, tabs());
    resize(760, 560);
    finishSetup();
    if (isNew())
        m_name->setFocus();
}

QString FeatureForm::keyFor(const QUuid &id)
{
    return WorkItemForm::keyFor(EntityType::Feature, id);
}

WorkItemForm::ItemState FeatureForm::shownState() const
{
    return stateOf(m_shown);
}

Call<int> FeatureForm::fetchLatest()
{
    return session().backend().getFeature(itemId()).map(this, [this](Feature feature) {
        m_latest = feature;
        return feature.version;
    });
}

void FeatureForm::showLatest()
{
    if (!m_latest)
        return;
    m_shown = m_latest;
    setItemId(m_shown->id);
    m_name->setText(m_shown->name);
    m_nameMessage->clearProblem();
    m_options->setOptions(m_shown->options);
}

void FeatureForm::checkName()
{
    const auto problem = validate::featureName(m_name->text());
    m_nameMessage->showProblem(problem ? problem->translated() : QString());
}

bool FeatureForm::editsValid() const
{
    return !validate::featureName(m_name->text()) && m_options->isValid();
}

Call<void> FeatureForm::saveEdits()
{
    const auto keep = [this](Feature saved) { m_latest = std::move(saved); };
    if (!m_shown)
        return session().backend().createFeature(NewFeature{m_name->text(), m_options->options()}).map(this, keep);
    FeaturePatch patch;
    if (normalizedText(m_name->text()) != m_shown->name)
        patch.name = m_name->text();
    if (m_options->options() != m_shown->options)
        patch.options = m_options->options();
    return session().backend().updateFeature(m_shown->id, patch, m_shown->version).map(this, keep);
}

void FeatureForm::setEditorsEnabled(bool enabled)
{
    m_name->setReadOnly(!enabled);
    setReadOnlyLook(m_name, !enabled);
    m_options->setReadOnly(!enabled);
}

QString FeatureForm::windowTitleText() const
{
    if (!m_shown)
        return tr("New feature");
    return tr("Feature ‘%1’").arg(m_shown->name);
}

Call<void> FeatureForm::transition(WorkflowAction action, const QString &comment)
{
    return session()
        .backend()
        .transitionFeature(m_shown->id, action, m_shown->version, comment)
        .map(this, [this](Feature moved) { m_latest = std::move(moved); });
}

Call<QList<AuditEvent>> FeatureForm::history()
{
    return session().backend().featureHistory(itemId());
}

QString FeatureForm::titleForReview() const
{
    return m_shown ? m_shown->name : QString();
}

} // namespace signoff
