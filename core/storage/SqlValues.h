// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>
#include <QVariant>

namespace signoff::sql {

// Values cross into SQL in one form that both dialects accept as bound
// parameters: UUIDs as canonical text, timestamps as RFC 3339 UTC text with
// milliseconds (SQLite compares them as text, so the format never varies),
// JSON as compact text. Reading accepts what either driver returns.

QVariant fromUuid(const QUuid &id);
QUuid toUuid(const QVariant &value);

QVariant fromTime(const QDateTime &time);
QDateTime toTime(const QVariant &value);

QVariant fromJson(const QJsonObject &object);
QJsonObject toJson(const QVariant &value);

QVariant fromOptionalText(const QString &text); // NULL when empty

} // namespace signoff::sql
