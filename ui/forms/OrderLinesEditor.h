// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Order.h"
#include "domain/Product.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace signoff {

class FieldMessage;

// An order's lines: a product picker (products on sale), the quantity, the
// unit price, the line total and the order's total, all updated as the
// person types. Prices follow the service: lines keep the price they were
// written at until any line changes, then all are priced anew.
class OrderLinesEditor : public QWidget
{
    Q_OBJECT
public:
    enum Columns { ProductColumn, QuantityColumn, UnitPriceColumn, LineTotalColumn };

    explicit OrderLinesEditor(QWidget *parent = nullptr);

    // The products on sale, for the pickers.
    void setCatalogue(const QList<Product> &products);
    // The lines as stored (their prices as written).
    void setLines(const QList<LineItem> &lines);
    QList<NewLine> lines() const { return m_lines; }
    bool linesChanged() const { return m_changed; }
    qint64 totalCents() const;
    bool isValid() const { return m_problem.isEmpty(); }
    QString problem() const { return m_problem; }
    FieldMessage *message() const { return m_message; }
    void setReadOnly(bool readOnly);

    void addLine();
    void removeSelectedLines();

signals:
    void edited();

private:
    // The table again from m_lines: pickers and spin boxes to edit, plain text to read.
    void rebuild();
    void appendRow(const NewLine &line);
    void fillPicker(int row, const QUuid &productId);
    QString productText(const QUuid &productId) const;
    void readEditors();
    QUuid productAt(int row) const;
    int quantityAt(int row) const;
    qint64 unitPriceAt(int row) const;
    void recalculate();
    void onRowEdited();

    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_total;
    FieldMessage *m_message;
    QHash<QUuid, Product> m_catalogue;
    QList<Product> m_catalogueOrder;
    QList<LineItem> m_stored;
    QList<NewLine> m_lines; // what the table shows, as the person left it
    QString m_problem;
    bool m_changed = false;
    bool m_readOnly = false;
};

} // namespace signoff
