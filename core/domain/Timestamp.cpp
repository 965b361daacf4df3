// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Timestamp.h"

namespace signoff {

namespace {

struct CivilDate
{
    qint64 year;
    int month;
    int day;
};

// A proleptic Gregorian date from days since 1970-01-01 (Howard Hinnant's
// civil_from_days).
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

} // namespace

QByteArray utcTimestampText(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    constexpr qint64 msPerDay = 86400000;
    const qint64 msecs = at.toMSecsSinceEpoch();
    const qint64 days = (msecs >= 0 ? msecs : msecs - (msPerDay - 1)) / msPerDay;
    const qint64 msOfDay = msecs - days * msPerDay;
    const CivilDate date = civilFromDays(days);
    if (date.year < 0 || date.year > 9999)
        return at.toUTC().toString(Qt::ISODateWithMs).toLatin1();
    QByteArray text(24, Qt::Uninitialized);
    char *out = text.data();
    const auto put = [&out](qint64 value, int width, char after) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            out[i] = char('0' + value % 10);
        out += width;
        *out++ = after;
    };
    put(date.year, 4, '-');
    put(date.month, 2, '-');
    put(date.day, 2, 'T');
    put(msOfDay / 3600000, 2, ':');
    put(msOfDay / 60000 % 60, 2, ':');
    put(msOfDay / 1000 % 60, 2, '.');
    put(msOfDay % 1000, 3, 'Z');
    return text;
}

} // namespace signoff
