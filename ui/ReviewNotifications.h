// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/EntityType.h"
#include "domain/Workflow.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUuid>

namespace signoff {

class Session;

// What the person should hear about without looking (docs/design.md, "Team
// mode"): how many items wait for their review, and a message when an item
// enters their queue, or their own item is approved, rejected (with the reason)
// or commented on by someone else. Works from the backend's change
// announcements in both modes; every look is an asynchronous call. The window
// shows them (a tray icon where the desktop has one); Settings turns them off.
class ReviewNotifications : public QObject
{
    Q_OBJECT
public:
    // The review queue is counted up to this many; beyond: "at least".
    static constexpr int countedUpTo = 500;

    explicit ReviewNotifications(Session &session, QObject *parent = nullptr);

    static bool enabledInSettings();
    static void saveEnabledInSettings(bool enabled);

    // Items waiting for this person's review (-1 before the first count).
    int waitingCount() const { return m_waiting; }

signals:
    void waitingCountChanged(int count);
    void notified(const QString &title, const QString &text);

private:
    struct Known
    {
        ItemStatus status = ItemStatus::Draft;
        int version = 0;
        QDateTime latestComment; // own items: the newest comment told of (or before the start)
    };
    struct Seen
    {
        QUuid id;
        QString title;
        QString ownerUsername;
        ItemStatus status = ItemStatus::Draft;
        int version = 0;
        bool approvedByMe = false;
    };

    void start();
    void onChanged(EntityType type, const QString &id);
    void look(EntityType type, const QUuid &id);
    void judge(EntityType type, const Seen &seen);
    void tellRejection(EntityType type, const Seen &seen);
    void lookForComments(EntityType type, const Seen &seen);
    void recount();
    static QString key(EntityType type, const QUuid &id);

    Session &m_session;
    QHash<QString, Known> m_known;
    QTimer m_recount;
    const QDateTime m_startedAt;
    int m_waiting = -1;
};

} // namespace signoff
