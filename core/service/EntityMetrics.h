// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Metrics.h"
#include "domain/EntityType.h"

#include <QElapsedTimer>
#include <array>

namespace signoff {

// What every kind of entity records, through any door: the seed's
// `feature_created_total` and `feature_latency_seconds{operation}`, and the
// same series for orders, products and users (`order_created_total`, ...).
// The series are registered at zero, so dashboards see them from the start.
class EntityMetrics
{
public:
    enum class Operation { Create, Get, List, Update, Delete, Transition, History };

    EntityMetrics(MetricsRegistry &registry, EntityType type);

    Counter &created() { return m_created; }

    // Observes the time from its construction to its end.
    class Timing
    {
    public:
        explicit Timing(Histogram &histogram) : m_histogram(histogram) { m_timer.start(); }
        ~Timing() { m_histogram.observe(double(m_timer.nsecsElapsed()) / 1e9); }
        Timing(const Timing &) = delete;
        Timing &operator=(const Timing &) = delete;

    private:
        Histogram &m_histogram;
        QElapsedTimer m_timer;
    };

    [[nodiscard]] Timing time(Operation operation) { return Timing(*m_latency[size_t(operation)]); }

private:
    static constexpr size_t operationCount = size_t(Operation::History) + 1;

    Counter &m_created;
    std::array<Histogram *, operationCount> m_latency{};
};

} // namespace signoff
