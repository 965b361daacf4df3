// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FeatureRepository.h"

#include "ApprovalRepository.h"
#include "ItemListing.h"
#include "SqlValues.h"
#include "domain/TextRules.h"

namespace signoff {

namespace {

const QStringList featureColumnList{
    QStringLiteral("f.id"),      QStringLiteral("f.name"),       QStringLiteral("f.options"),
    QStringLiteral("f.status"),  QStringLiteral("f.owner_id"),   QStringLiteral("u.username"),
    QStringLiteral("f.version"), QStringLiteral("f.created_at"), QStringLiteral("f.updated_at"),
    QStringLiteral("f.required_approvals"), QStringLiteral("f.submitted_version"),
};
const QString featuresFrom = QStringLiteral("feature_data f JOIN users u ON u.id = f.owner_id");
const QString selectFeatures =
    QStringLiteral("SELECT ") + featureColumnList.join(QStringLiteral(", ")) + QStringLiteral(" FROM ") + featuresFrom;

const ItemColumns featureColumns{
    QStringLiteral("f.status"),     QStringLiteral("f.owner_id"),   QStringLiteral("u.username"),
    QStringLiteral("f.created_at"), QStringLiteral("f.updated_at"), QStringLiteral("f.name"),
    QStringLiteral("f.name"),
    QStringLiteral("NOT EXISTS (SELECT 1 FROM feature_approval a WHERE a.feature_id = f.id "
                   "AND a.submission = f.submitted_version AND a.approver_id = ?)"),
};

Feature readFeature(const Rows &rows)
{
    Feature feature;
    feature.id = sql::toUuid(rows.value(0));
    feature.name = rows.value(1).toString();
    feature.options = sql::toJson(rows.value(2));
    feature.status = itemStatusFromString(rows.value(3).toString()).value_or(ItemStatus::Draft);
    feature.ownerId = sql::toUuid(rows.value(4));
    feature.ownerUsername = rows.value(5).toString();
    feature.version = rows.value(6).toInt();
    feature.createdAt = sql::toTime(rows.value(7));
    feature.updatedAt = sql::toTime(rows.value(8));
    feature.requiredApprovals = rows.value(9).toInt();
    if (!rows.value(10).isNull())
        feature.submittedVersion = rows.value(10).toInt();
    return feature;
}

} // namespace

Result<void> FeatureRepository::insert(const Feature &feature)
{
    return m_connection.execute(
        QStringLiteral("INSERT INTO feature_data (id, name, name_key, options, status, owner_id, version, created_at, "
                       "updated_at, required_approvals) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {sql::fromUuid(feature.id), feature.name, text::uniquenessKey(feature.name), sql::fromJson(feature.options),
         toString(feature.status),
         sql::fromUuid(feature.ownerId), feature.version, sql::fromTime(feature.createdAt),
         sql::fromTime(feature.updatedAt), feature.requiredApprovals});
}

Result<std::optional<Feature>> FeatureRepository::findById(const QUuid &id)
{
    QList<Feature> found;
    {
        auto rows = m_connection.query(selectFeatures + QStringLiteral(" WHERE f.id = ?"), {sql::fromUuid(id)});
        if (!rows)
            return rows.error();
        if (!rows->next())
            return std::optional<Feature>();
        found.append(readFeature(*rows));
    }
    if (auto attached = attachApprovals(m_connection, EntityType::Feature, found); !attached)
        return attached.error();
    return std::optional<Feature>(std::move(found.first()));
}

Result<void> FeatureRepository::lock(const QUuid &id)
{
    // SQLite: the write transaction (BEGIN IMMEDIATE) already excludes
    // every other writer.
    if (m_connection.dialect() != SqlDialect::Postgresql)
        return {};
    return m_connection.execute(QStringLiteral("SELECT id FROM feature_data WHERE id = ? FOR UPDATE"), {sql::fromUuid(id)});
}

Result<bool> FeatureRepository::update(const Feature &feature, int expectedVersion)
{
    auto rows = m_connection.query(
        QStringLiteral("UPDATE feature_data SET name = ?, name_key = ?, options = ?, status = ?, version = ?, "
                       "updated_at = ?, required_approvals = ?, submitted_version = ? WHERE id = ? AND version = ?"),
        {feature.name, text::uniquenessKey(feature.name), sql::fromJson(feature.options), toString(feature.status),
         feature.version, sql::fromTime(feature.updatedAt), feature.requiredApprovals,
         feature.submittedVersion ? QVariant(*feature.submittedVersion) : QVariant(QMetaType::fromType<int>()),
         sql::fromUuid(feature.id), expectedVersion});
    if (!rows)
        return rows.error();
    return rows->rowsAffected() == 1;
}

Result<bool> FeatureRepository::remove(const QUuid &id, int expectedVersion)
{
    auto rows = m_connection.query(QStringLiteral("DELETE FROM feature_data WHERE id = ? AND version = ?"),
                                   {sql::fromUuid(id), expectedVersion});
    if (!rows)
        return rows.error();
    return rows->rowsAffected() == 1;
}

Result<Page<ItemVersion>> FeatureRepository::listVersions(const ItemQuery &query, const QUuid &actorId)
{
    auto limit = checkedLimit(query.page);
    if (!limit)
        return limit.error();
    KeysetQuery keyset({QStringLiteral("f.id"), QStringLiteral("f.version")}, featuresFrom,
                       insertionOrder(m_connection.dialect(), QStringLiteral("f")));
    if (auto applied = applyItemQuery(keyset, query, featureColumns, actorId); !applied)
        return applied.error();
    auto rows = m_connection.query(keyset.sql(), keyset.values(*limit));
    if (!rows)
        return rows.error();
    return collectPage<ItemVersion>(*rows, *limit, keyset, [](const Rows &row) {
        return ItemVersion{sql::toUuid(row.value(0)), row.value(1).toInt()};
    });
}

Result<QList<Feature>> FeatureRepository::findByIds(const QList<QUuid> &ids)
{
    QList<Feature> features;
    // Placeholders in powers of two (the last id repeated to fill them), so
    // that a handful of prepared statements serve every page size.
    qsizetype from = 0;
    while (from < ids.size()) {
        const qsizetype chunk = qMin<qsizetype>(ids.size() - from, 512);
        qsizetype width = 1;
        while (width < chunk)
            width *= 2;
        QVariantList values;
        values.reserve(width);
        for (qsizetype i = 0; i < width; ++i)
            values.append(sql::fromUuid(ids.at(from + qMin(i, chunk - 1))));
        QString placeholders = QStringLiteral("?");
        for (qsizetype i = 1; i < width; ++i)
            placeholders += QStringLiteral(", ?");
        auto rows = m_connection.query(selectFeatures + QStringLiteral(" WHERE f.id IN (") + placeholders + u')', values);
        if (!rows)
            return rows.error();
        while (rows->next())
            features.append(readFeature(*rows));
        from += chunk;
    }
    if (auto attached = attachApprovals(m_connection, EntityType::Feature, features); !attached)
        return attached.error();
    return features;
}

Result<Page<Feature>> FeatureRepository::list(const ItemQuery &query, const QUuid &actorId)
{
    auto limit = checkedLimit(query.page);
    if (!limit)
        return limit.error();
    KeysetQuery keyset(featureColumnList, featuresFrom, insertionOrder(m_connection.dialect(), QStringLiteral("f")));
    if (auto applied = applyItemQuery(keyset, query, featureColumns, actorId); !applied)
        return applied.error();
    Page<Feature> page;
    {
        auto rows = m_connection.query(keyset.sql(), keyset.values(*limit));
        if (!rows)
            return rows.error();
        page = collectPage<Feature>(*rows, *limit, keyset, readFeature);
    }
    if (auto attached = attachApprovals(m_connection, EntityType::Feature, page.items); !attached)
        return attached.error();
    return page;
}

} // namespace signoff
