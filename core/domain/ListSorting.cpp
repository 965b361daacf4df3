// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ListSorting.h"

#include <QList>
#include <algorithm>
#include <utility>

namespace signoff {

namespace {

using SortField = std::pair<QString, SortKey>;

QList<SortField> fieldsOf(EntityType type)
{
    const SortField created{QStringLiteral("created_at"), SortKey::CreatedAt};
    const SortField updated{QStringLiteral("updated_at"), SortKey::UpdatedAt};
    switch (type) {
    case EntityType::Feature:
        return {created, updated, {QStringLiteral("name"), SortKey::Name}, {QStringLiteral("status"), SortKey::Status},
                {QStringLiteral("owner"), SortKey::Owner}};
    case EntityType::Order:
        return {created, updated, {QStringLiteral("note"), SortKey::Name}, {QStringLiteral("status"), SortKey::Status},
                {QStringLiteral("owner"), SortKey::Owner}};
    case EntityType::Product: return {created, updated, {QStringLiteral("name"), SortKey::Name}};
    case EntityType::User: return {created, updated, {QStringLiteral("username"), SortKey::Name}};
    case EntityType::Policy: break;
    }
    return {};
}

} // namespace

QStringList sortFields(EntityType type)
{
    QStringList names;
    for (const auto &[name, key] : fieldsOf(type))
        names.append(name);
    return names;
}

bool isSortable(EntityType type, SortKey key)
{
    const auto fields = fieldsOf(type);
    return std::any_of(fields.begin(), fields.end(), [key](const SortField &field) { return field.second == key; });
}

std::optional<ListOrder> listOrderFromText(EntityType type, const QString &text)
{
    const bool descending = text.startsWith(u'-');
    const QString name = descending ? text.mid(1) : text;
    for (const auto &[field, key] : fieldsOf(type)) {
        if (field == name)
            return ListOrder{key, descending};
    }
    return std::nullopt;
}

QString listOrderText(EntityType type, const ListOrder &order)
{
    for (const auto &[field, key] : fieldsOf(type)) {
        if (key == order.key)
            return order.descending ? QStringLiteral("-") + field : field;
    }
    return {};
}

} // namespace signoff
