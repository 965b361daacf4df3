// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Backend.h"

#include <memory>

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

namespace {

void decideNext(Backend &backend, EntityType type, WorkflowAction action, std::shared_ptr<QList<Backend::Decision>> remaining,
                QString comment, std::shared_ptr<Backend::Outcomes> outcomes, Promise<Backend::Outcomes> promise)
{
    if (remaining->isEmpty()) {
        promise.finish(*outcomes);
        return;
    }
    const Backend::Decision next = remaining->takeFirst();
    backend.transitionItem(type, next.id, action, next.version, comment)
        .then(&backend, [&backend, type, action, remaining, comment, outcomes, promise](Result<void> done) {
            outcomes->append(done ? std::nullopt : std::optional<Error>(done.error()));
            decideNext(backend, type, action, remaining, comment, outcomes, promise);
        });
}

} // namespace

Call<Backend::Outcomes> Backend::decideEach(EntityType type, WorkflowAction action, const QList<Decision> &items,
                                            const QString &comment)
{
    Promise<Outcomes> promise;
    decideNext(*this, type, action, std::make_shared<QList<Decision>>(items), comment, std::make_shared<Outcomes>(), promise);
    return promise.call();
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
