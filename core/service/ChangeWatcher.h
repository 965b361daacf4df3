// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ChangeNotifier.h"

#include <QObject>
#include <QTimer>

namespace signoff {

class Database;

// Notices changes that other processes make to the same database (a second
// desktop, a separate `signoff serve`) and announces them like our own.
// Every committed change writes an audit row, and every audit row gets a
// position in the ordered feed once sealed (AuditFeed): the watcher reads
// the feed by position, so it sees changes in commit order and misses none,
// on SQLite and PostgreSQL alike (where ids are not in commit order).
// Something must seal: where a watcher runs, Services::feed() runs too.
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
    // One look at the feed now (the timer calls this).
    void poll();

private:
    Database &m_database;
    ChangeNotifier &m_notifier;
    QTimer m_timer;
    qint64 m_seenUpTo = -1; // the last position announced
};

} // namespace signoff
