// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Result.h"
#include "domain/Webhook.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace signoff {

class ChangeListener;
class MessageBanner;
class Session;

// Webhooks for administrators (docs/design.md, "The desktop" and "Webhooks"): the
// registered endpoints, New… (the secret shown once), Activate/Deactivate,
// Delete, and the selected endpoint's delivery log with Redeliver. Every
// call is asynchronous; the page reloads on F5, its Refresh button, after
// its own changes, and (the delivery log) when the events it follows happen.
class WebhooksPage : public QWidget
{
    Q_OBJECT
public:
    // How many of an endpoint's newest deliveries the log shows.
    static constexpr int deliveriesShown = 100;

    explicit WebhooksPage(Session &session, QWidget *parent = nullptr);

    QString title() const;
    void refresh();
    // Opens the dialog for a new endpoint (modal).
    void createWebhook();
    void toggleActive();
    void deleteSelected();
    void redeliverSelected();

    std::optional<WebhookEndpoint> selectedEndpoint() const;

signals:
    void statusMessage(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loadEndpoints(const QString &after, QList<WebhookEndpoint> found, int generation);
    void showEndpoints(const QList<WebhookEndpoint> &endpoints);
    void loadDeliveries();
    void showDeliveries(const QList<WebhookDelivery> &deliveries);
    void updateButtons();
    void failed(const Error &error);
    // "Pending", "Retrying", "Delivered", "Failed".
    static QString statusText(const WebhookDelivery &delivery);

    Session &m_session;
    MessageBanner *m_banner;
    QTreeWidget *m_endpoints;
    QTreeWidget *m_deliveries;
    QLabel *m_deliveriesTitle;
    QPushButton *m_new;
    QPushButton *m_toggle;
    QPushButton *m_delete;
    QPushButton *m_refresh;
    QPushButton *m_redeliver;
    ChangeListener *m_watcher;
    QList<WebhookEndpoint> m_loaded;
    QList<WebhookDelivery> m_log;
    int m_endpointGeneration = 0;
    int m_deliveryGeneration = 0;
    bool m_loadedOnce = false;
    bool m_loading = false;
    bool m_busy = false; // a change under way
};

} // namespace signoff
