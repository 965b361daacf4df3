// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ChangeNotifier.h"

#include <QMetaObject>
#include <functional>

namespace signoff {

// Calls `handler` for every change `notifier` announces, in the announcing
// thread and before announce() returns (a direct connection): what a cache
// needs to drop an entry before the change's author answers anyone.
// Disconnects when destroyed.
class ChangeSubscription
{
public:
    using Handler = std::function<void(EntityType type, const QString &id)>;

    ChangeSubscription(ChangeNotifier &notifier, Handler handler)
        : m_connection(QObject::connect(&notifier, &ChangeNotifier::changed, std::move(handler)))
    {
    }
    ~ChangeSubscription() { QObject::disconnect(m_connection); }
    ChangeSubscription(const ChangeSubscription &) = delete;
    ChangeSubscription &operator=(const ChangeSubscription &) = delete;

private:
    QMetaObject::Connection m_connection;
};

} // namespace signoff
