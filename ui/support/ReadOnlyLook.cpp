#include "ReadOnlyLook.h"

#include <QApplication>
#include <QPalette>
#include <QWidget>

namespace signoff {

void setReadOnlyLook(QWidget *editor, bool readOnly)
{
    QPalette palette = QApplication::palette(editor);
    if (readOnly)
        palette.setColor(QPalette::Base, palette.color(QPalette::Window));
    editor->setPalette(palette);
}

} // namespace signoff
