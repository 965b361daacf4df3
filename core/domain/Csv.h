// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace signoff {

// CSV as RFC 4180 has it (UTF-8, CRLF line ends, quotes doubled), safe to
// open in a spreadsheet: a cell that starts with = + - @, a tab or a
// carriage return is prefixed with ' so that it is never run as a formula
// (docs/design.md, "The audit log"). Every CSV Signoff writes goes through here.
QByteArray csvCell(const QString &text);
// One record: the cells joined by commas, with its CRLF.
QByteArray csvRecord(const QStringList &cells);

} // namespace signoff
