// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AuditListModel.h"

#include "ItemListModel.h"
#include "Session.h"
#include "service/Services.h"
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
    : PagedTableModel<AuditEvent>(parent)
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
    if (type == m_query.entityType)
        return;
    m_query.entityType = type;
    reload();
}

void AuditListModel::setActor(const QString &username)
{
    if (username == m_query.actorUsername)
        return;
    m_query.actorUsername = username;
    reload();
}

void AuditListModel::restartSource()
{
    m_labels.clear();
    m_next.clear();
    m_started = false;
}

Result<QList<AuditEvent>> AuditListModel::fetchFromSource(int limit)
{
    AuditQuery query = m_query;
    query.oldestFirst = !listOrder().descending;
    query.page.limit = limit;
    query.page.after = m_next;
    auto page = m_session.services().audit().list(m_session.actor(), query);
    if (!page)
        return page.error();
    m_started = true;
    m_next = page->next;
    learnLabels(page->items);
    return page->items;
}

namespace {

QString labelKey(const AuditEvent &event)
{
    return event.entityType + u':' + event.entityId;
}

} // namespace

void AuditListModel::learnLabels(const QList<AuditEvent> &events)
{
    Services &services = m_session.services();
    const Actor actor = m_session.actor();
    for (const AuditEvent &event : events) {
        const QString key = labelKey(event);
        // The newest event's own summary wins (a rename); the log reads newest first.
        for (const char *field : {"name", "username", "sku"}) {
            const QString text = event.detail.value(QLatin1String(field)).toString();
            if (!text.isEmpty() && !m_labels.contains(key))
                m_labels.insert(key, text);
        }
        if (event.entityType == toString(EntityType::User) && event.action.startsWith(QStringLiteral("sign_"))
            && !m_labels.contains(key))
            m_labels.insert(key, event.actorUsername);
        if (m_labels.contains(key))
            continue;
        // A transition says nothing about the item: ask for it (a primary-key read).
        const QUuid id = QUuid::fromString(event.entityId);
        QString label;
        if (event.entityType == toString(EntityType::Feature)) {
            if (auto feature = services.features().get(actor, id))
                label = feature->name;
        } else if (event.entityType == toString(EntityType::Order)) {
            if (auto order = services.orders().get(actor, id))
                label = ItemRow::from(order.value()).title();
        } else if (event.entityType == toString(EntityType::Product)) {
            if (auto product = services.products().get(actor, id))
                label = product->sku;
        }
        if (label.isEmpty() && event.entityType == toString(EntityType::Order))
            label = ItemListModel::tr("Order %1").arg(Format::shortId(event.entityId));
        m_labels.insert(key, label.isEmpty() ? Format::shortId(event.entityId) : label);
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
