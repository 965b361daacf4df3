// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CacheFootprint.h"

#include <QJsonArray>
#include <QJsonObject>

namespace signoff {

namespace {

// A heap block: the allocator's header and rounding, on 64-bit glibc.
constexpr qsizetype heapBlockOverhead = 16;
// A QString's or QByteArray's block: its header, the characters, the 0.
qsizetype textFootprint(const QString &text)
{
    return text.isEmpty() ? 0 : heapBlockOverhead + 16 + 2 * (text.size() + 1);
}
qsizetype bytesFootprint(const QByteArray &bytes)
{
    return bytes.isEmpty() ? 0 : heapBlockOverhead + 16 + bytes.size() + 1;
}

// Measured with `signoff serve`: 100,000 cached features of the benchmark's
// shape (22-character name, two options) took about 33 MB, 330 bytes each
// with the hash, its spans' slack and the eviction queue. These constants
// put the estimate for them a little higher, at about 470.
constexpr qsizetype cacheEntryOverhead = 64;
constexpr qsizetype jsonContainerOverhead = 64; // QCborContainerPrivate and its element list
constexpr qsizetype jsonElement = 16;

} // namespace

qsizetype approximateFootprint(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return jsonElement + 2 * value.toString().size();
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        qsizetype bytes = jsonElement + jsonContainerOverhead;
        for (const QJsonValue &element : array)
            bytes += approximateFootprint(element);
        return bytes;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        qsizetype bytes = jsonElement + jsonContainerOverhead;
        for (auto it = object.begin(); it != object.end(); ++it)
            bytes += jsonElement + 2 * it.key().size() + approximateFootprint(it.value());
        return bytes;
    }
    default:
        return jsonElement;
    }
}

qsizetype approximateFootprint(const Feature &feature)
{
    return cacheEntryOverhead + qsizetype(sizeof(Feature)) + textFootprint(feature.name)
        + textFootprint(feature.ownerUsername) + (feature.options.isEmpty() ? 0 : approximateFootprint(QJsonValue(feature.options)));
}

qsizetype approximateFootprint(const QByteArray &bytes)
{
    return cacheEntryOverhead + qsizetype(sizeof(QByteArray)) + bytesFootprint(bytes);
}

} // namespace signoff
