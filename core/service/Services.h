// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "AuditFeed.h"
#include "AuditService.h"
#include "AuthService.h"
#include "ChangeNotifier.h"
#include "FeatureService.h"
#include "LoginThrottle.h"
#include "OrderService.h"
#include "PasswordHasher.h"
#include "PolicyService.h"
#include "ProductService.h"
#include "ServiceContext.h"
#include "ServiceOptions.h"
#include "StatsService.h"
#include "UserService.h"
#include "WebhookService.h"

namespace signoff {

// The one service layer: the desktop and the REST server are two doors onto
// the same instance. Every method is safe to call from any thread (each
// thread uses its own database connection).
class Services
{
public:
    Services(Database &database, ChangeNotifier &notifier, ServiceOptions options = {});
    Services(const Services &) = delete;
    Services &operator=(const Services &) = delete;

    // The database stays behind the services: the doors ask only these.
    // Whether it answers a trivial query (/healthz, /readyz).
    Result<void> ping();
    // Closes this thread's database connection (the next call on this thread
    // opens another): for a thread that ends, or that keeps none open idle.
    void releaseThreadConnection();
    // Where the data lives, without its password (the desktop shows it).
    QString databaseLocation() const;

    ChangeNotifier &notifier() { return m_context.notifier; }
    const ServiceOptions &options() const { return m_context.options; }
    // This instance's metrics (the REST server adds its series here).
    MetricsRegistry &metrics() { return m_metrics; }

    AuthService &auth() { return m_auth; }
    // Password hashing's share of the machine (sign-ins wait here).
    HashingGate &hashing() { return m_hashing; }
    UserService &users() { return m_users; }
    FeatureService &features() { return m_features; }
    ProductService &products() { return m_products; }
    OrderService &orders() { return m_orders; }
    AuditService &audit() { return m_audit; }
    PolicyService &policy() { return m_policy; }
    StatsService &stats() { return m_stats; }
    WebhookService &webhooks() { return m_webhooks; }
    // The ordered feed of committed changes: started by whoever reads it
    // (the event stream, `serve`, the desktop); idle until then.
    AuditFeed &feed() { return m_feed; }

private:
    MetricsRegistry m_metrics;
    ServiceContext m_context;
    PasswordHasher m_hasher;
    LoginThrottle m_throttle;
    HashingGate m_hashing;
    AuthService m_auth;
    UserService m_users;
    FeatureService m_features;
    ProductService m_products;
    OrderService m_orders;
    AuditService m_audit;
    PolicyService m_policy;
    StatsService m_stats;
    WebhookService m_webhooks;
    AuditFeed m_feed; // last: its thread stops before the rest goes
};

} // namespace signoff
