#include "AuditListModel.h"

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
    // The log reads newest first; the service sorts it by nothing else.
    setColumns({{tr("When"), std::nullopt, false},
                {tr("Who"), std::nullopt, false},
                {tr("Action"), std::nullopt, false},
                {tr("Type"), std::nullopt, false},
                {tr("Item"), std::nullopt, false},
                {tr("Status"), std::nullopt, false},
                {tr("Version"), std::nullopt, true},
                {tr("Comment"), std::nullopt, false}},
               -1, Qt::DescendingOrder);
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
    m_next.clear();
    m_started = false;
}

Result<QList<AuditEvent>> AuditListModel::fetchFromSource(int limit)
{
    AuditQuery query = m_query;
    query.page.limit = limit;
    query.page.after = m_next;
    auto page = m_session.services().audit().list(m_session.actor(), query);
    if (!page)
        return page.error();
    m_started = true;
    m_next = page->next;
    return page->items;
}

QVariant AuditListModel::cell(const AuditEvent &event, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        switch (column) {
        case WhenColumn: return Format::dateTime(event.at);
        case ActorColumn: return event.actorUsername;
        case ActionColumn: return Format::auditAction(event.action);
        case TypeColumn: return Format::entityType(event.entityType);
        case ItemColumn: {
            const QString name = event.detail.value(QStringLiteral("name")).toString();
            const QString username = event.detail.value(QStringLiteral("username")).toString();
            const QString sku = event.detail.value(QStringLiteral("sku")).toString();
            const QString label = !name.isEmpty() ? name : !username.isEmpty() ? username : sku;
            return label.isEmpty() ? Format::shortId(event.entityId) : label;
        }
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
