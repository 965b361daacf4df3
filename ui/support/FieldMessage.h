// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLabel>

namespace signoff {

// The line under a form field that says what is wrong with it, in core's
// words. Hidden while there is nothing to say.
class FieldMessage : public QLabel
{
    Q_OBJECT
public:
    explicit FieldMessage(QWidget *parent = nullptr);

    void showProblem(const QString &text);
    void clearProblem();

private:
    void growDialogToFit();
    bool hasProblem() const { return !text().isEmpty(); }
};

} // namespace signoff
