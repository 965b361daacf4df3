// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AuditPage.h"

#include "FormManager.h"
#include "Session.h"
#include "support/Format.h"

#include <QComboBox>
#include <QLineEdit>

namespace signoff {

namespace {

const std::array filterTypes{EntityType::Feature, EntityType::Order, EntityType::Product, EntityType::User};

} // namespace

AuditPage::AuditPage(Session &session, FormManager &forms, QWidget *parent)
    : ListPage(session, forms, new AuditListModel(session),
               {EntityType::Feature, EntityType::Order, EntityType::Product, EntityType::User}, parent)
    , m_events(static_cast<AuditListModel *>(model()))
{
    setObjectName(QStringLiteral("auditPage"));
    setSearchPlaceholder(tr("Actor’s user name, exactly (Ctrl+F)"));
    QStringList types{tr("All types")};
    for (EntityType type : filterTypes)
        types.append(Format::entityType(type));
    setFilterItems(tr("Type filter"), types);
    setStretchColumn(AuditListModel::CommentColumn);
}

void AuditPage::applyFilter(int index)
{
    m_events->setEntityType(index <= 0 ? QString() : toString(filterTypes.at(index - 1)));
}

void AuditPage::openRow(int row)
{
    if (row < 0 || row >= m_events->rowCount())
        return;
    const AuditEvent &event = m_events->rowAt(row);
    if (event.action == QStringLiteral("delete"))
        return;
    const QUuid id = QUuid::fromString(event.entityId);
    if (id.isNull())
        return;
    switch (entityTypeFromString(event.entityType).value_or(EntityType::Feature)) {
    case EntityType::Feature: forms().openFeature(id); break;
    case EntityType::Order: forms().openOrder(id); break;
    case EntityType::Product: forms().openProduct(id); break;
    case EntityType::User: {
        QString username = event.detail.value(QStringLiteral("username")).toString();
        if (username.isEmpty() && event.action.startsWith(QStringLiteral("sign_")))
            username = event.actorUsername;
        if (session().isAdmin() && !username.isEmpty())
            forms().openUser(username);
        break;
    }
    case EntityType::Policy: break;
    }
}

QString AuditPage::emptyText() const
{
    if (!searchField()->text().trimmed().isEmpty() || filter()->currentIndex() > 0)
        return tr("No event matches the search or filter.");
    return tr("Nothing has happened yet.");
}

} // namespace signoff
