// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>
#include <atomic>
#include <map>
#include <memory>
#include <utility>

namespace signoff {

using MetricLabels = QList<std::pair<QString, QString>>;

class Counter
{
public:
    void increment(quint64 by = 1) { m_value.fetch_add(by, std::memory_order_relaxed); }
    quint64 value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<quint64> m_value{0};
};

class Histogram
{
public:
    explicit Histogram(QList<double> upperBounds);
    void observe(double value);

    const QList<double> &upperBounds() const { return m_upperBounds; }
    quint64 bucketCount(qsizetype index) const { return m_buckets[size_t(index)].load(std::memory_order_relaxed); }
    quint64 count() const { return m_count.load(std::memory_order_relaxed); }
    double sum() const { return m_sum.load(std::memory_order_relaxed); }

private:
    QList<double> m_upperBounds;
    std::unique_ptr<std::atomic<quint64>[]> m_buckets; // non-cumulative; exposition accumulates
    std::atomic<quint64> m_count{0};
    std::atomic<double> m_sum{0.0};
};

// Process-wide metrics in Prometheus text format 0.0.4. Lookups take a lock;
// hot paths keep the returned reference (it lives as long as the registry).
class MetricsRegistry
{
public:
    static MetricsRegistry &global();

    Counter &counter(const QString &name, const QString &help, const MetricLabels &labels = {});
    Histogram &histogram(const QString &name, const QString &help, const MetricLabels &labels = {},
                         const QList<double> &upperBounds = defaultLatencyBuckets());

    QByteArray exposition() const;

    static QList<double> defaultLatencyBuckets();

private:
    struct Family
    {
        QString help;
        bool isHistogram = false;
        std::map<QString, std::unique_ptr<Counter>> counters;     // by rendered labels
        std::map<QString, std::unique_ptr<Histogram>> histograms; // by rendered labels
    };

    mutable QMutex m_mutex;
    std::map<QString, Family> m_families;
};

// The seed's feature metrics, shared by the services that feed them.
namespace metrics {
Counter &featureCreated();
Histogram &featureLatency(const QString &operation);
} // namespace metrics

} // namespace signoff
