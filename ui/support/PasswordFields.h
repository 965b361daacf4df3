// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>

class QFormLayout;
class QLineEdit;

namespace signoff {

class FieldMessage;

// A new password entered twice: core's password rule as it is typed, and
// the check that both entries agree.
class PasswordFields : public QObject
{
    Q_OBJECT
public:
    // `optional`: empty means "keep the current password" (editing a user).
    PasswordFields(QWidget *parent, bool optional);

    // Adds the two rows (with their messages) to a form layout.
    void addTo(QFormLayout *layout, const QString &label, const QString &repeatLabel);

    QString password() const;
    bool isEmpty() const;
    bool isValid() const;
    void clear();
    void setEnabled(bool enabled);
    QLineEdit *first() const { return m_first; }
    QLineEdit *second() const { return m_second; }
    FieldMessage *message() const { return m_message; }
    FieldMessage *repeatMessage() const { return m_repeatMessage; }

signals:
    void edited();

private:
    void check();

    bool m_optional;
    QLineEdit *m_first;
    QLineEdit *m_second;
    FieldMessage *m_message;
    FieldMessage *m_repeatMessage;
};

} // namespace signoff
