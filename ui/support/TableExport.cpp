// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TableExport.h"

#include "domain/Csv.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QSaveFile>
#include <QTableView>

namespace signoff {

QString exportTableCsv(const QTableView &table, const QString &path, int maxRows)
{
    const QAbstractItemModel *model = table.model();
    const QHeaderView *header = table.horizontalHeader();
    QList<int> columns; // logical indexes, in the order shown
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("TableExport", "Cannot write %1: %2").arg(path, file.errorString());
    QStringList cells;
    for (int column : columns)
        cells.append(model->headerData(column, Qt::Horizontal).toString());
    file.write(csvRecord(cells));
    const int rows = qMin(model->rowCount(), maxRows);
    for (int row = 0; row < rows; ++row) {
        cells.clear();
        for (int column : columns)
            cells.append(model->index(row, column).data(Qt::DisplayRole).toString());
        file.write(csvRecord(cells));
    }
    if (!file.commit())
        return QCoreApplication::translate("TableExport", "Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace signoff
