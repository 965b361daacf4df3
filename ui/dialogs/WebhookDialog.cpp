// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "WebhookDialog.h"

#include "Backend.h"
#include "support/FieldMessage.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>

namespace signoff {

WebhookDialog::WebhookDialog(Backend &backend, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_pages(new QStackedWidget(this))
    , m_url(new QLineEdit(this))
    , m_urlMessage(new FieldMessage(this))
    , m_events(new QPlainTextEdit(this))
    , m_eventsMessage(new FieldMessage(this))
    , m_active(new QCheckBox(tr("&Active: send deliveries to it"), this))
    , m_problem(new QLabel(this))
    , m_secret(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_create(m_buttons->addButton(tr("C&reate"), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("webhookDialog"));
    setWindowTitle(tr("New webhook"));
    m_url->setObjectName(QStringLiteral("webhookUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://hooks.example.com/signoff"));
    m_urlMessage->setObjectName(QStringLiteral("webhookUrlMessage"));
    m_events->setObjectName(QStringLiteral("webhookEvents"));
    m_events->setPlaceholderText(tr("feature.approved\norder.*"));
    m_events->setTabChangesFocus(true);
    m_events->setMaximumHeight(m_events->fontMetrics().lineSpacing() * 6);
    m_eventsMessage->setObjectName(QStringLiteral("webhookEventsMessage"));
    m_active->setObjectName(QStringLiteral("webhookActive"));
    m_active->setChecked(true);
    m_problem->setObjectName(QStringLiteral("webhookProblem"));
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);
    m_create->setObjectName(QStringLiteral("createWebhookButton"));
    m_create->setDefault(true);

    auto *form = new QWidget(m_pages);
    auto *fields = new QFormLayout(form);
    fields->addRow(tr("&URL:"), m_url);
    fields->addRow(QString(), m_urlMessage);
    fields->addRow(tr("&Events:"), m_events);
    auto *hint = new QLabel(tr("One event type per line or comma separated; “order.*” means every order event, “*” "
                               "every event."),
                            form);
    hint->setWordWrap(true);
    fields->addRow(QString(), hint);
    fields->addRow(QString(), m_eventsMessage);
    fields->addRow(QString(), m_active);
    fields->addRow(m_problem);
    m_pages->addWidget(form);

    auto *secretPage = new QWidget(m_pages);
    auto *secretLayout = new QVBoxLayout(secretPage);
    auto *note = new QLabel(tr("The webhook is registered. This is its signing secret; receivers use it to check the "
                               "webhook-signature header. <b>It is shown only now</b>: copy it and keep it safe. If it "
                               "is lost, delete the webhook and register it again."),
                            secretPage);
    note->setObjectName(QStringLiteral("secretNote"));
    note->setWordWrap(true);
    note->setTextFormat(Qt::RichText);
    m_secret->setObjectName(QStringLiteral("webhookSecret"));
    m_secret->setReadOnly(true);
    m_secret->setAccessibleName(tr("Signing secret"));
    auto *copy = new QPushButton(tr("&Copy"), secretPage);
    copy->setObjectName(QStringLiteral("copySecretButton"));
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(copy);
    secretLayout->addWidget(note);
    secretLayout->addLayout(secretRow);
    secretLayout->addStretch(1);
    m_pages->addWidget(secretPage);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_buttons);

    connect(m_create, &QPushButton::clicked, this, &WebhookDialog::create);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &WebhookDialog::reject);
    connect(copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_secret->text());
        m_secret->selectAll();
    });
    setMinimumWidth(480);
}

QStringList WebhookDialog::splitEvents(const QString &text)
{
    QStringList events;
    const QStringList parts = text.split(QRegularExpression(QStringLiteral("[,\\n]")));
    for (const QString &part : parts) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            events.append(trimmed);
    }
    return events;
}

void WebhookDialog::reject()
{
    // While the server makes the endpoint, closing would lose its secret.
    if (m_busy)
        return;
    QDialog::reject();
}

void WebhookDialog::setBusy(bool busy)
{
    m_busy = busy;
    if (!m_create)
        return;
    m_create->setEnabled(!busy);
    m_create->setText(busy ? tr("Creating…") : tr("C&reate"));
    if (QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel))
        cancel->setEnabled(!busy);
    for (QWidget *field : {static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_events),
                           static_cast<QWidget *>(m_active)})
        field->setEnabled(!busy);
}

void WebhookDialog::create()
{
    if (m_busy || m_created)
        return;
    m_urlMessage->clearProblem();
    m_eventsMessage->clearProblem();
    m_problem->setVisible(false);
    NewWebhook input;
    input.url = m_url->text().trimmed();
    input.events = splitEvents(m_events->toPlainText());
    input.active = m_active->isChecked();
    setBusy(true);
    m_backend.createWebhook(input).then(this, [this](Result<WebhookEndpoint> made) {
        setBusy(false);
        if (!made) {
            const Error &error = made.error();
            QStringList others;
            for (const FieldError &field : error.fields) {
                if (field.field == QLatin1String("url"))
                    m_urlMessage->showProblem(field.message.translated());
                else if (field.field.startsWith(QLatin1String("events")))
                    m_eventsMessage->showProblem(field.message.translated());
                else
                    others.append(field.message.translated());
            }
            if (error.fields.isEmpty())
                others.append(error.translatedSummary());
            if (!others.isEmpty()) {
                m_problem->setText(others.join(QLatin1Char('\n')));
                m_problem->setVisible(true);
            }
            if (error.fields.isEmpty() || error.fields.first().field == QLatin1String("url"))
                m_url->setFocus();
            else
                m_events->setFocus();
            return;
        }
        showSecret(made.value());
    });
}

void WebhookDialog::showSecret(const WebhookEndpoint &endpoint)
{
    m_created = endpoint;
    m_secret->setText(endpoint.secret);
    m_pages->setCurrentIndex(1);
    m_buttons->clear();
    m_create = nullptr;
    QPushButton *close = m_buttons->addButton(tr("&Close"), QDialogButtonBox::AcceptRole);
    close->setObjectName(QStringLiteral("closeButton"));
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    m_secret->setFocus();
    m_secret->selectAll();
}

} // namespace signoff
