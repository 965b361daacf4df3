// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HashingGate.h"

#include <QtGlobal>

namespace signoff {

HashingGate::HashingGate(int concurrent, int queued)
    : m_concurrent(qMax(1, concurrent))
    , m_queued(qMax(0, queued))
{
}

std::optional<HashingGate::Slot> HashingGate::enter()
{
    QMutexLocker locker(&m_mutex);
    if (m_running >= m_concurrent) {
        if (m_waiting >= m_queued)
            return std::nullopt;
        ++m_waiting;
        while (m_running >= m_concurrent)
            m_freed.wait(&m_mutex);
        --m_waiting;
    }
    ++m_running;
    return Slot(this);
}

int HashingGate::waiting()
{
    QMutexLocker locker(&m_mutex);
    return m_waiting;
}

void HashingGate::leave()
{
    QMutexLocker locker(&m_mutex);
    --m_running;
    m_freed.wakeOne();
}

} // namespace signoff
