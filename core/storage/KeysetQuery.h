#pragma once

#include "Connection.h"
#include "domain/Page.h"
#include "domain/Result.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace signoff {

// Builds a list statement that pages by key instead of by offset, so page
// 10,000 costs what page 1 costs: ORDER BY <sort>, <id> and, after a cursor,
// WHERE (<sort>, <id>) lies beyond the cursor's row. Column names come only
// from the repositories' fixed lists; every value is bound.
class KeysetQuery
{
public:
    KeysetQuery(QString selectFrom, QString idColumn);

    void where(const QString &clause, const QVariantList &values = {});
    void orderBy(const QString &sortColumn, bool descending);
    // Restricts to rows after the cursor; Invalid ("after") when it is not one of ours.
    Result<void> startAfter(const QString &cursor);

    // One row more than `limit` is fetched, to know whether a next page exists.
    QString sql() const;
    QVariantList values(int limit) const;

    static QString cursor(const QString &sortValue, const QString &id);

private:
    QString m_selectFrom;
    QString m_idColumn;
    QString m_sortColumn;
    bool m_descending = true;
    QStringList m_conditions;
    QVariantList m_values;
};

// Reads at most `limit` items (the statement fetched one more) and, when
// more follow, the cursor that continues after the last one.
template<typename T, typename Read, typename CursorOf>
Page<T> collectPage(Rows &rows, int limit, Read &&read, CursorOf &&cursorOf)
{
    Page<T> page;
    while (rows.next()) {
        if (page.items.size() == limit) {
            page.next = cursorOf(page.items.last());
            break;
        }
        page.items.append(read(rows));
    }
    return page;
}

// The common checks of a PageRequest, shared by every list.
Result<int> checkedLimit(const PageRequest &page);

// Escapes %, _ and \ for a LIKE ... ESCAPE '\' pattern and wraps it in %…%.
QString containsPattern(const QString &text);

} // namespace signoff
