// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <optional>

namespace signoff {

// What a change notification or an audit event is about.
enum class EntityType { Feature, Order, Product, User };

QString toString(EntityType type);
std::optional<EntityType> entityTypeFromString(const QString &text);

} // namespace signoff
