// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Services.h"

#include "storage/Database.h"

namespace signoff {

Services::Services(Database &database, ChangeNotifier &notifier, ServiceOptions options)
    : m_context{database, notifier, options, m_metrics}
    , m_hasher(options.passwordCost)
    , m_throttle(database, options.loginFailuresAllowed, options.loginFailureWindow)
    , m_hashing(options.hashingConcurrency, options.hashingQueue)
    , m_auth(m_context, m_hasher, m_throttle, m_hashing)
    , m_users(m_context, m_hasher)
    , m_features(m_context)
    , m_products(m_context)
    , m_orders(m_context)
    , m_audit(m_context)
    , m_policy(m_context)
    , m_stats(m_context)
    , m_webhooks(m_context)
    , m_feed(database, notifier)
{
}

Result<void> Services::ping()
{
    return m_context.database.ping();
}

void Services::releaseThreadConnection()
{
    m_context.database.closeThreadConnection();
}

QString Services::databaseLocation() const
{
    return m_context.database.url().redacted();
}

} // namespace signoff
