// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TableModel.h"

namespace signoff {

TableModel::TableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int TableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (role) {
    case Qt::DisplayRole: return m_columns.at(section).title;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(m_columns.at(section).numeric ? Qt::AlignRight | Qt::AlignVCenter
                                                                 : Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return m_columns.at(section).sortKey ? tr("Click to sort by %1").arg(m_columns.at(section).title) : QVariant();
    default: return {};
    }
}

void TableModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column) || (column == m_sortColumn && order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    reload();
}

bool TableModel::isSortable(int column) const
{
    return column >= 0 && column < m_columns.size() && m_columns.at(column).sortKey.has_value();
}

void TableModel::setColumns(QList<Column> columns, int defaultSortColumn, Qt::SortOrder defaultOrder)
{
    m_columns = std::move(columns);
    m_sortColumn = defaultSortColumn;
    m_sortOrder = defaultOrder;
}

ListOrder TableModel::listOrder() const
{
    ListOrder order;
    if (isSortable(m_sortColumn)) {
        order.key = *m_columns.at(m_sortColumn).sortKey;
        order.descending = m_sortOrder == Qt::DescendingOrder;
    }
    return order;
}

void TableModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void TableModel::reportError(const QString &message)
{
    m_lastError = message;
    emit loadFailed(message);
}

} // namespace signoff
