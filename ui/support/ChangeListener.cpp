// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ChangeListener.h"

#include "Backend.h"

namespace signoff {

ChangeListener::ChangeListener(Backend &backend, QSet<EntityType> types, QObject *parent)
    : QObject(parent)
    , m_types(std::move(types))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(coalesceMilliseconds);
    connect(&m_timer, &QTimer::timeout, this, &ChangeListener::changed);
    connect(&backend, &Backend::changed, this, &ChangeListener::onChanged);
}

void ChangeListener::onChanged(EntityType type, const QString &id)
{
    if (!m_types.contains(type))
        return;
    if (!m_id.isEmpty() && !id.isEmpty() && id != m_id)
        return;
    if (!m_timer.isActive())
        m_timer.start();
}

} // namespace signoff
