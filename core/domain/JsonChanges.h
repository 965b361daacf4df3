// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace signoff {

// What an edit changed, as the `changes` of an update's audit event
// (docs/design.md, "History: what an edit changed"): one entry
// `{"path", "from", "to"}` per value that differs, where `path` is an RFC 6901
// JSON Pointer into the item's editable fields (`/options/beta`,
// `/lines/1/quantity`). Objects are compared member by member and arrays
// element by element, so a change deep in the options names that member
// only; a value of another type, or one that is only on one side, is one
// entry with the whole value; a value that was added has no `from`, one
// that was removed no `to` (so a JSON `null` stays distinct from "missing").
// Entries come in the order of the pointers' members (objects' keys sorted,
// array elements by index).
QJsonArray jsonChanges(const QJsonObject &before, const QJsonObject &after);

// The names of the top-level fields that `changes` touch, each once, in order
// (the audit event's `changed`).
QStringList changedFields(const QJsonArray &changes);

// One token of a JSON Pointer: `~` as `~0`, `/` as `~1` (RFC 6901, section 3).
QString jsonPointerToken(const QString &name);

} // namespace signoff
