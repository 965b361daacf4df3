// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "EntityType.h"
#include "Queries.h"

#include <QStringList>
#include <optional>

namespace signoff {

// Which columns each kind of list sorts by, and how a sort is written where it
// crosses a process boundary (REST's `?sort=`): the JSON field it sorts by,
// with "-" in front for descending. "-created_at", newest first, is every
// list's default. Orders sort by their `note` where features sort by `name`.

// The fields a list of `type` may be sorted by, in the order the API documents
// them; empty for a kind that is not listed with a choice of order.
QStringList sortFields(EntityType type);

// Whether a list of `type` can be sorted by `key`.
bool isSortable(EntityType type, SortKey key);

// "name", "-updated_at", ...: empty when the text names no field of `type`.
std::optional<ListOrder> listOrderFromText(EntityType type, const QString &text);

// The text listOrderFromText() reads back; empty for a key `type` cannot sort by.
QString listOrderText(EntityType type, const ListOrder &order);

} // namespace signoff
