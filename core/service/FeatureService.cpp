// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FeatureService.h"
#include "domain/LogText.h"

#include "CacheFootprint.h"
#include "ItemWorkflow.h"
#include "Metrics.h"
#include "ServiceLog.h"
#include "domain/Clock.h"
#include "domain/Identifier.h"
#include "domain/Validation.h"
#include "storage/AuditRepository.h"
#include "storage/FeatureRepository.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace signoff {

namespace {

struct FeatureTraits
{
    using Item = Feature;
    using Repository = FeatureRepository;
    static constexpr EntityType entityType = EntityType::Feature;

    static Message notFound() { return Message(QT_TRANSLATE_NOOP("Core", "There is no such feature.")); }
    static std::optional<Error> checkTransition(const Feature &, WorkflowAction) { return std::nullopt; }
    static int requiredApprovals(const ApprovalPolicy &policy, const Feature &) { return policy.requiredForFeature(); }
    static QJsonObject auditSummary(const Feature &feature) { return {{QStringLiteral("name"), feature.name}}; }
};

using FeatureWorkflow = ItemWorkflow<FeatureTraits>;

Error duplicateName(const QString &name)
{
    return Error::conflict(QStringLiteral("duplicate"),
                           Message(QT_TRANSLATE_NOOP("Core", "A feature named ‘%1’ already exists."), {name}));
}

// The unique index on the name is what refuses a taken name (on create, the
// only check; on rename, the one that catches another writer between our
// check and our update): its refusal names the feature's name.
template<typename T>
Result<T> withNameConflict(Result<T> result, const QString &name)
{
    if (!result && result.error().kind == ErrorKind::Conflict && result.error().reason == QStringLiteral("duplicate"))
        return duplicateName(name);
    return result;
}

// Records how long a feature operation took (the seed's feature_latency_seconds).
class LatencyTimer
{
public:
    explicit LatencyTimer(Histogram &histogram) : m_histogram(histogram) { m_timer.start(); }
    ~LatencyTimer() { m_histogram.observe(double(m_timer.nsecsElapsed()) / 1e9); }

private:
    Histogram &m_histogram;
    QElapsedTimer m_timer;
};

// The histogram of one operation, looked up once (the registry takes a lock).
#define FEATURE_LATENCY(operation)                                                                   \
    static Histogram &latencyHistogram = metrics::featureLatency(QStringLiteral(operation));        \
    LatencyTimer timer(latencyHistogram)

} // namespace

FeatureService::FeatureService(ServiceContext &context)
    : m_context(context)
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
    metrics::featureCreated(); // registered at zero, so dashboards see the series from the start
}

Result<Feature> FeatureService::create(const Actor &actor, const NewFeature &input)
{
    FEATURE_LATENCY("create");
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

    auto result = m_context.database.write([&](Connection &connection) -> Result<Feature> {
        // No lookup first: the unique index on the name refuses a taken one,
        // and withNameConflict() below words that refusal.
        if (auto inserted = FeatureRepository(connection).insert(feature); !inserted)
            return inserted.error();
        AuditEvent event = auditEvent(actor, QStringLiteral("create"), EntityType::Feature, idText(feature.id),
                                      feature.createdAt);
        event.toStatus = toString(feature.status);
        event.version = feature.version;
        event.detail = FeatureTraits::auditSummary(feature);
        if (auto appended = AuditRepository(connection).append(event); !appended)
            return appended.error();
        return feature;
    });
    result = withNameConflict(std::move(result), feature.name);
    if (result) {
        metrics::featureCreated().increment();
        qCInfo(lcService).noquote() << "feature created:" << idText(feature.id) << "by" << logText(actor.username);
        m_context.notifier.announce(EntityType::Feature, idText(feature.id));
    }
    return result;
}

Result<Feature> FeatureService::get(const Actor &, const QUuid &id)
{
    FEATURE_LATENCY("get");
    if (auto cached = m_cache.find(id))
        return std::move(*cached);
    const auto ticket = m_cache.ticket();
    auto found = m_context.database.run([&](Connection &connection) { return FeatureWorkflow::find(connection, id); });
    if (found)
        m_cache.store(id, found.value(), ticket, approximateFootprint(found.value()));
    return found;
}

Result<Page<Feature>> FeatureService::list(const Actor &actor, const ItemQuery &query)
{
    FEATURE_LATENCY("list");
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
                                       std::optional<int> expectedVersion)
{
    FEATURE_LATENCY("update");
    if (const QList<FieldError> problems = validate::featurePatch(patch); !problems.isEmpty())
        return Error::invalid(problems);
    const QString newName = patch.name ? normalizedText(*patch.name) : QString();

    auto result = m_context.database.write([&](Connection &connection) -> Result<Feature> {
        auto current = FeatureWorkflow::findForEdit(connection, actor, id, expectedVersion);
        if (!current)
            return current;
        Feature updated = current.value();
        QJsonArray changed;
        if (patch.name && newName != updated.name) {
            auto taken = FeatureRepository(connection).nameTaken(newName, id);
            if (!taken)
                return taken.error();
            if (taken.value())
                return duplicateName(newName);
            updated.name = newName;
            changed.append(QStringLiteral("name"));
        }
        if (patch.options && *patch.options != updated.options) {
            updated.options = *patch.options;
            changed.append(QStringLiteral("options"));
        }
        if (changed.isEmpty())
            return updated;
        updated.version = current->version + 1;
        updated.updatedAt = utcNow();
        AuditEvent event = auditEvent(actor, QStringLiteral("update"), EntityType::Feature, idText(id), updated.updatedAt);
        event.version = updated.version;
        event.detail = {{QStringLiteral("changed"), changed}};
        if (auto stored = FeatureWorkflow::store(connection, updated, current->version, event); !stored)
            return stored.error();
        return updated;
    });
    result = withNameConflict(std::move(result), newName);
    if (result) {
        qCInfo(lcService).noquote() << "feature updated:" << idText(id) << "by" << logText(actor.username);
        m_context.notifier.announce(EntityType::Feature, idText(id));
    }
    return result;
}

Result<void> FeatureService::remove(const Actor &actor, const QUuid &id, std::optional<int> expectedVersion)
{
    FEATURE_LATENCY("delete");
    return FeatureWorkflow::remove(m_context, actor, id, expectedVersion);
}

Result<Feature> FeatureService::transition(const Actor &actor, const QUuid &id, WorkflowAction action,
                                           std::optional<int> expectedVersion, const QString &comment)
{
    FEATURE_LATENCY("transition");
    return FeatureWorkflow::transition(m_context, actor, id, action, expectedVersion, comment);
}

Result<QList<Comment>> FeatureService::comments(const Actor &, const QUuid &id)
{
    return FeatureWorkflow::comments(m_context, id);
}

Result<Comment> FeatureService::addComment(const Actor &actor, const QUuid &id, const QString &body)
{
    return FeatureWorkflow::addComment(m_context, actor, id, body);
}

Result<QList<AuditEvent>> FeatureService::history(const Actor &, const QUuid &id)
{
    FEATURE_LATENCY("history");
    return FeatureWorkflow::history(m_context, id);
}

} // namespace signoff
