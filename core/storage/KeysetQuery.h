// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Connection.h"
#include "domain/Page.h"
#include "domain/Queries.h"
#include "domain/Result.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace signoff {

// Builds a list statement that pages by key instead of by offset, so page
// 10,000 costs what page 1 costs: ORDER BY <sort>, <tie-break> and, after a
// cursor, only rows beyond the cursor's (sort, tie-break) pair. The tie-break
// is the row's insertion order (SQLite's rowid, PostgreSQL's seq), so equal
// timestamps still list newest first. Column names come only from the
// repositories' fixed lists; every value is bound.
//
// The statement selects `columns`, then the sort value and the tie-break, so
// collectPage() can make the next cursor from the last row it keeps.
class KeysetQuery
{
public:
    // What the sort column holds, so a cursor's sort value is checked as
    // such before it is bound (a forged one is 400, not a database error).
    enum class SortValue { Text, Timestamp, Integer };

    KeysetQuery(const QStringList &columns, QString from, QString tieBreakColumn);

    void where(const QString &clause, const QVariantList &values = {});
    void orderBy(const QString &sortColumn, bool descending, SortValue kind);
    // Restricts to rows after the cursor; Invalid ("after") when it is not one
    // of ours: not base64url of a JSON array of strings, a sort value of the
    // wrong kind (or not in the stored form), a tie-break that is no number,
    // or made for another order.
    Result<void> startAfter(const QString &cursor);
    // The opaque cursor for a row whose sort value and tie-break are given.
    QString cursor(const QVariant &sortValue, const QVariant &tieBreak) const;

    // One row more than `limit` is fetched, to know whether a next page exists.
    QString sql() const;
    QVariantList values(int limit) const;
    // Where the sort value and the tie-break appear in each row.
    int keyColumn() const { return m_columnCount; }

private:
    QString orderTag() const;

    QString m_columns;
    QString m_from;
    QString m_tieBreak;
    int m_columnCount;
    QString m_sortColumn;
    bool m_descending = true;
    SortValue m_sortValue = SortValue::Text;
    QStringList m_conditions;
    QVariantList m_values;
};

// What a list's sort key holds.
KeysetQuery::SortValue sortValueOf(SortKey key);

// Reads at most `limit` items (the statement fetched one more) and, when
// more follow, the cursor that continues after the last one kept.
template<typename T, typename Read>
Page<T> collectPage(Rows &rows, int limit, const KeysetQuery &keyset, Read &&read)
{
    const int keyColumn = keyset.keyColumn();
    Page<T> page;
    QVariant lastSort;
    QVariant lastTieBreak;
    while (rows.next()) {
        if (page.items.size() == limit) {
            page.next = keyset.cursor(lastSort, lastTieBreak);
            break;
        }
        lastSort = rows.value(keyColumn);
        lastTieBreak = rows.value(keyColumn + 1);
        page.items.append(read(rows));
    }
    return page;
}

// The common checks of a PageRequest, shared by every list.
Result<int> checkedLimit(const PageRequest &page);

// Escapes %, _ and \ for a LIKE ... ESCAPE '\' pattern and wraps it in %…%.
QString containsPattern(const QString &text);

// The insertion-order column of `alias` for the dialect: SQLite's implicit
// rowid, PostgreSQL's identity column seq.
QString insertionOrder(SqlDialect dialect, const QString &alias);

} // namespace signoff
