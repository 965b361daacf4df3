// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "WebhooksPage.h"

#include "Backend.h"
#include "Session.h"
#include "dialogs/WebhookDialog.h"
#include "support/ChangeListener.h"
#include "support/Format.h"
#include "support/Icons.h"
#include "support/MessageBanner.h"

#include <QBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>

namespace signoff {

namespace {

constexpr int endpointPageSize = 200;

QTreeWidget *makeList(const QStringList &headers, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAlternatingRowColors(true);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setHeaderLabels(headers);
    list->header()->setStretchLastSection(false);
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return list;
}

} // namespace

WebhooksPage::WebhooksPage(Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_banner(new MessageBanner(this))
    , m_endpoints(makeList({tr("URL"), tr("Events"), tr("State"), tr("Created")}, this))
    , m_deliveries(makeList({tr("Time"), tr("Event"), tr("Status"), tr("Attempts"), tr("Last response"),
                             tr("Duration")},
                            this))
    , m_deliveriesTitle(new QLabel(this))
    , m_new(new QPushButton(themeIcon("list-add", QStyle::SP_FileIcon), tr("&New…"), this))
    , m_toggle(new QPushButton(tr("&Deactivate"), this))
    , m_delete(new QPushButton(themeIcon("edit-delete", QStyle::SP_TrashIcon), tr("De&lete…"), this))
    , m_refresh(new QPushButton(themeIcon("view-refresh", QStyle::SP_BrowserReload), tr("Re&fresh"), this))
    , m_redeliver(new QPushButton(themeIcon("mail-send", QStyle::SP_ArrowRight), tr("&Redeliver"), this))
    , m_watcher(new ChangeListener(session.backend(),
                                   {EntityType::Feature, EntityType::Order, EntityType::Product, EntityType::User,
                                    EntityType::Policy},
                                   this))
{
    setObjectName(QStringLiteral("webhooksPage"));
    m_banner->setObjectName(QStringLiteral("webhooksBanner"));
    m_banner->clear();
    m_endpoints->setObjectName(QStringLiteral("webhookList"));
    m_endpoints->setAccessibleName(tr("Webhooks"));
    m_endpoints->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_deliveries->setObjectName(QStringLiteral("deliveryList"));
    m_deliveries->setAccessibleName(tr("Delivery log"));
    m_deliveries->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_deliveriesTitle->setObjectName(QStringLiteral("deliveriesTitle"));
    m_new->setObjectName(QStringLiteral("newWebhookButton"));
    m_toggle->setObjectName(QStringLiteral("toggleWebhookButton"));
    m_delete->setObjectName(QStringLiteral("deleteWebhookButton"));
    m_refresh->setObjectName(QStringLiteral("refreshWebhooksButton"));
    m_refresh->setToolTip(tr("Load the webhooks and the delivery log again (F5)"));
    m_redeliver->setObjectName(QStringLiteral("redeliverButton"));
    m_redeliver->setToolTip(tr("Send the selected delivery again, with a fresh day of retries"));

    auto *intro = new QLabel(tr("Signoff sends the events an endpoint asks for to its URL, signed with its secret, "
                                "and retries for a day when the receiver fails."),
                             this);
    intro->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_toggle);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(m_refresh);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(intro);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_endpoints, 1);

    auto *logButtons = new QHBoxLayout;
    logButtons->addWidget(m_deliveriesTitle, 1);
    logButtons->addWidget(m_redeliver);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addLayout(logButtons);
    bottomLayout->addWidget(m_deliveries, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);

    connect(m_new, &QPushButton::clicked, this, &WebhooksPage::createWebhook);
    connect(m_toggle, &QPushButton::clicked, this, &WebhooksPage::toggleActive);
    connect(m_delete, &QPushButton::clicked, this, &WebhooksPage::deleteSelected);
    connect(m_refresh, &QPushButton::clicked, this, &WebhooksPage::refresh);
    connect(m_redeliver, &QPushButton::clicked, this, &WebhooksPage::redeliverSelected);
    connect(m_banner, &MessageBanner::actionTriggered, this, &WebhooksPage::refresh);
    connect(m_endpoints, &QTreeWidget::itemSelectionChanged, this, [this] {
        loadDeliveries();
        updateButtons();
    });
    connect(m_deliveries, &QTreeWidget::itemSelectionChanged, this, &WebhooksPage::updateButtons);
    // Events bring deliveries; a hidden page catches up when it is shown.
    connect(m_watcher, &ChangeListener::changed, this, [this] {
        if (isVisible())
            loadDeliveries();
    });
    updateButtons();
    loadDeliveries();
}

QString WebhooksPage::title() const
{
    return tr("Webhooks");
}

void WebhooksPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce && !m_loading)
        refresh();
    else if (m_loadedOnce)
        loadDeliveries();
}

void WebhooksPage::refresh()
{
    m_loading = true;
    updateButtons();
    loadEndpoints(QString(), {}, ++m_endpointGeneration);
}

void WebhooksPage::loadEndpoints(const QString &after, QList<WebhookEndpoint> found, int generation)
{
    m_session.backend()
        .listWebhooks(PageRequest{endpointPageSize, after})
        .then(this, [this, found, generation](Result<Page<WebhookEndpoint>> page) mutable {
            if (generation != m_endpointGeneration)
                return; // a newer load is under way
            if (!page) {
                m_loading = false;
                failed(page.error());
                updateButtons();
                return;
            }
            found.append(page->items);
            if (!page->next.isEmpty()) {
                loadEndpoints(page->next, std::move(found), generation);
                return;
            }
            m_loading = false;
            m_loadedOnce = true;
            m_banner->clear();
            showEndpoints(found);
        });
}

void WebhooksPage::showEndpoints(const QList<WebhookEndpoint> &endpoints)
{
    const std::optional<WebhookEndpoint> selected = selectedEndpoint();
    m_loaded = endpoints;
    const QSignalBlocker blocker(m_endpoints);
    m_endpoints->clear();
    QTreeWidgetItem *reselect = nullptr;
    for (const WebhookEndpoint &endpoint : endpoints) {
        auto *item = new QTreeWidgetItem(m_endpoints);
        item->setText(0, endpoint.url);
        item->setToolTip(0, endpoint.url);
        item->setText(1, endpoint.events.join(QStringLiteral(", ")));
        item->setText(2, endpoint.active ? tr("Active") : tr("Paused"));
        item->setText(3, Format::dateTime(endpoint.createdAt));
        item->setData(0, Qt::UserRole, endpoint.id);
        if (!endpoint.active)
            item->setForeground(2, palette().brush(QPalette::Disabled, QPalette::Text));
        if (selected && selected->id == endpoint.id)
            reselect = item;
    }
    if (!reselect && m_endpoints->topLevelItemCount() > 0)
        reselect = m_endpoints->topLevelItem(0);
    if (reselect) {
        m_endpoints->setCurrentItem(reselect);
        reselect->setSelected(true);
    }
    loadDeliveries();
    updateButtons();
}

std::optional<WebhookEndpoint> WebhooksPage::selectedEndpoint() const
{
    const QList<QTreeWidgetItem *> items = m_endpoints->selectedItems();
    if (items.isEmpty())
        return std::nullopt;
    const QUuid id = items.first()->data(0, Qt::UserRole).toUuid();
    for (const WebhookEndpoint &endpoint : m_loaded) {
        if (endpoint.id == id)
            return endpoint;
    }
    return std::nullopt;
}

void WebhooksPage::loadDeliveries()
{
    const int generation = ++m_deliveryGeneration;
    const std::optional<WebhookEndpoint> endpoint = selectedEndpoint();
    if (!endpoint) {
        m_deliveriesTitle->setText(tr("Select a webhook to see its deliveries."));
        showDeliveries({});
        return;
    }
    m_deliveriesTitle->setText(tr("Deliveries to %1 (newest first)").arg(endpoint->url));
    m_session.backend()
        .webhookDeliveries(endpoint->id, PageRequest{deliveriesShown, QString()})
        .then(this, [this, generation](Result<Page<WebhookDelivery>> page) {
            if (generation != m_deliveryGeneration)
                return;
            if (!page) {
                failed(page.error());
                return;
            }
            showDeliveries(page->items);
        });
}

QString WebhooksPage::statusText(const WebhookDelivery &delivery)
{
    switch (delivery.status) {
    case DeliveryStatus::Pending: return delivery.attemptCount > 0 ? tr("Retrying") : tr("Pending");
    case DeliveryStatus::Delivered: return tr("Delivered");
    case DeliveryStatus::Failed: return tr("Failed");
    }
    return {};
}

