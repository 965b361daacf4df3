// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace signoff::rest {

// A request body as the JSON object it must be: {} when the body is empty or
// only whitespace; Invalid (400, reason "invalid-body") when it is not JSON,
// not an object, or names one field twice in any object; Invalid (400,
// "validation", the top-level field) when any text in it holds a NUL. Duplicate names are
// refused because parsers disagree about them (first wins, last wins): what
// a proxy or an audit tool reads must be what Signoff acts on.
Result<QJsonObject> parseJsonObject(const QByteArray &body);

// The first member name that occurs twice in one object of `json`, which
// must be a document QJsonDocument accepted. Linear in the size of `json`.
std::optional<QString> firstDuplicateName(const QByteArray &json);

} // namespace signoff::rest
