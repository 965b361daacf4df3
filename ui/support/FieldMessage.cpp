#include "FieldMessage.h"

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
}

void FieldMessage::clearProblem()
{
    showProblem(QString());
}

} // namespace signoff
