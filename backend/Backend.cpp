// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Backend.h"

namespace signoff {

namespace detail {

Error abandonedCallError()
{
    return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "The operation was interrupted; try again.")));
}

} // namespace detail

Call<void> Backend::transitionItem(EntityType type, const QUuid &id, WorkflowAction action, int expectedVersion,
                                   const QString &comment)
{
    if (type == EntityType::Order)
        return transitionOrder(id, action, expectedVersion, comment).map(this, [](const Order &) {});
    return transitionFeature(id, action, expectedVersion, comment).map(this, [](const Feature &) {});
}

Call<void> Backend::removeItem(EntityType type, const QUuid &id, int expectedVersion)
{
    return type == EntityType::Order ? removeOrder(id, expectedVersion) : removeFeature(id, expectedVersion);
}

Call<void> Backend::keepSession()
{
    return Call<void>::finished(Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "Only a server's sessions can be kept."))));
}

Call<User> Backend::resumeKeptSession(const QString &)
{
    return Call<User>::finished(Error::notFound(Message(QT_TRANSLATE_NOOP("Core", "No session is kept for this server."))));
}

} // namespace signoff
