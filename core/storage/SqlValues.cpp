#include "SqlValues.h"

#include <QJsonDocument>

#include <optional>

namespace signoff::sql {

QVariant fromUuid(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QUuid toUuid(const QVariant &value)
{
    return QUuid::fromString(value.toString());
}

namespace {

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
// days_from_civil).
qint64 daysFromCivil(qint64 year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

struct CivilDate
{
    qint64 year;
    int month;
    int day;
};

// The inverse: a proleptic Gregorian date from days since 1970-01-01
// (Howard Hinnant's civil_from_days).
CivilDate civilFromDays(qint64 days)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    const int month = int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    return {yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

// YYYY-MM-DDTHH:MM:SS.sssZ, as QDateTime::toString(Qt::ISODateWithMs) writes
// a UTC time, without its general formatter (which cost as much as a
// create's B-tree inserts into two indexes); years outside 0..9999 are left
// to Qt.
std::optional<QString> formatStoredTime(qint64 msecs)
{
    const qint64 msPerDay = 86400000;
    const qint64 days = (msecs >= 0 ? msecs : msecs - (msPerDay - 1)) / msPerDay;
    qint64 ofDay = msecs - days * msPerDay;
    const CivilDate date = civilFromDays(days);
    if (date.year < 0 || date.year > 9999)
        return std::nullopt;
    const int ms = int(ofDay % 1000);
    ofDay /= 1000;
    const int second = int(ofDay % 60), minute = int(ofDay / 60 % 60), hour = int(ofDay / 3600);
    QString text(24, Qt::Uninitialized);
    QChar *c = text.data();
    const auto put = [&c](qint64 value, int width, char16_t after) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            c[i] = QChar(u'0' + char16_t(value % 10));
        c += width;
        *c++ = QChar(after);
    };
    put(date.year, 4, u'-');
    put(date.month, 2, u'-');
    put(date.day, 2, u'T');
    put(hour, 2, u':');
    put(minute, 2, u':');
    put(second, 2, u'.');
    put(ms, 3, u'Z');
    return text;
}

// What fromTime() writes, YYYY-MM-DDTHH:MM:SS.sssZ, read without
// QDateTime::fromString (which costs more than the rest of a row); anything
// else is left to Qt.
std::optional<QDateTime> parseStoredTime(const QString &text)
{
    if (text.size() != 24)
        return std::nullopt;
    const QChar *c = text.constData();
    const auto digits = [c](int from, int count, int *out) {
        int value = 0;
        for (int i = from; i < from + count; ++i) {
            const char16_t unit = c[i].unicode();
            if (unit < u'0' || unit > u'9')
                return false;
            value = value * 10 + (unit - u'0');
        }
        *out = value;
        return true;
    };
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, ms = 0;
    if (c[4] != u'-' || c[7] != u'-' || c[10] != u'T' || c[13] != u':' || c[16] != u':' || c[19] != u'.'
        || c[23] != u'Z' || !digits(0, 4, &year) || !digits(5, 2, &month) || !digits(8, 2, &day)
        || !digits(11, 2, &hour) || !digits(14, 2, &minute) || !digits(17, 2, &second) || !digits(20, 3, &ms))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    const qint64 msecs = ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60000LL + second * 1000LL + ms;
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

} // namespace

QVariant fromTime(const QDateTime &time)
{
    if (!time.isValid())
        return QVariant(QMetaType::fromType<QString>());
    if (auto text = formatStoredTime(time.toMSecsSinceEpoch()))
        return *text;
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime toTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.metaType() == QMetaType::fromType<QDateTime>())
        return value.toDateTime().toUTC();
    const QString text = value.toString();
    if (auto parsed = parseStoredTime(text))
        return *parsed;
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time.toUTC();
}

QVariant fromJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject toJson(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QVariant fromOptionalText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace signoff::sql
