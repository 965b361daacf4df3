// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QString>
#include <memory>

class QThread;

namespace signoff {

class Services;

// Sends the webhook outbox (docs/design.md, "Webhooks") from a thread of its own:
// claims due deliveries through WebhookService (one at a time per endpoint,
// in the feed's order; on PostgreSQL each by one instance only), checks the
// target's addresses again and connects to an address it checked (no DNS
// rebinding), posts the signed event (Standard Webhooks headers) with a
// time limit and no redirects, and reports each attempt back, which decides
// about retries. Bounded: WebhookOptions::maxInFlight requests at once, 1 KiB
// of each answer read. Options come from Services::options().webhooks.
class WebhookDispatcher
{
public:
    explicit WebhookDispatcher(Services &services);
    ~WebhookDispatcher(); // stop()s
    WebhookDispatcher(const WebhookDispatcher &) = delete;
    WebhookDispatcher &operator=(const WebhookDispatcher &) = delete;

    // Starts the thread (and the audit feed, whose positions order the
    // deliveries). Idempotent.
    void start();
    // Interrupts what is in flight (recorded as an attempt to retry), stops
    // the thread. Idempotent.
    void stop();
    bool isRunning() const;

    // Who this dispatcher is in the outbox's leases: unique per process.
    QString owner() const { return m_owner; }

private:
    class Worker;

    Services &m_services;
    const QString m_owner;
    std::unique_ptr<QThread> m_thread;
    Worker *m_worker = nullptr; // lives in m_thread
};

} // namespace signoff
