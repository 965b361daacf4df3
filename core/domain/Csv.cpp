// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Csv.h"

namespace signoff {

QByteArray csvCell(const QString &text)
{
    QString cell = text;
    if (!cell.isEmpty()) {
        const QChar first = cell.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
            cell.prepend(u'\'');
    }
    const bool quoted = cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\n') || cell.contains(u'\r');
    if (!quoted)
        return cell.toUtf8();
    cell.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return '"' + cell.toUtf8() + '"';
}

QByteArray csvRecord(const QStringList &cells)
{
    QByteArray record;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            record += ',';
        record += csvCell(cells.at(i));
    }
    return record + "\r\n";
}

} // namespace signoff
