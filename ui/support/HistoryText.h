// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/AuditEvent.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace signoff {

// An item's audit events as people read them in its History tab
// (docs/design.md, "Approval policies" and "History"): what was done ("approved
// (1 of 2)", "submitted: needs 2 approvals") and, for an edit, what changed
// ("options/beta: false → true", "line 2 quantity: 3 → 5"), from the `changes`
// the server records (JSON Pointer paths, RFC 6901). It only reads what core
// wrote.
class HistoryText
{
    Q_DECLARE_TR_FUNCTIONS(signoff::HistoryText)

public:
    // What the event did, with its numbers.
    static QString summary(const AuditEvent &event);
    // One line per change of an update; empty when it names none.
    static QStringList changes(const AuditEvent &event);

    // "/options/beta" → "options/beta"; "/lines/1/quantity" → "line 2 quantity".
    static QString pathLabel(const QString &pointer);
    // A JSON value in a line of text: false, 3, "Dark mode", {…} shortened.
    static QString valueText(const QJsonValue &value);
};

} // namespace signoff
