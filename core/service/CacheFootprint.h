// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Feature.h"

#include <QByteArray>
#include <QJsonValue>

namespace signoff {

// About how many bytes of memory a cached value takes: its own fields, the
// heap blocks behind its strings and JSON, and the cache's bookkeeping for
// it. An estimate (allocators round up, Qt shares what it can), but one that
// grows with the value, which is what bounding a cache by memory needs.
qsizetype approximateFootprint(const QJsonValue &value);
qsizetype approximateFootprint(const Feature &feature);
// Bytes kept as they are (a serialised representation).
qsizetype approximateFootprint(const QByteArray &bytes);

} // namespace signoff
