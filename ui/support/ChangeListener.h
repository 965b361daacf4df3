// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/EntityType.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace signoff {

class Backend;

// Listens to the backend's change announcements for some entity types and
// turns a burst of them into one `changed()` shortly after, so a REST client
// creating a thousand features costs a window a few refreshes, not a thousand.
class ChangeListener : public QObject
{
    Q_OBJECT
public:
    static constexpr int coalesceMilliseconds = 150;

    ChangeListener(Backend &backend, QSet<EntityType> types, QObject *parent = nullptr);

    // Only changes of this id (or "everything of the type") count; empty = any.
    void setId(const QString &id) { m_id = id; }

signals:
    void changed();

private:
    void onChanged(EntityType type, const QString &id);

    QSet<EntityType> m_types;
    QString m_id;
    QTimer m_timer;
};

} // namespace signoff
