// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SettingsDialog.h"

#include "support/FieldMessage.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace signoff {

namespace {

// The shape of a numeric IPv4 or IPv6 address; the application makes the
// final check when it binds.
bool looksLikeAddress(const QString &text)
{
    static const QRegularExpression ipv4(QStringLiteral("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$"));
    static const QRegularExpression ipv6(QStringLiteral("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$"));
    const QRegularExpressionMatch match = ipv4.match(text);
    if (match.hasMatch()) {
        for (int part = 1; part <= 4; ++part) {
            if (match.captured(part).toInt() > 255)
                return false;
        }
        return true;
    }
    return ipv6.match(text).hasMatch();
}

bool isLoopback(const QString &text)
{
    return text.startsWith(QStringLiteral("127.")) || text == QStringLiteral("::1");
}

} // namespace

SettingsDialog::SettingsDialog(const RestSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_enabled(new QCheckBox(tr("&Serve the REST API while this window is open"), this))
    , m_notifications(new QCheckBox(tr("Show &notifications: items that wait for my review, and decisions and comments on my items"), this))
    , m_address(new QLineEdit(settings.address, this))
    , m_addressMessage(new FieldMessage(this))
    , m_port(new QSpinBox(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_enabled->setObjectName(QStringLiteral("restEnabledCheck"));
    m_enabled->setChecked(settings.enabled);
    m_address->setObjectName(QStringLiteral("restAddressEdit"));
    m_address->setAccessibleName(tr("Listen address"));
    m_addressMessage->setObjectName(QStringLiteral("restAddressMessage"));
    m_port->setObjectName(QStringLiteral("restPortSpin"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(1, 65535);
    m_port->setValue(settings.port);
    m_hint->setWordWrap(true);
    m_hint->setObjectName(QStringLiteral("restHint"));

    auto *group = new QGroupBox(tr("REST server"), this);
    auto *form = new QFormLayout(group);
    form->addRow(m_enabled);
    auto *addressColumn = new QVBoxLayout;
    addressColumn->setSpacing(2);
    addressColumn->addWidget(m_address);
    addressColumn->addWidget(m_addressMessage);
    auto *addressLabel = new QLabel(tr("&Address:"), group);
    addressLabel->setBuddy(m_address);
    form->addRow(addressLabel, addressColumn);
    auto *portLabel = new QLabel(tr("&Port:"), group);
    portLabel->setBuddy(m_port);
    form->addRow(portLabel, m_port);
    form->addRow(m_hint);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("okButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_notifications->setObjectName(QStringLiteral("notificationsCheck"));
    m_notifications->setChecked(true);
    auto *notificationsGroup = new QGroupBox(tr("Notifications"), this);
    auto *notificationsLayout = new QVBoxLayout(notificationsGroup);
    notificationsLayout->addWidget(m_notifications);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(notificationsGroup);
    layout->addWidget(group);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_enabled, &QCheckBox::toggled, this, &SettingsDialog::check);
    connect(m_address, &QLineEdit::textChanged, this, &SettingsDialog::check);
    check();
    resize(480, sizeHint().height());
}

RestSettings SettingsDialog::settings() const
{
    RestSettings settings;
    settings.enabled = m_enabled->isChecked();
    settings.address = m_address->text().trimmed();
    settings.port = quint16(m_port->value());
    return settings;
}

void SettingsDialog::setNotificationsEnabled(bool enabled)
{
    m_notifications->setChecked(enabled);
}

bool SettingsDialog::notificationsEnabled() const
{
    return m_notifications->isChecked();
}

void SettingsDialog::check()
{
    const bool enabled = m_enabled->isChecked();
    m_address->setEnabled(enabled);
    m_port->setEnabled(enabled);
    const QString address = m_address->text().trimmed();
    const bool valid = looksLikeAddress(address);
    m_addressMessage->showProblem(enabled && !valid ? tr("Enter a numeric IP address, such as 127.0.0.1.") : QString());
    m_ok->setEnabled(!enabled || valid);
    if (!enabled)
        m_hint->setText(tr("The REST API is off. Scripts and other programs cannot reach Signoff through this window."));
    else if (isLoopback(address))
        m_hint->setText(tr("Only programs on this computer can reach the API."));
    else
        m_hint->setText(tr("Other computers on the network can reach the API; they still need a user’s token."));
}

} // namespace signoff
