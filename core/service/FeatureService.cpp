// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FeatureService.h"

#include "CacheFootprint.h"
#include "WorkItemServiceImpl.h"
#include "domain/Identifier.h"
#include "storage/FeatureRepository.h"

namespace signoff {

// Features as the write path sees them (WritePath.h).
struct FeatureKind : StoredInRepository<FeatureRepository>, DecidedByWorkflow
{
    using Item = Feature;
    static constexpr EntityType entityType = EntityType::Feature;

    static Message notFound() { return Message(QT_TRANSLATE_NOOP("Core", "There is no such feature.")); }
    static QString logName(const Feature &feature) { return idText(feature.id); }
    static QJsonObject fields(const Feature &feature)
    {
        return {{QStringLiteral("name"), feature.name}, {QStringLiteral("options"), feature.options}};
    }
    static QJsonObject summary(const Feature &feature) { return {{QStringLiteral("name"), feature.name}}; }
    static Error duplicate(const Feature &feature)
    {
        return Error::conflict(QStringLiteral("duplicate"),
                               Message(QT_TRANSLATE_NOOP("Core", "A feature named ‘%1’ already exists."), {feature.name}));
    }
    static std::optional<Error> checkTransition(const Feature &, WorkflowAction) { return std::nullopt; }
    static int requiredApprovals(const ApprovalPolicy &policy, const Feature &) { return policy.requiredForFeature(); }
};

template class WorkItemService<Feature, FeatureKind>;

namespace {

using FeaturePath = WritePath<FeatureKind>;

} // namespace

FeatureService::FeatureService(ServiceContext &context)
    : WorkItemService(context, EntityType::Feature)
    , m_cache(context.options.itemCacheBytes, context.options.readCacheTtl)
    , m_changes(context.notifier, [this](EntityType type, const QString &id) {
        if (type != EntityType::Feature)
            return;
        if (id.isEmpty())
            m_cache.clear(); // "features changed", no id: a watcher that fell behind
        else
            m_cache.invalidate(QUuid::fromString(id));
    })
{
}

Result<Feature> FeatureService::create(const Actor &actor, const NewFeature &input)
{
    const auto timing = m_metrics.time(EntityMetrics::Operation::Create);
    if (const QList<FieldError> problems = validate::newFeature(input); !problems.isEmpty())
        return Error::invalid(problems);

    Feature feature;
    feature.id = newIdentifier();
    feature.name = normalizedText(input.name);
    feature.options = input.options;
    feature.status = Workflow::initialStatus;
    feature.ownerId = actor.id;
    feature.ownerUsername = actor.username;
    feature.version = 1;
    feature.createdAt = utcNow();
    feature.updatedAt = feature.createdAt;
    auto created = FeaturePath::create(m_context, actor, std::move(feature));
    if (created)
        m_metrics.created().increment();
    return created;
}

Result<Feature> FeatureService::get(const Actor &, const QUuid &id)
{
    const auto timing = m_metrics.time(EntityMetrics::Operation::Get);
    if (auto cached = m_cache.find(id))
        return std::move(*cached);
    const auto ticket = m_cache.ticket();
    auto found = m_context.database.run([&](Connection &connection) { return FeaturePath::find(connection, id); });
    if (found)
        m_cache.store(id, found.value(), ticket, approximateFootprint(found.value()));
    return found;
}

Result<Page<Feature>> FeatureService::list(const Actor &actor, const ItemQuery &query)
{
    const auto timing = m_metrics.time(EntityMetrics::Operation::List);
    const auto wholeRows = [&] {
        return m_context.database.run(
            [&](Connection &connection) { return FeatureRepository(connection).list(query, actor.id); });
    };
    if (!m_cache.isEnabled())
        return wholeRows();

    // The page as ids and versions; what the cache holds at those versions
    // is what the rows say (a version never comes back with other content),
    // and only the rest is read in full.
    auto versions = m_context.database.run(
        [&](Connection &connection) { return FeatureRepository(connection).listVersions(query, actor.id); });
    if (!versions)
        return versions.error();
    const QList<ItemVersion> &wanted = versions->items;
    QList<std::optional<Feature>> found(wanted.size());
    QList<QUuid> missing;
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        if (auto cached = m_cache.find(wanted.at(i).id); cached && cached->version == wanted.at(i).version)
            found[i] = std::move(*cached);
        else
            missing.append(wanted.at(i).id);
    }
    if (!missing.isEmpty()) {
        const auto ticket = m_cache.ticket();
        auto rows = m_context.database.run(
            [&](Connection &connection) { return FeatureRepository(connection).findByIds(missing); });
        if (!rows)
            return rows.error();
        QHash<QUuid, Feature> byId;
        for (Feature &feature : rows.value())
            byId.insert(feature.id, std::move(feature));
        for (qsizetype i = 0; i < wanted.size(); ++i) {
            if (found[i])
                continue;
            auto it = byId.find(wanted.at(i).id);
            // Changed or deleted between the two reads: read the page again,
            // as one snapshot.
            if (it == byId.end() || it->version != wanted.at(i).version)
                return wholeRows();
            m_cache.store(it->id, *it, ticket, approximateFootprint(*it));
            found[i] = std::move(*it);
        }
    }
    Page<Feature> page;
    page.next = versions->next;
    page.items.reserve(found.size());
    for (std::optional<Feature> &feature : found)
        page.items.append(std::move(*feature));
    return page;
}

Result<Feature> FeatureService::update(const Actor &actor, const QUuid &id, const FeaturePatch &patch,
                                       ExpectedVersion expectedVersion)
{
    const auto timing = m_metrics.time(EntityMetrics::Operation::Update);
    if (const QList<FieldError> problems = validate::featurePatch(patch); !problems.isEmpty())
        return Error::invalid(problems);
    FeaturePath::Edit edit;
    edit.apply = [&](Connection &, Feature &feature) -> Result<void> {
        if (patch.name)
            feature.name = normalizedText(*patch.name);
        if (patch.options)
            feature.options = *patch.options;
        return {};
    };
    return FeaturePath::update(m_context, actor, id, expectedVersion, edit);
}

} // namespace signoff
