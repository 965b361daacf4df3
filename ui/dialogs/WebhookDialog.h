// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Webhook.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace signoff {

class Backend;
class FieldMessage;

// A new webhook endpoint (docs/design.md, "Webhooks"): its URL, the event
// patterns it wants (one per line or comma separated) and whether it is
// active. Once made, the dialog shows the signing secret, the only time
// anything shows it, in a read-only field with a Copy button.
class WebhookDialog : public QDialog
{
    Q_OBJECT
public:
    explicit WebhookDialog(Backend &backend, QWidget *parent = nullptr);

    // The endpoint made (with its secret), if one was.
    const std::optional<WebhookEndpoint> &created() const { return m_created; }

    // "a, b\nc" → {"a", "b", "c"}
    static QStringList splitEvents(const QString &text);

public slots:
    void reject() override;

private:
    void create();
    void showSecret(const WebhookEndpoint &endpoint);
    void setBusy(bool busy);

    Backend &m_backend;
    QStackedWidget *m_pages;
    QLineEdit *m_url;
    FieldMessage *m_urlMessage;
    QPlainTextEdit *m_events;
    FieldMessage *m_eventsMessage;
    QCheckBox *m_active;
    QLabel *m_problem;
    QLineEdit *m_secret;
    QDialogButtonBox *m_buttons;
    QPushButton *m_create;
    std::optional<WebhookEndpoint> m_created;
    bool m_busy = false;
};

} // namespace signoff
