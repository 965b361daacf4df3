// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "EntityType.h"

namespace signoff {

QString toString(EntityType type)
{
    switch (type) {
    case EntityType::Feature: return QStringLiteral("feature");
    case EntityType::Order: return QStringLiteral("order");
    case EntityType::Product: return QStringLiteral("product");
    case EntityType::User: return QStringLiteral("user");
    case EntityType::Policy: return QStringLiteral("policy");
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<EntityType> entityTypeFromString(const QString &text)
{
    for (EntityType type : {EntityType::Feature, EntityType::Order, EntityType::Product, EntityType::User, EntityType::Policy}) {
        if (text == toString(type))
            return type;
    }
    return std::nullopt;
}

} // namespace signoff
