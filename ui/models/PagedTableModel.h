// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "TableModel.h"
#include "domain/Page.h"
#include "domain/Result.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <functional>
#include <memory>

namespace signoff {

// A table over a list the backend hands out page by page (keyset cursors).
// Rows arrive as the view scrolls (canFetchMore/fetchMore), so a list of a
// million rows opens as fast as one of ten. refresh() reloads what is shown
// and applies the difference as removals, moves and insertions, so views keep
// their selection and current row.
//
// Loading is asynchronous: fetchMore(), reload() and refresh() return at
// once; loaded() (or loadFailed()) follows when the rows are in. One load runs
// at a time; a refresh asked for meanwhile runs after it, a reload replaces it.
// The rows shown stay until the new ones arrive.
//
// A subclass names the source: restartSource() forgets the cursor,
// fetchFromSource() fetches the next rows (at most `limit`) and hands them to
// `done`, and sourceExhausted() says when there are no more. Its backend
// calls answer to `epoch` (Call::then(epoch, ...)): when a reload makes what
// is under way pointless, the epoch is replaced and the old answers vanish.
template<typename Row>
class PagedTableModel : public TableModel
{
public:
    static constexpr int pageSize = 200;
    using Done = std::function<void(Result<QList<Row>>)>;

    explicit PagedTableModel(QObject *parent = nullptr)
        : TableModel(parent)
        , m_epoch(new QObject(this))
    {
    }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const Row &row = m_rows.at(index.row());
        if (role == KeyRole)
            return keyOf(row);
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(column(index.column()).numeric ? Qt::AlignRight | Qt::AlignVCenter
                                                                      : Qt::AlignLeft | Qt::AlignVCenter);
        return cell(row, index.column(), role);
    }

    bool canFetchMore(const QModelIndex &parent) const override
    {
        return !parent.isValid() && !m_failed && !sourceExhausted();
    }

    void fetchMore(const QModelIndex &parent) override
    {
        // Views (and QAbstractItemModelTester) ask again while a page is on
        // its way; they ask once more when it is in.
        if (!canFetchMore(parent) || isLoading())
            return;
        setLoading(true);
        fetchFromSource(pageSize, m_epoch, [this](Result<QList<Row>> fetched) {
            if (!fetched) {
                m_failed = true;
                finishLoad(fetched.error().translatedSummary());
                return;
            }
            // A row that changed between two pages can come again after the
            // cursor; it is already shown.
            QList<Row> fresh;
            for (Row &row : fetched.value()) {
                if (!m_index.contains(keyOf(row)))
                    fresh.append(std::move(row));
            }
            if (!fresh.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size() - 1));
                for (Row &row : fresh) {
                    m_index.insert(keyOf(row), m_rows.size());
                    m_rows.append(std::move(row));
                }
                endInsertRows();
            }
            finishLoad({});
        });
    }

    void reload() override
    {
        restartEpoch();
        m_refreshWaiting = false;
        m_failed = false;
        clearError();
        restartSource();
        setLoading(true);
        fetchFromSource(pageSize, m_epoch, [this](Result<QList<Row>> fetched) {
            beginResetModel();
            m_rows.clear();
            m_index.clear();
            QString problem;
            if (fetched) {
                for (Row &row : fetched.value()) {
                    const QString key = keyOf(row);
                    if (m_index.contains(key))
                        continue;
                    m_index.insert(key, m_rows.size());
                    m_rows.append(std::move(row));
                }
            } else {
                m_failed = true;
                problem = fetched.error().translatedSummary();
            }
            endResetModel();
            finishLoad(problem);
        });
    }

    void refresh() override
    {
        if (isLoading()) {
            m_refreshWaiting = true;
            return;
        }
        setLoading(true);
        const qsizetype wanted = std::max<qsizetype>(pageSize, m_rows.size());
        restartSource();
        refreshFrom(std::make_shared<Gathered>(), wanted);
    }

    QString keyAt(int row) const override { return row >= 0 && row < m_rows.size() ? keyOf(m_rows.at(row)) : QString(); }
    int rowOfKey(const QString &key) const override { return int(m_index.value(key, -1)); }
    bool isComplete() const override { return m_failed || sourceExhausted(); }

    const Row &rowAt(int row) const { return m_rows.at(row); }
    const QList<Row> &rows() const { return m_rows; }

protected:
    // Sets one filter of the list's query and loads the list again, unless
    // the filter is so already.
    template<typename Value>
    void setFilter(Value &filter, const Value &value)
    {
        if (filter == value)
            return;
        filter = value;
        reload();
    }

    virtual void restartSource() = 0;
    virtual void fetchFromSource(int limit, QObject *epoch, Done done) = 0;
    virtual bool sourceExhausted() const = 0;
    virtual QString keyOf(const Row &row) const = 0;
    virtual QVariant cell(const Row &row, int column, int role) const = 0;

