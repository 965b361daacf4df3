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
#include <optional>
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

// Metrics in Prometheus text format 0.0.4. Each Services owns one (the REST
// server adds its own series to it), so two of them in one process, as in
// tests, count apart. Lookups take a lock; hot paths keep the returned
// reference (it lives as long as the registry).
class MetricsRegistry
{
public:
    MetricsRegistry() = default;
    MetricsRegistry(const MetricsRegistry &) = delete;
    MetricsRegistry &operator=(const MetricsRegistry &) = delete;

    Counter &counter(const QString &name, const QString &help, const MetricLabels &labels = {});
    Histogram &histogram(const QString &name, const QString &help, const MetricLabels &labels = {},
                         const QList<double> &upperBounds = defaultLatencyBuckets());

    QByteArray exposition() const;

    // What a series holds now, if it exists: a counter's value, a
    // histogram's number of observations (for tests and diagnostics).
    std::optional<quint64> counterValue(const QString &name, const MetricLabels &labels = {}) const;
    std::optional<quint64> observations(const QString &name, const MetricLabels &labels = {}) const;

    static QList<double> defaultLatencyBuckets();

private:
    struct Family
    {
        QString help;
        bool isHistogram = false;
        std::map<QString, std::unique_ptr<Counter>> counters;     // by rendered labels
        std::map<QString, std::unique_ptr<Histogram>> histograms; // by rendered labels
    };

    // The series of `name` with `labels` in `member` (counters or histograms), if any.
    template<typename Series>
    const Series *find(std::map<QString, std::unique_ptr<Series>> Family::*member, const QString &name,
                       const MetricLabels &labels) const;

    mutable QMutex m_mutex;
    std::map<QString, Family> m_families;
};

} // namespace signoff
