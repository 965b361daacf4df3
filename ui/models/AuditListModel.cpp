// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AuditListModel.h"

#include "ItemListModel.h"
#include "Session.h"
#include "Backend.h"
#include "support/Format.h"

namespace signoff {

QString statusChangeText(const AuditEvent &event)
{
    const auto statusText = [](const QString &status) {
        const auto known = itemStatusFromString(status);
        return known ? Format::status(*known) : status;
    };
    if (event.fromStatus.isEmpty() && event.toStatus.isEmpty())
        return {};
    if (event.fromStatus.isEmpty())
        return statusText(event.toStatus);
    if (event.toStatus.isEmpty())
        return statusText(event.fromStatus);
    return statusText(event.fromStatus) + QStringLiteral(" → ") + statusText(event.toStatus);
}

AuditListModel::AuditListModel(Session &session, QObject *parent)
    : CursorTableModel<AuditEvent>(parent)
    , m_session(session)
{
    // The log reads newest first, or oldest first; it sorts by nothing else.
    setColumns({{tr("When"), SortKey::CreatedAt, false},
                {tr("Who"), std::nullopt, false},
                {tr("Action"), std::nullopt, false},
                {tr("Type"), std::nullopt, false},
                {tr("Item"), std::nullopt, false},
                {tr("Status"), std::nullopt, false},
                {tr("Version"), std::nullopt, true},
                {tr("Comment"), std::nullopt, false}},
               WhenColumn, Qt::DescendingOrder);
}

void AuditListModel::setEntityType(const QString &type)
{
    setFilter(m_query.entityType, type);
}

void AuditListModel::setActor(const QString &username)
{
    setFilter(m_query.actorUsername, username);
}

void AuditListModel::restartSource()
{
    m_labelsLearnt.clear();
    CursorTableModel::restartSource();
}

void AuditListModel::fetchFromSource(int limit, QObject *epoch, Done done)
{
    AuditQuery query = m_query;
    query.oldestFirst = !listOrder().descending;
    query.page = nextPage(limit);
    fetchPage(m_session.backend().listAudit(query), epoch, std::move(done),
              [this](const QList<AuditEvent> &events) { learnLabels(events); });
}

namespace {

QString labelKey(const AuditEvent &event)
{
    return event.entityType + u':' + event.entityId;
}

} // namespace

void AuditListModel::learnLabels(const QList<AuditEvent> &events)
{
    Backend &backend = m_session.backend();
    for (const AuditEvent &event : events) {
        const QString key = labelKey(event);
        // Learnt again on every load (a rename), the old label shown meanwhile.
        // The newest event's own summary wins; the log reads newest first.
        if (m_labelsLearnt.contains(key))
            continue;
        QString summary;
        for (const char *field : {"name", "username", "sku"}) {
            const QString text = event.detail.value(QLatin1String(field)).toString();
            if (!text.isEmpty() && summary.isEmpty())
                summary = text;
        }
        if (summary.isEmpty() && event.entityType == toString(EntityType::User)
            && event.action.startsWith(QStringLiteral("sign_")))
            summary = event.actorUsername;
        if (!summary.isEmpty()) {
            m_labelsLearnt.insert(key);
            m_labels.insert(key, summary);
            continue;
        }
        if (m_labelsAsked.contains(key))
            continue;
        // A transition says nothing about the item: ask for it (a primary-key read).
        const QUuid id = QUuid::fromString(event.entityId);
        const QString fallback = event.entityType == toString(EntityType::Order)
                                     ? ItemListModel::tr("Order %1").arg(Format::shortId(event.entityId))
                                     : Format::shortId(event.entityId);
        const auto labelled = [this, key, fallback](const QString &label) {
            setLabel(key, label.isEmpty() ? fallback : label);
        };
        m_labelsLearnt.insert(key);
        if (event.entityType == toString(EntityType::Feature)) {
            m_labelsAsked.insert(key);
            backend.getFeature(id).then(this, [labelled](Result<Feature> feature) {
                labelled(feature ? feature->name : QString());
            });
        } else if (event.entityType == toString(EntityType::Order)) {
            m_labelsAsked.insert(key);
            backend.getOrder(id).then(this, [labelled](Result<Order> order) {
                labelled(order ? ItemRow::from(order.value()).title() : QString());
            });
        } else if (event.entityType == toString(EntityType::Product)) {
            m_labelsAsked.insert(key);
            backend.getProduct(id).then(this, [labelled](Result<Product> product) {
                labelled(product ? product->sku : QString());
            });
        } else {
            m_labels.insert(key, fallback);
        }
    }
}

void AuditListModel::setLabel(const QString &key, const QString &label)
{
    m_labelsAsked.remove(key);
    m_labels.insert(key, label);
    for (int row = 0; row < rowCount(); ++row) {
        if (labelKey(rowAt(row)) == key)
            emit dataChanged(index(row, ItemColumn), index(row, ItemColumn), {Qt::DisplayRole});
    }
}

QString AuditListModel::labelOf(const AuditEvent &event) const
{
    return m_labels.value(labelKey(event), Format::shortId(event.entityId));
}

QVariant AuditListModel::cell(const AuditEvent &event, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        switch (column) {
        case WhenColumn: return Format::dateTime(event.at);
        case ActorColumn: return event.actorUsername;
        case ActionColumn: return Format::auditAction(event.action);
        case TypeColumn: return Format::entityType(event.entityType);
        case ItemColumn: return labelOf(event);
        case ChangeColumn: return statusChangeText(event);
        case VersionColumn: return event.version ? QVariant(*event.version) : QVariant();
        case CommentColumn: return event.comment.section(u'\n', 0, 0);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (column == ItemColumn)
            return event.entityId;
        if (column == CommentColumn)
            return event.comment;
    }
    return {};
}

} // namespace signoff