private:
    struct Gathered
    {
        QList<Row> rows;
        QSet<QString> keys;
    };

    void restartEpoch()
    {
        delete m_epoch;
        m_epoch = new QObject(this);
    }

    // After every load: the error (if any), loaded(), a refresh that waited.
    void finishLoad(const QString &problem)
    {
        setLoading(false);
        if (!problem.isEmpty())
            reportError(problem);
        emit loaded();
        if (m_refreshWaiting) {
            m_refreshWaiting = false;
            refresh();
        }
    }

    // Fetches pages until `wanted` rows are gathered or the source ends,
    // then applies the difference to what is shown.
    void refreshFrom(std::shared_ptr<Gathered> gathered, qsizetype wanted)
    {
        if (gathered->rows.size() >= wanted || sourceExhausted()) {
            m_failed = false;
            clearError();
            applyDifference(std::move(gathered->rows));
            finishLoad({});
            return;
        }
        const int limit = int(std::min<qsizetype>(maxPageSize, wanted - gathered->rows.size()));
        fetchFromSource(limit, m_epoch, [this, gathered, wanted](Result<QList<Row>> fetched) {
            if (!fetched) {
                m_failed = true;
                finishLoad(fetched.error().translatedSummary());
                return;
            }
            if (fetched->isEmpty()) {
                refreshFrom(gathered, 0);
                return;
            }
            for (Row &row : fetched.value()) {
                const QString key = keyOf(row);
                if (!gathered->keys.contains(key)) {
                    gathered->keys.insert(key);
                    gathered->rows.append(std::move(row));
                }
            }
            refreshFrom(gathered, wanted);
        });
    }

    void applyDifference(QList<Row> fresh)
    {
        QSet<QString> freshKeys;
        for (const Row &row : fresh)
            freshKeys.insert(keyOf(row));

        // 1. Rows that are gone, removed in contiguous blocks from the bottom.
        for (qsizetype last = m_rows.size() - 1; last >= 0;) {
            if (freshKeys.contains(keyOf(m_rows.at(last)))) {
                --last;
                continue;
            }
            qsizetype first = last;
            while (first > 0 && !freshKeys.contains(keyOf(m_rows.at(first - 1))))
                --first;
            beginRemoveRows({}, int(first), int(last));
            m_rows.remove(first, last - first + 1);
            endRemoveRows();
            last = first - 1;
        }

        // 2. The rows that stay, moved into their new relative order.
        QSet<QString> stayingKeys;
        for (const Row &row : std::as_const(m_rows))
            stayingKeys.insert(keyOf(row));
        QList<Row> staying;
        for (const Row &row : fresh) {
            if (stayingKeys.contains(keyOf(row)))
                staying.append(row);
        }
        bool reordered = false;
        for (qsizetype i = 0; i < staying.size(); ++i) {
            if (keyOf(staying.at(i)) != keyOf(m_rows.at(i))) {
                reordered = true;
                break;
            }
        }
        if (reordered) {
            emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
            QHash<QString, int> newRow;
            for (qsizetype i = 0; i < staying.size(); ++i)
                newRow.insert(keyOf(staying.at(i)), int(i));
            const QModelIndexList from = persistentIndexList();
            QModelIndexList to;
            to.reserve(from.size());
            for (const QModelIndex &index : from)
                to.append(index.isValid() ? this->index(newRow.value(keyOf(m_rows.at(index.row()))), index.column())
                                          : QModelIndex());
            m_rows = staying;
            changePersistentIndexList(from, to);
            emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
        }

        // 3. New rows, inserted where they belong; the others take their new content.
        for (qsizetype i = 0; i < fresh.size();) {
            if (i < m_rows.size() && keyOf(m_rows.at(i)) == keyOf(fresh.at(i))) {
                m_rows[i] = fresh.at(i);
                ++i;
                continue;
            }
            qsizetype end = i;
            while (end < fresh.size() && !stayingKeys.contains(keyOf(fresh.at(end))))
                ++end;
            beginInsertRows({}, int(i), int(end - 1));
            for (qsizetype j = i; j < end; ++j)
                m_rows.insert(j, fresh.at(j));
            endInsertRows();
            i = end;
        }

        m_index.clear();
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            m_index.insert(keyOf(m_rows.at(i)), i);
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size() - 1), columnCount() - 1));
    }

    QList<Row> m_rows;
    QHash<QString, qsizetype> m_index;
    QObject *m_epoch;
    bool m_failed = false;
    bool m_refreshWaiting = false;
};

} // namespace signoff
