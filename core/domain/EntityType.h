// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <optional>

namespace signoff {

// What a change notification or an audit event is about.
// Policy: the one approval policy (docs/design.md, "Approval policies"), id "policy".
enum class EntityType { Feature, Order, Product, User, Policy };

QString toString(EntityType type);
std::optional<EntityType> entityTypeFromString(const QString &text);

} // namespace signoff
