// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ChangeNotifier.h"
#include "storage/Database.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace signoff {

// Notices changes that other processes make to the same database (a second
// desktop, a separate `signoff serve`) and announces them like our own.
// Every committed change writes an audit row, so the watcher follows the
// audit log: cheap (a primary-key range read), exact (it knows the entity and
// its id), and the same on SQLite and PostgreSQL.
//
// Lives in the thread that created it (normally the GUI thread) and reads
// through that thread's connection. In-process changes are announced twice
// (once by the service, once here); listeners coalesce refreshes anyway.
class ChangeWatcher : public QObject
{
    Q_OBJECT
public:
    ChangeWatcher(Database &database, ChangeNotifier &notifier, QObject *parent = nullptr);

    void start(int intervalMs = 500);
    void stop();
    // One look at the log now (the timer calls this).
    void poll();

private:
    Database &m_database;
    ChangeNotifier &m_notifier;
    QTimer m_timer;
    qint64 m_seenUpTo = -1;
    // Ids just below m_seenUpTo that were already announced: with PostgreSQL,
    // a transaction can commit a lower id after a higher one became visible,
    // so the recent range is read again.
    QSet<qint64> m_recent;
};

} // namespace signoff
