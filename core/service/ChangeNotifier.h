// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/EntityType.h"

#include <QObject>
#include <QString>

namespace signoff {

// Announces every committed change, from whichever thread made it, so open
// windows refresh whether the change came from the desktop or from REST.
// Receivers in other threads get the signal queued (Qt::AutoConnection).
class ChangeNotifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void announce(EntityType type, const QString &id);

signals:
    void changed(signoff::EntityType type, const QString &id);
};

} // namespace signoff
