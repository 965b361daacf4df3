#pragma once

class QWidget;

namespace signoff {

// Gives an editor that cannot be edited now the window's background, so a
// read-only field does not look like one waiting for input.
void setReadOnlyLook(QWidget *editor, bool readOnly);

} // namespace signoff
