// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QThread>

namespace signoff {

class ChangeNotifier;
class Database;

// Runs a ChangeWatcher (other processes' changes to the same database) in a
// thread of its own, with its own connection: a database that is slow or
// locked delays the news, never the window.
class ChangeWatcherThread : public QThread
{
    Q_OBJECT
public:
    ChangeWatcherThread(Database &database, ChangeNotifier &notifier, int intervalMs = 500, QObject *parent = nullptr);
    // Stops the watcher and waits for the thread.
    ~ChangeWatcherThread() override;

    void stop();

protected:
    void run() override;

private:
    Database &m_database;
    ChangeNotifier &m_notifier;
    int m_intervalMs;
};

} // namespace signoff
