// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QDateTime>

namespace signoff {

// The text of an instant wherever Signoff writes one (the database's
// timestamps, the REST API's): 2024-05-01T12:34:56.789Z, exactly what
// QDateTime::toString(Qt::ISODateWithMs) gives for the UTC time, but written
// directly: Qt's general formatter cost more than the rest of a row on the
// write path and of a representation on the read path. Years beyond four
// digits are left to Qt. Empty for an invalid time.
QByteArray utcTimestampText(const QDateTime &at);

} // namespace signoff
