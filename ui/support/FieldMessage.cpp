// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FieldMessage.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>

namespace signoff {

FieldMessage::FieldMessage(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette warning = palette();
    warning.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    setPalette(warning);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    setFont(small);
    hide();
}

void FieldMessage::showProblem(const QString &text)
{
    setText(text);
    setAccessibleDescription(text);
    setVisible(!text.isEmpty());
    if (!text.isEmpty())
        growDialogToFit();
}

void FieldMessage::growDialogToFit()
{
    // A dialog does not grow by itself for a word-wrapped label (its minimum
    // size ignores height-for-width), so a two-line message would be cut off.
    QPointer<QDialog> dialog = qobject_cast<QDialog *>(window());
    if (!dialog)
        return;
    QTimer::singleShot(0, dialog, [dialog] {
        const int needed = dialog->hasHeightForWidth() ? dialog->heightForWidth(dialog->width())
                                                       : dialog->sizeHint().height();
        if (needed > dialog->height())
            dialog->resize(dialog->width(), needed);
    });
}

void FieldMessage::clearProblem()
{
    showProblem(QString());
}

} // namespace signoff
