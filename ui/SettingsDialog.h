// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RestSettings.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace signoff {

class FieldMessage;

// The embedded REST server's address, port and on/off. The window applies
// the result at once; nothing needs a restart.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const RestSettings &settings, QWidget *parent = nullptr);

    RestSettings settings() const;
    void setNotificationsEnabled(bool enabled);
    bool notificationsEnabled() const;

private:
    void check();

    QCheckBox *m_enabled;
    QCheckBox *m_notifications;
    QLineEdit *m_address;
    FieldMessage *m_addressMessage;
    QSpinBox *m_port;
    QLabel *m_hint;
    QPushButton *m_ok;
};

} // namespace signoff
