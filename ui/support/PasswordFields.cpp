// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PasswordFields.h"

#include "FieldMessage.h"
#include "domain/Validation.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace signoff {

PasswordFields::PasswordFields(QWidget *parent, bool optional)
    : QObject(parent)
    , m_optional(optional)
    , m_first(new QLineEdit(parent))
    , m_second(new QLineEdit(parent))
    , m_message(new FieldMessage(parent))
    , m_repeatMessage(new FieldMessage(parent))
{
    m_first->setObjectName(QStringLiteral("passwordEdit"));
    m_first->setEchoMode(QLineEdit::Password);
    m_first->setAccessibleName(tr("Password"));
    m_second->setObjectName(QStringLiteral("repeatPasswordEdit"));
    m_second->setEchoMode(QLineEdit::Password);
    m_second->setAccessibleName(tr("Repeat the password"));
    m_message->setObjectName(QStringLiteral("passwordMessage"));
    m_repeatMessage->setObjectName(QStringLiteral("repeatPasswordMessage"));
    if (optional)
        m_first->setPlaceholderText(tr("Leave empty to keep the current password"));
    connect(m_first, &QLineEdit::textEdited, this, [this] {
        check();
        emit edited();
    });
    connect(m_second, &QLineEdit::textEdited, this, [this] {
        check();
        emit edited();
    });
}

void PasswordFields::addTo(QFormLayout *layout, const QString &label, const QString &repeatLabel)
{
    const auto row = [this, layout](const QString &text, QLineEdit *edit, FieldMessage *message) {
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        column->addWidget(edit);
        column->addWidget(message);
        auto *caption = new QLabel(text, edit->parentWidget());
        caption->setBuddy(edit);
        layout->addRow(caption, column);
    };
    row(label, m_first, m_message);
    row(repeatLabel, m_second, m_repeatMessage);
}

QString PasswordFields::password() const
{
    return m_first->text();
}

bool PasswordFields::isEmpty() const
{
    return m_first->text().isEmpty() && m_second->text().isEmpty();
}

bool PasswordFields::isValid() const
{
    if (m_optional && isEmpty())
        return true;
    return !validate::password(m_first->text()) && m_first->text() == m_second->text();
}

void PasswordFields::clear()
{
    m_first->clear();
    m_second->clear();
    m_message->clearProblem();
    m_repeatMessage->clearProblem();
}

void PasswordFields::setEnabled(bool enabled)
{
    m_first->setEnabled(enabled);
    m_second->setEnabled(enabled);
}

void PasswordFields::check()
{
    if (m_optional && isEmpty()) {
        m_message->clearProblem();
        m_repeatMessage->clearProblem();
        return;
    }
    const auto problem = validate::password(m_first->text());
    m_message->showProblem(problem ? problem->translated() : QString());
    // Only once the second entry is as long as the first is a difference worth reporting.
    const bool differs = !m_second->text().isEmpty() && m_second->text().size() >= m_first->text().size()
                         && m_second->text() != m_first->text();
    m_repeatMessage->showProblem(differs ? tr("The two passwords are not the same.") : QString());
}

} // namespace signoff
