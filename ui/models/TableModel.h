// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Queries.h"

#include <QAbstractTableModel>
#include <QList>
#include <optional>

namespace signoff {

// What every list of the window shares: its columns, the server-side sort
// they map to, and how loading went. The rows live in PagedTableModel<Row>.
class TableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // A key that identifies a row across reloads ("feature:<uuid>", a user name):
    // selections and refreshes keep rows by it.
    static constexpr int KeyRole = Qt::UserRole + 1;

    struct Column
    {
        QString title;
        std::optional<SortKey> sortKey; // empty: the server cannot sort by it
        bool numeric = false;
    };

    explicit TableModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Sorting happens in the database (keyset paging keeps working); columns
    // the server cannot sort by are ignored.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    bool isSortable(int column) const;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // Loads from scratch (the filter or sort changed): the view is reset
    // when the rows arrive. Asynchronous, as are refresh() and fetchMore():
    // loaded() or loadFailed() says when it is done.
    virtual void reload() = 0;
    // Loads again what is shown, keeping rows by key so selections, the
    // current row and the scroll position survive.
    virtual void refresh() = 0;
    // Whether a load is under way.
    bool isLoading() const { return m_loading; }
    virtual QString keyAt(int row) const = 0;
    virtual int rowOfKey(const QString &key) const = 0;
    // Whether the list is complete (nothing more to fetch).
    virtual bool isComplete() const = 0;

    QString lastError() const { return m_lastError; }

signals:
    void loadFailed(const QString &message);
    void loadingChanged(bool loading);
    // After every load, reload or refresh (for empty-state hints).
    void loaded();

protected:
    void setColumns(QList<Column> columns, int defaultSortColumn, Qt::SortOrder defaultOrder);
    const Column &column(int index) const { return m_columns.at(index); }
    // The list order the current sort column asks the service for.
    ListOrder listOrder() const;
    void reportError(const QString &message);
    void clearError() { m_lastError.clear(); }
    void setLoading(bool loading);

private:
    QList<Column> m_columns;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    QString m_lastError;
    bool m_loading = false;
};

} // namespace signoff