void WebhooksPage::showDeliveries(const QList<WebhookDelivery> &deliveries)
{
    QUuid selected;
    if (const QList<QTreeWidgetItem *> items = m_deliveries->selectedItems(); !items.isEmpty())
        selected = items.first()->data(0, Qt::UserRole).toUuid();
    m_log = deliveries;
    const QSignalBlocker blocker(m_deliveries);
    m_deliveries->clear();
    for (const WebhookDelivery &delivery : deliveries) {
        auto *item = new QTreeWidgetItem(m_deliveries);
        const QDateTime at = delivery.lastAttemptAt.isValid() ? delivery.lastAttemptAt : delivery.createdAt;
        item->setText(0, Format::dateTime(at));
        item->setText(1, delivery.eventType);
        item->setText(2, statusText(delivery));
        item->setText(3, QLocale().toString(delivery.attemptCount));
        item->setText(4, delivery.lastResponseCode ? QString::number(*delivery.lastResponseCode)
                                                   : QStringLiteral("—"));
        QString duration = QStringLiteral("—");
        if (!delivery.attempts.isEmpty()) {
            const WebhookAttempt &last = delivery.attempts.last();
            duration = tr("%1 ms").arg(QLocale().toString(last.durationMs));
            const QString detail = last.error.isEmpty() ? last.response : last.error;
            if (!detail.isEmpty())
                item->setToolTip(4, detail);
        }
        item->setText(5, duration);
        item->setData(0, Qt::UserRole, delivery.id);
        if (delivery.id == selected)
            item->setSelected(true);
    }
    updateButtons();
}

void WebhooksPage::createWebhook()
{
    if (!m_session.isAdmin())
        return;
    WebhookDialog dialog(m_session.backend(), this);
    dialog.exec();
    if (const auto &made = dialog.created()) {
        emit statusMessage(tr("Registered the webhook %1.").arg(made->url));
        refresh();
    }
}

void WebhooksPage::toggleActive()
{
    const std::optional<WebhookEndpoint> endpoint = selectedEndpoint();
    if (!endpoint || m_busy)
        return;
    WebhookPatch patch;
    patch.active = !endpoint->active;
    m_busy = true;
    updateButtons();
    m_session.backend().updateWebhook(endpoint->id, patch, endpoint->version).then(this, [this](Result<WebhookEndpoint> saved) {
        m_busy = false;
        if (!saved) {
            failed(saved.error());
            updateButtons();
            return;
        }
        emit statusMessage(saved->active ? tr("The webhook %1 is active again.").arg(saved->url)
                                         : tr("The webhook %1 is paused: nothing is sent to it.").arg(saved->url));
        refresh();
    });
}

void WebhooksPage::deleteSelected()
{
    const std::optional<WebhookEndpoint> endpoint = selectedEndpoint();
    if (!endpoint || m_busy)
        return;
    QMessageBox box(QMessageBox::Question, tr("Delete webhook"),
                    tr("Delete the webhook %1? Nothing more is sent to it, and its delivery log goes too.")
                        .arg(endpoint->url),
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("confirmDeleteBox"));
    QPushButton *confirm = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != confirm)
        return;
    m_busy = true;
    updateButtons();
    const QString url = endpoint->url;
    m_session.backend().removeWebhook(endpoint->id, endpoint->version).then(this, [this, url](Result<void> removed) {
        m_busy = false;
        if (!removed) {
            failed(removed.error());
            updateButtons();
            return;
        }
        emit statusMessage(tr("Deleted the webhook %1.").arg(url));
        refresh();
    });
}

void WebhooksPage::redeliverSelected()
{
    const std::optional<WebhookEndpoint> endpoint = selectedEndpoint();
    const QList<QTreeWidgetItem *> items = m_deliveries->selectedItems();
    if (!endpoint || items.isEmpty() || m_busy)
        return;
    const QUuid deliveryId = items.first()->data(0, Qt::UserRole).toUuid();
    m_busy = true;
    updateButtons();
    m_session.backend().redeliverWebhook(endpoint->id, deliveryId).then(this, [this](Result<WebhookDelivery> queued) {
        m_busy = false;
        if (!queued) {
            failed(queued.error());
            updateButtons();
            return;
        }
        emit statusMessage(tr("The %1 delivery is queued to be sent again.").arg(queued->eventType));
        loadDeliveries();
        updateButtons();
    });
}

void WebhooksPage::failed(const Error &error)
{
    if (error.kind == ErrorKind::PreconditionFailed || error.kind == ErrorKind::NotFound) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Someone else changed or deleted this webhook meanwhile. Refresh to see it as it is."),
                              tr("Refresh"));
        return;
    }
    m_banner->showMessage(MessageBanner::Kind::Error, error.translatedSummary(), tr("Try again"));
}

void WebhooksPage::updateButtons()
{
    const std::optional<WebhookEndpoint> endpoint = selectedEndpoint();
    const bool admin = m_session.isAdmin();
    m_new->setEnabled(admin);
    m_toggle->setEnabled(admin && endpoint && !m_busy);
    m_toggle->setText(endpoint && !endpoint->active ? tr("&Activate") : tr("&Deactivate"));
    m_delete->setEnabled(admin && endpoint && !m_busy);
    m_redeliver->setEnabled(admin && endpoint && !m_busy && !m_deliveries->selectedItems().isEmpty());
    m_refresh->setEnabled(!m_loading);
}

} // namespace signoff
