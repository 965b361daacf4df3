// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Metrics.h"

namespace signoff {

namespace {

QString escapeLabelValue(QString value)
{
    value.replace(u'\\', QStringLiteral("\\\\"));
    value.replace(u'"', QStringLiteral("\\\""));
    value.replace(u'\n', QStringLiteral("\\n"));
    return value;
}

QString renderLabels(const MetricLabels &labels)
{
    QString rendered;
    for (const auto &[name, value] : labels) {
        if (!rendered.isEmpty())
            rendered += u',';
        rendered += name + QStringLiteral("=\"") + escapeLabelValue(value) + u'"';
    }
    return rendered;
}

QString withLabel(const QString &labels, const QString &extra)
{
    return labels.isEmpty() ? extra : labels + u',' + extra;
}

QString formatNumber(double value)
{
    return QString::number(value, 'g', 17);
}

} // namespace

Histogram::Histogram(QList<double> upperBounds)
    : m_upperBounds(std::move(upperBounds))
    , m_buckets(std::make_unique<std::atomic<quint64>[]>(size_t(m_upperBounds.size())))
{
}

void Histogram::observe(double value)
{
    for (qsizetype i = 0; i < m_upperBounds.size(); ++i) {
        if (value <= m_upperBounds.at(i)) {
            m_buckets[size_t(i)].fetch_add(1, std::memory_order_relaxed);
            break;
        }
    }
    m_count.fetch_add(1, std::memory_order_relaxed);
    m_sum.fetch_add(value, std::memory_order_relaxed);
}

QList<double> MetricsRegistry::defaultLatencyBuckets()
{
    return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0};
}

Counter &MetricsRegistry::counter(const QString &name, const QString &help, const MetricLabels &labels)
{
    QMutexLocker locker(&m_mutex);
    Family &family = m_families[name];
    family.help = help;
    auto &slot = family.counters[renderLabels(labels)];
    if (!slot)
        slot = std::make_unique<Counter>();
    return *slot;
}

Histogram &MetricsRegistry::histogram(const QString &name, const QString &help, const MetricLabels &labels,
                                      const QList<double> &upperBounds)
{
    QMutexLocker locker(&m_mutex);
    Family &family = m_families[name];
    family.help = help;
    family.isHistogram = true;
    auto &slot = family.histograms[renderLabels(labels)];
    if (!slot)
        slot = std::make_unique<Histogram>(upperBounds);
    return *slot;
}

template<typename Series>
const Series *MetricsRegistry::find(std::map<QString, std::unique_ptr<Series>> Family::*member, const QString &name,
                                    const MetricLabels &labels) const
{
    const auto family = m_families.find(name);
    if (family == m_families.end())
        return nullptr;
    const auto &series = family->second.*member;
    const auto it = series.find(renderLabels(labels));
    return it == series.end() ? nullptr : it->second.get();
}

std::optional<quint64> MetricsRegistry::counterValue(const QString &name, const MetricLabels &labels) const
{
    QMutexLocker locker(&m_mutex);
    const Counter *counter = find(&Family::counters, name, labels);
    return counter ? std::optional(counter->value()) : std::nullopt;
}

std::optional<quint64> MetricsRegistry::observations(const QString &name, const MetricLabels &labels) const
{
    QMutexLocker locker(&m_mutex);
    const Histogram *histogram = find(&Family::histograms, name, labels);
    return histogram ? std::optional(histogram->count()) : std::nullopt;
}

QByteArray MetricsRegistry::exposition() const
{
    QMutexLocker locker(&m_mutex);
    QString text;
    for (const auto &[name, family] : m_families) {
        text += QStringLiteral("# HELP ") + name + u' ' + family.help + u'\n';
        text += QStringLiteral("# TYPE ") + name + (family.isHistogram ? QStringLiteral(" histogram\n") : QStringLiteral(" counter\n"));
        for (const auto &[labels, counter] : family.counters) {
            text += name + (labels.isEmpty() ? QString() : u'{' + labels + u'}') + u' '
                + QString::number(counter->value()) + u'\n';
        }
        for (const auto &[labels, histogram] : family.histograms) {
            quint64 cumulative = 0;
            for (qsizetype i = 0; i < histogram->upperBounds().size(); ++i) {
                cumulative += histogram->bucketCount(i);
                text += name + QStringLiteral("_bucket{")
                    + withLabel(labels, QStringLiteral("le=\"") + formatNumber(histogram->upperBounds().at(i)) + u'"')
                    + QStringLiteral("} ") + QString::number(cumulative) + u'\n';
            }
            text += name + QStringLiteral("_bucket{") + withLabel(labels, QStringLiteral("le=\"+Inf\"")) + QStringLiteral("} ")
                + QString::number(histogram->count()) + u'\n';
            const QString suffix = labels.isEmpty() ? QString() : u'{' + labels + u'}';
            text += name + QStringLiteral("_sum") + suffix + u' ' + formatNumber(histogram->sum()) + u'\n';
            text += name + QStringLiteral("_count") + suffix + u' ' + QString::number(histogram->count()) + u'\n';
        }
    }
    return text.toUtf8();
}

} // namespace signoff
