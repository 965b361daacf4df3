// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

class QTableView;

namespace signoff {

// What a table shows, as CSV (docs/design.md, "The audit log": "every desktop
// table exports what it shows"): the headers of the columns shown, in the order
// shown, then each row's text as displayed, through domain/Csv.h (RFC 4180,
// formula-safe). Written whole or not at all (QSaveFile). The error, in the
// person's language; empty when it worked.
QString exportTableCsv(const QTableView &table, const QString &path, int maxRows);

} // namespace signoff
