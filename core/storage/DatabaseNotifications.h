// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "DatabaseUrl.h"

#include <QObject>
#include <QString>
#include <chrono>
#include <memory>

class QThread;

namespace signoff {

// Hears, through PostgreSQL's LISTEN, what other processes on the database
// commit (docs/design.md, "Several instances"): the migration 20261213_cluster
// makes each audit event NOTIFY `signoff_change` and each seal pass
// `signoff_sealed`. A connection of its own, in a thread of its own whose event
// loop reads the notifications as they come. A lost connection loses the
// subscription: the listener checks its connection every `checkInterval`, opens
// a new one when it went, and says `listening()` again, after which the caller
// catches up on what it may have missed (the ordered feed has it all).
//
// On SQLite there is nothing to listen to: start() does nothing.
class DatabaseNotifications : public QObject
{
    Q_OBJECT
public:
    // Listens on `url` for the changes of every Database but the one named
    // `ownInstance` (Database::instanceName()), whose changes are announced already.
    DatabaseNotifications(DatabaseUrl url, QString ownInstance, std::chrono::milliseconds checkInterval = std::chrono::seconds(1));
    ~DatabaseNotifications() override; // stop()s

    // Starts listening (idempotent; PostgreSQL only).
    void start();
    void stop();
    // Checks the listening connection now, as the timer does (and reconnects
    // if it went); waits until done.
    void checkNow();

signals:
    // Another process committed a change to `entityType` ("feature", ...)
    // `entityId` (emitted from the listener's thread).
    void changeCommitted(const QString &entityType, const QString &entityId);
    // Some process sealed audit events: the ordered feed grew.
    void feedSealed();
    // Listening (again): what was committed while not listening was not heard.
    void listening();

private:
    class Worker;

    const DatabaseUrl m_url;
    const QString m_ownInstance;
    const std::chrono::milliseconds m_checkInterval;
    std::unique_ptr<QThread> m_thread;
    Worker *m_worker = nullptr; // lives in m_thread
};

} // namespace signoff
