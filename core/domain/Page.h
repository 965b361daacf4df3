// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>

namespace signoff {

// Keyset paging: lists are newest first with a stable tie-break, and the
// cursor is opaque to callers (docs/design.md, "API").
constexpr int defaultPageSize = 50;
constexpr int maxPageSize = 500;

struct PageRequest
{
    int limit = defaultPageSize;
    QString after; // opaque cursor from a previous page's `next`; empty = first page
};

template<typename T>
struct Page
{
    QList<T> items;
    QString next; // empty when this is the last page
};

} // namespace signoff
