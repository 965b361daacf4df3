// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ChangeWatcher.h"

#include "ServiceLog.h"
#include "storage/AuditSealRepository.h"
#include "storage/Database.h"

#include <QSet>

namespace signoff {

namespace {
constexpr int batchSize = 1000;
// A poll reads up to this many batches: a busy server writes thousands of
// changes between two polls (5,000 creates a second are 2,500 a poll), and
// each is announced by id. Only beyond that (a bulk import) does it say
// "everything changed", which empties the read caches.
constexpr int batchesPerPoll = 20;
} // namespace

ChangeWatcher::ChangeWatcher(Database &database, ChangeNotifier &notifier, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_notifier(notifier)
{
    connect(&m_timer, &QTimer::timeout, this, &ChangeWatcher::poll);
}

void ChangeWatcher::start(int intervalMs)
{
    m_timer.start(intervalMs);
}

void ChangeWatcher::stop()
{
    m_timer.stop();
}

void ChangeWatcher::poll()
{
    if (m_seenUpTo < 0) {
        // The first look only learns where the feed stands.
        auto latest = m_database.run([](Connection &connection) { return AuditSealRepository(connection).latestPosition(); });
        if (latest)
            m_seenUpTo = latest.value();
        return;
    }
    QSet<QPair<QString, QString>> changed; // entity type name, id
    for (int batch = 0;; ++batch) {
        auto events = m_database.run(
            [&](Connection &connection) { return AuditSealRepository(connection).changesAfter(m_seenUpTo, batchSize); });
        if (!events) {
            qCDebug(lcService) << "change watcher could not read the audit feed";
            break; // what was read is announced; the rest comes with the next poll
        }
        for (const AuditChange &event : events.value()) {
            m_seenUpTo = event.id; // the position
            changed.insert({event.entityType, event.entityId});
        }
        if (events->size() < batchSize)
            break;
        if (batch + 1 == batchesPerPoll) {
            // Far behind (a bulk import): say "everything changed" once instead.
            for (EntityType type : {EntityType::Feature, EntityType::Order, EntityType::Product, EntityType::User})
                m_notifier.announce(type, QString());
            return;
        }
    }
    for (const auto &[typeName, id] : changed) {
        if (const auto type = entityTypeFromString(typeName))
            m_notifier.announce(*type, id);
    }
}

} // namespace signoff
