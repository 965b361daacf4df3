// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ApprovalRepository.h"

#include "SqlValues.h"

namespace signoff {

namespace {

Approval readApproval(const Rows &rows)
{
    Approval approval;
    approval.approverId = sql::toUuid(rows.value(1));
    approval.by = rows.value(2).toString();
    approval.at = sql::toTime(rows.value(3));
    approval.comment = rows.value(4).toString();
    return approval;
}

} // namespace

ApprovalRepository::ApprovalRepository(Connection &connection, EntityType type)
    : m_connection(connection)
    , m_table(type == EntityType::Order ? QStringLiteral("order_approval") : QStringLiteral("feature_approval"))
    , m_itemColumn(type == EntityType::Order ? QStringLiteral("order_id") : QStringLiteral("feature_id"))
{
    Q_ASSERT(type == EntityType::Feature || type == EntityType::Order);
    m_select = QStringLiteral("SELECT a.%1, a.approver_id, u.username, a.approved_at, a.comment, a.submission "
                              "FROM %2 a JOIN users u ON u.id = a.approver_id ")
                   .arg(m_itemColumn, m_table);
}

Result<void> ApprovalRepository::insert(const QUuid &itemId, int submission, const Approval &approval)
{
    return m_connection.execute(QStringLiteral("INSERT INTO %1 (%2, submission, approver_id, approved_at, comment) "
                                               "VALUES (?, ?, ?, ?, ?)")
                                    .arg(m_table, m_itemColumn),
                                {sql::fromUuid(itemId), submission, sql::fromUuid(approval.approverId),
                                 sql::fromTime(approval.at), approval.comment});
}

Result<void> ApprovalRepository::removeAll(const QUuid &itemId)
{
    return m_connection.execute(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(m_table, m_itemColumn),
                                {sql::fromUuid(itemId)});
}

Result<QList<Approval>> ApprovalRepository::of(const QUuid &itemId, int submission)
{
    auto rows = m_connection.query(m_select + QStringLiteral("WHERE a.%1 = ? AND a.submission = ? ORDER BY a.id").arg(m_itemColumn),
                                   {sql::fromUuid(itemId), submission});
    if (!rows)
        return rows.error();
    QList<Approval> approvals;
    while (rows->next())
        approvals.append(readApproval(*rows));
    return approvals;
}

Result<QHash<QUuid, QList<Approval>>> ApprovalRepository::ofItems(const QHash<QUuid, int> &submissions)
{
    QHash<QUuid, QList<Approval>> found;
    const QList<QUuid> ids = submissions.keys();
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
        QString placeholders = QStringLiteral("?");
        for (qsizetype i = 0; i < width; ++i) {
            values.append(sql::fromUuid(ids.at(from + qMin(i, chunk - 1))));
            if (i > 0)
                placeholders += QStringLiteral(", ?");
        }
        auto rows = m_connection.query(
            m_select + QStringLiteral("WHERE a.%1 IN (%2) ORDER BY a.id").arg(m_itemColumn, placeholders), values);
        if (!rows)
            return rows.error();
        while (rows->next()) {
            const QUuid itemId = sql::toUuid(rows->value(0));
            // Only the current submission's: older ones are removed when an
            // item goes back to draft, this is a guard, not a filter.
            if (submissions.value(itemId, -1) == rows->value(5).toInt())
                found[itemId].append(readApproval(*rows));
        }
        from += chunk;
    }
    return found;
}

} // namespace signoff
