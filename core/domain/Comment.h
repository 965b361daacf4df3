// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QString>

namespace signoff {

// A remark in an item's discussion (docs/design.md, "Approval policies").
// Comments are kept in the audit log (action "comment"), which is append-only,
// so a comment is never edited or removed; `id` is its audit event's id.
struct Comment
{
    qint64 id = 0;
    QString author; // username
    QDateTime at;
    QString body;
};

} // namespace signoff
