// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QMutex>
#include <QWaitCondition>
#include <optional>
#include <utility>

namespace signoff {

// Password hashing's own small, bounded share of the machine: at most
// `concurrent` Argon2id computations at once (each holds 64 MiB and a core
// for a good part of a second) and at most `queued` callers waiting for one.
// Beyond that a caller is refused at once, so a flood of sign-ins neither
// grows memory nor holds every server thread while writes wait.
class HashingGate
{
public:
    // Held while hashing; the place goes to the next waiter when it ends.
    class Slot
    {
    public:
        explicit Slot(HashingGate *gate) : m_gate(gate) {}
        Slot(Slot &&other) noexcept : m_gate(std::exchange(other.m_gate, nullptr)) {}
        Slot(const Slot &) = delete;
        Slot &operator=(const Slot &) = delete;
        Slot &operator=(Slot &&) = delete;
        ~Slot()
        {
            if (m_gate)
                m_gate->leave();
        }

    private:
        HashingGate *m_gate;
    };

    HashingGate(int concurrent, int queued);

    // A place to hash in, after waiting for one if the queue has room;
    // nothing when the queue is full.
    std::optional<Slot> enter();

    int concurrent() const { return m_concurrent; }
    int queued() const { return m_queued; }
    // Callers waiting for a place now.
    int waiting();

private:
    void leave();

    const int m_concurrent;
    const int m_queued;
    QMutex m_mutex;
    QWaitCondition m_freed;
    int m_running = 0;
    int m_waiting = 0;
};

} // namespace signoff
