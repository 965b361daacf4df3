// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "EntityMetrics.h"

namespace signoff {

namespace {

QString operationLabel(EntityMetrics::Operation operation)
{
    switch (operation) {
    case EntityMetrics::Operation::Create: return QStringLiteral("create");
    case EntityMetrics::Operation::Get: return QStringLiteral("get");
    case EntityMetrics::Operation::List: return QStringLiteral("list");
    case EntityMetrics::Operation::Update: return QStringLiteral("update");
    case EntityMetrics::Operation::Delete: return QStringLiteral("delete");
    case EntityMetrics::Operation::Transition: return QStringLiteral("transition");
    case EntityMetrics::Operation::History: return QStringLiteral("history");
    }
    return {};
}

QString plural(EntityType type)
{
    switch (type) {
    case EntityType::Feature: return QStringLiteral("Features");
    case EntityType::Order: return QStringLiteral("Orders");
    case EntityType::Product: return QStringLiteral("Products");
    case EntityType::User: return QStringLiteral("Users");
    case EntityType::Policy: return QStringLiteral("Policies");
    }
    return {};
}

} // namespace

EntityMetrics::EntityMetrics(MetricsRegistry &registry, EntityType type)
    : m_created(registry.counter(toString(type) + QStringLiteral("_created_total"),
                                 plural(type) + QStringLiteral(" created, through any door.")))
{
    for (size_t i = 0; i < operationCount; ++i) {
        m_latency[i] = &registry.histogram(toString(type) + QStringLiteral("_latency_seconds"),
                                           QStringLiteral("Time the %1 service takes per operation.").arg(toString(type)),
                                           {{QStringLiteral("operation"), operationLabel(Operation(i))}});
    }
}

} // namespace signoff
