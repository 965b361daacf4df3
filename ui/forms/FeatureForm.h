// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "WorkItemForm.h"
#include "domain/Feature.h"

#include <optional>

class QLineEdit;

namespace signoff {

class OptionsEditor;

// A feature: its name and options (key/value table and raw JSON), the
// details, history and workflow buttons.
class FeatureForm : public WorkItemForm
{
    Q_OBJECT
public:
    // An empty id: a new feature.
    FeatureForm(Session &session, const QUuid &id, QWidget *parent = nullptr);

    static QString keyFor(const QUuid &id);

protected:
    ItemState shownState() const override;
    Call<int> fetchLatest() override;
    void showLatest() override;
    Call<void> saveEdits() override;
    bool editsValid() const override;
    void setEditorsEnabled(bool enabled) override;
    QString duplicateField() const override { return QStringLiteral("name"); }
    QString windowTitleText() const override;
    Call<void> transition(WorkflowAction action, const QString &comment) override;
    Call<QList<AuditEvent>> history() override;
    QString titleForReview() const override;

private:
    void checkName();

    std::optional<Feature> m_shown;  // what the form was loaded from
    std::optional<Feature> m_latest; // what fetchLatest() or a save returned
    QLineEdit *m_name;
    FieldMessage *m_nameMessage;
    OptionsEditor *m_options;
};

} // namespace signoff
