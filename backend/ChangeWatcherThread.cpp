// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ChangeWatcherThread.h"

#include "service/ChangeWatcher.h"

namespace signoff {

ChangeWatcherThread::ChangeWatcherThread(Database &database, ChangeNotifier &notifier, int intervalMs, QObject *parent)
    : QThread(parent)
    , m_database(database)
    , m_notifier(notifier)
    , m_intervalMs(intervalMs)
{
    setObjectName(QStringLiteral("ChangeWatcher"));
}

ChangeWatcherThread::~ChangeWatcherThread()
{
    stop();
}

void ChangeWatcherThread::stop()
{
    quit();
    wait();
}

void ChangeWatcherThread::run()
{
    // Made here, so its timer and its database connection belong to this thread.
    ChangeWatcher watcher(m_database, m_notifier);
    watcher.start(m_intervalMs);
    exec();
    watcher.stop();
}

} // namespace signoff
