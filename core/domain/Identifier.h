// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QUuid>

namespace signoff {

// A new row id: a UUID of version 7 (RFC 9562), whose first 48 bits are the
// Unix time in milliseconds and the other 74 random. Ids made later sort
// after earlier ones, so every index keyed by an id (the primary keys, the
// audit trail's entity index) grows at its end instead of at random pages:
// a create touches a few hot pages rather than one cold page per index, and
// the write-ahead log carries a fraction of the bytes. Version 4 ids scatter.
QUuid newIdentifier();

} // namespace signoff
