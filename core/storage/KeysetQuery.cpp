// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "KeysetQuery.h"

#include "SqlValues.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace signoff {

namespace {

Error badCursor()
{
    return Error::invalidField(QStringLiteral("after"),
                               Message(QT_TRANSLATE_NOOP("Core", "The cursor is not valid; start again from the first page.")));
}

QString cursorText(const QVariant &value)
{
    // Timestamps come back as QDateTime from PostgreSQL, as text from SQLite;
    // the cursor always carries the stored text form.
    if (value.metaType() == QMetaType::fromType<QDateTime>())
        return sql::fromTime(value.toDateTime()).toString();
    return value.toString();
}

constexpr qsizetype maxCursorText = 1024;

// The sort value as it may be bound for a column of this kind.
std::optional<QVariant> checkedSortValue(const QString &text, KeysetQuery::SortValue kind)
{
    if (text.size() > maxCursorText || text.contains(QChar(u'\0')))
        return std::nullopt;
    switch (kind) {
    case KeysetQuery::SortValue::Text:
        return QVariant(text);
    case KeysetQuery::SortValue::Timestamp: {
        const QDateTime time = sql::toTime(text);
        if (!time.isValid() || sql::fromTime(time).toString() != text)
            return std::nullopt;
        return QVariant(text);
    }
    case KeysetQuery::SortValue::Integer: {
        bool ok = false;
        const qint64 number = text.toLongLong(&ok);
        if (!ok || QString::number(number) != text)
            return std::nullopt;
        return QVariant(number);
    }
    }
    return std::nullopt;
}

std::optional<qint64> checkedTieBreak(const QString &text)
{
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    if (!ok || number < 0 || QString::number(number) != text)
        return std::nullopt;
    return number;
}

} // namespace

KeysetQuery::SortValue sortValueOf(SortKey key)
{
    switch (key) {
    case SortKey::CreatedAt:
    case SortKey::UpdatedAt: return KeysetQuery::SortValue::Timestamp;
    case SortKey::Name:
    case SortKey::Status:
    case SortKey::Owner: return KeysetQuery::SortValue::Text;
    }
    return KeysetQuery::SortValue::Text;
}

KeysetQuery::KeysetQuery(const QStringList &columns, QString from, QString tieBreakColumn)
    : m_columns(columns.join(QStringLiteral(", ")))
    , m_from(std::move(from))
    , m_tieBreak(std::move(tieBreakColumn))
    , m_columnCount(int(columns.size()))
{
}

void KeysetQuery::where(const QString &clause, const QVariantList &values)
{
    m_conditions.append(clause);
    m_values.append(values);
}

void KeysetQuery::orderBy(const QString &sortColumn, bool descending, SortValue kind)
{
    m_sortColumn = sortColumn;
    m_descending = descending;
    m_sortValue = kind;
}

Result<void> KeysetQuery::startAfter(const QString &cursor)
{
    if (cursor.isEmpty())
        return {};
    if (cursor.size() > 2048)
        return badCursor();
    const QByteArray decoded = QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding
                                                                             | QByteArray::AbortOnBase64DecodingErrors);
    const QJsonDocument document = QJsonDocument::fromJson(decoded);
    const QJsonArray parts = document.array();
    // Cursors made before lists could be sorted have no order tag: they came
    // from the default order and are still taken (a rolling upgrade runs old
    // and new instances side by side).
    const bool tagged = parts.size() == 3;
    if (!document.isArray() || (parts.size() != 2 && !tagged) || !parts.at(0).isString() || !parts.at(1).isString())
        return badCursor();
    if (tagged && parts.at(2).toString() != orderTag())
        return Error::invalidField(QStringLiteral("after"),
                                   Message(QT_TRANSLATE_NOOP("Core", "The cursor belongs to a list in another order; start again from the first page.")));
    const std::optional<QVariant> sortValue = checkedSortValue(parts.at(0).toString(), m_sortValue);
    const std::optional<qint64> tieBreak = checkedTieBreak(parts.at(1).toString());
    if (!sortValue || !tieBreak)
        return badCursor();
    const QString op = m_descending ? QStringLiteral("<") : QStringLiteral(">");
    where(QStringLiteral("(%1 %2 ? OR (%1 = ? AND %3 %2 ?))").arg(m_sortColumn, op, m_tieBreak),
          {*sortValue, *sortValue, *tieBreak});
    return {};
}

QString KeysetQuery::cursor(const QVariant &sortValue, const QVariant &tieBreak) const
{
    const QByteArray json = QJsonDocument(QJsonArray{cursorText(sortValue), tieBreak.toString(), orderTag()})
                                .toJson(QJsonDocument::Compact);
    return QString::fromLatin1(json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// A short fingerprint of the order, so a cursor used with another order is
// refused instead of silently starting at an unrelated place; a checksum
// rather than the column's name keeps the schema out of what clients see.
QString KeysetQuery::orderTag() const
{
    const QByteArray order = (m_sortColumn + (m_descending ? QStringLiteral(" desc") : QStringLiteral(" asc"))).toUtf8();
    return QString::number(qChecksum(order), 16);
}

QString KeysetQuery::sql() const
{
    QString sql = QStringLiteral("SELECT ") + m_columns + QStringLiteral(", ") + m_sortColumn + QStringLiteral(", ")
        + m_tieBreak + QStringLiteral(" FROM ") + m_from;
    if (!m_conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + m_conditions.join(QStringLiteral(" AND "));
    const QString direction = m_descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    sql += QStringLiteral(" ORDER BY %1 %2, %3 %2 LIMIT ?").arg(m_sortColumn, direction, m_tieBreak);
    return sql;
}

QVariantList KeysetQuery::values(int limit) const
{
    QVariantList values = m_values;
    values.append(limit + 1);
    return values;
}

Result<int> checkedLimit(const PageRequest &page)
{
    if (page.limit < 1 || page.limit > maxPageSize)
        return Error::invalidField(QStringLiteral("limit"),
                                   Message(QT_TRANSLATE_NOOP("Core", "The limit must be between 1 and %1."),
                                           {QString::number(maxPageSize)}));
    return page.limit;
}

QString containsPattern(const QString &text)
{
    // Stored text is NFC (normalizedText): so is what is looked for.
    QString escaped = text.normalized(QString::NormalizationForm_C).toLower();
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

QString insertionOrder(SqlDialect dialect, const QString &alias)
{
    return alias + (dialect == SqlDialect::Sqlite ? QStringLiteral(".rowid") : QStringLiteral(".seq"));
}

} // namespace signoff
