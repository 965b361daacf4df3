// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReviewDialog.h"

#include "domain/Validation.h"
#include "support/FieldMessage.h"
#include "support/Format.h"

#include <QDialogButtonBox>
#include <QShortcut>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace signoff {

ReviewDialog::ReviewDialog(WorkflowAction action, const QStringList &itemTitles, QWidget *parent)
    : QDialog(parent)
    , m_action(action)
    , m_edit(new QPlainTextEdit(this))
    , m_message(new FieldMessage(this))
{
    setObjectName(QStringLiteral("reviewDialog"));
    const bool reject = Workflow::requiresReason(action);
    const qsizetype count = itemTitles.size();
    if (reject)
        setWindowTitle(count == 1 ? tr("Reject ‘%1’").arg(itemTitles.first()) : tr("Reject %n items", nullptr, int(count)));
    else
        setWindowTitle(count == 1 ? tr("Approve ‘%1’").arg(itemTitles.first()) : tr("Approve %n items", nullptr, int(count)));

    auto *prompt = new QLabel(this);
    prompt->setWordWrap(true);
    prompt->setText(reject ? tr("Why is it rejected? The owner sees this reason.")
                           : tr("Add a comment for the owner (optional)."));
    prompt->setBuddy(m_edit);
    m_edit->setObjectName(QStringLiteral("commentEdit"));
    m_edit->setAccessibleName(reject ? tr("Reason") : tr("Comment"));
    m_edit->setPlaceholderText(reject ? tr("Reason (required)") : tr("Comment (optional)"));
    m_edit->setTabChangesFocus(true);
    m_message->setObjectName(QStringLiteral("commentMessage"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_confirm = buttons->addButton(Format::action(action), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_confirm->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter makes a new line in the text; Ctrl+Enter confirms, as in a chat.
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        connect(new QShortcut(keys, this), &QShortcut::activated, this, [this] {
            if (m_confirm->isEnabled())
                m_confirm->click();
        });
    }
    m_confirm->setToolTip(tr("%1 (Ctrl+Enter)").arg(Format::action(action)));

    auto *layout = new QVBoxLayout(this);
    if (count > 1) {
        auto *list = new QLabel(this);
        list->setTextFormat(Qt::PlainText);
        list->setWordWrap(true);
        QStringList shown = itemTitles.mid(0, 8);
        if (count > shown.size())
            shown.append(tr("… and %n more", nullptr, int(count - shown.size())));
        list->setText(shown.join(u'\n'));
        layout->addWidget(list);
    }
    layout->addWidget(prompt);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(460, 260);

    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        m_typed = true;
        check();
    });
    check();
    m_edit->setFocus();
}

QString ReviewDialog::text() const
{
    return normalizedText(m_edit->toPlainText());
}

void ReviewDialog::check()
{
    const QString text = m_edit->toPlainText();
    const std::optional<Message> problem = Workflow::requiresReason(m_action) ? validate::reason(text)
                                                                             : validate::comment(text);
    m_confirm->setEnabled(!problem);
    // A missing reason is only worth saying once the person has started typing.
    if (problem && m_typed)
        m_message->showProblem(problem->translated());
    else
        m_message->clearProblem();
}

} // namespace signoff
