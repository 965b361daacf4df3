// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OrderLinesEditor.h"

#include "domain/Validation.h"
#include "support/FieldMessage.h"
#include "support/Format.h"
#include "support/Icons.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace signoff {

namespace {

// Generous on purpose: core's rule (validate::quantity) says what is
// acceptable, and its message says why, as the API would.
constexpr int quantityInputMax = 99999999;

QString productLabel(const Product &product)
{
    return QStringLiteral("%1 (%2)").arg(product.name, product.sku);
}

} // namespace

OrderLinesEditor::OrderLinesEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 4, this))
    , m_add(new QPushButton(themeIcon("list-add", QStyle::SP_FileDialogNewFolder), tr("&Add line"), this))
    , m_remove(new QPushButton(themeIcon("list-remove", QStyle::SP_TrashIcon), tr("&Remove line"), this))
    , m_total(new QLabel(this))
    , m_message(new FieldMessage(this))
{
    m_table->setObjectName(QStringLiteral("linesTable"));
    m_table->setAccessibleName(tr("Order lines"));
    m_table->setHorizontalHeaderLabels({tr("Product"), tr("Quantity"), tr("Unit price"), tr("Line total")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(ProductColumn, QHeaderView::Stretch);
    header->resizeSection(QuantityColumn, 110);
    header->resizeSection(UnitPriceColumn, 110);
    header->resizeSection(LineTotalColumn, 120);
    m_add->setObjectName(QStringLiteral("addLineButton"));
    m_add->setAutoDefault(false);
    m_remove->setObjectName(QStringLiteral("removeLineButton"));
    m_remove->setAutoDefault(false);
    m_total->setObjectName(QStringLiteral("orderTotal"));
    m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QFont bold = m_total->font();
    bold.setBold(true);
    m_total->setFont(bold);
    m_message->setObjectName(QStringLiteral("linesMessage"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_total);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    connect(m_add, &QPushButton::clicked, this, &OrderLinesEditor::addLine);
    connect(m_remove, &QPushButton::clicked, this, &OrderLinesEditor::removeSelectedLines);
    recalculate();
}

void OrderLinesEditor::setCatalogue(const QList<Product> &products)
{
    m_catalogue.clear();
    m_catalogueOrder = products;
    for (const Product &product : products)
        m_catalogue.insert(product.id, product);
    rebuild();
}

void OrderLinesEditor::setLines(const QList<LineItem> &lines)
{
    m_stored = lines;
    m_changed = false;
    m_lines.clear();
    for (const LineItem &line : lines)
        m_lines.append(NewLine{line.productId, line.quantity});
    rebuild();
}

void OrderLinesEditor::rebuild()
{
    const int current = m_table->currentRow();
    m_table->setRowCount(0);
    for (const NewLine &line : std::as_const(m_lines))
        appendRow(line);
    if (current >= 0 && current < m_table->rowCount())
        m_table->setCurrentCell(current, ProductColumn);
    recalculate();
}

QString OrderLinesEditor::productText(const QUuid &productId) const
{
    if (m_catalogue.contains(productId))
        return productLabel(m_catalogue.value(productId));
    for (const LineItem &line : m_stored) {
        if (line.productId == productId)
            return QStringLiteral("%1 (%2)").arg(line.productName, line.productSku);
    }
    return {};
}

void OrderLinesEditor::appendRow(const NewLine &line)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    for (int column : {UnitPriceColumn, LineTotalColumn}) {
        auto *item = new QTableWidgetItem;
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, column, item);
    }
    if (m_readOnly) {
        m_table->setItem(row, ProductColumn, new QTableWidgetItem(productText(line.productId)));
        auto *quantity = new QTableWidgetItem(QLocale().toString(line.quantity));
        quantity->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, QuantityColumn, quantity);
        return;
    }
    auto *picker = new QComboBox(m_table);
    picker->setObjectName(QStringLiteral("productPicker"));
    picker->setAccessibleName(tr("Product of line %1").arg(row + 1));
    m_table->setCellWidget(row, ProductColumn, picker);
    fillPicker(row, line.productId);
    auto *quantityBox = new QSpinBox(m_table);
    quantityBox->setObjectName(QStringLiteral("quantitySpin"));
    quantityBox->setAccessibleName(tr("Quantity of line %1").arg(row + 1));
    quantityBox->setRange(0, quantityInputMax);
    quantityBox->setValue(line.quantity);
    quantityBox->setAlignment(Qt::AlignRight);
    m_table->setCellWidget(row, QuantityColumn, quantityBox);
    connect(picker, &QComboBox::currentIndexChanged, this, &OrderLinesEditor::onRowEdited);
    connect(quantityBox, &QSpinBox::valueChanged, this, &OrderLinesEditor::onRowEdited);
}

void OrderLinesEditor::fillPicker(int row, const QUuid &productId)
{
    auto *picker = qobject_cast<QComboBox *>(m_table->cellWidget(row, ProductColumn));
    if (!picker)
        return;
    const QSignalBlocker blocker(picker);
    picker->clear();
    picker->addItem(tr("Choose a product…"), QString());
    for (const Product &product : std::as_const(m_catalogueOrder))
        picker->addItem(productLabel(product), product.id.toString());
    if (!productId.isNull() && !m_catalogue.contains(productId)) {
        // A stored line whose product is off sale: shown, but it cannot be ordered anew.
        for (const LineItem &line : std::as_const(m_stored)) {
            if (line.productId == productId) {
                picker->addItem(tr("%1 (%2) — no longer on sale").arg(line.productName, line.productSku),
                                productId.toString());
                break;
            }
        }
    }
    const int index = picker->findData(productId.isNull() ? QString() : productId.toString());
    picker->setCurrentIndex(index < 0 ? 0 : index);
}

// The pickers and spin boxes into m_lines.
void OrderLinesEditor::readEditors()
{
    for (int row = 0; row < m_table->rowCount() && row < m_lines.size(); ++row) {
        if (auto *picker = qobject_cast<QComboBox *>(m_table->cellWidget(row, ProductColumn)))
            m_lines[row].productId = QUuid::fromString(picker->currentData().toString());
        if (auto *quantityBox = qobject_cast<QSpinBox *>(m_table->cellWidget(row, QuantityColumn)))
            m_lines[row].quantity = quantityBox->value();
    }
}

QUuid OrderLinesEditor::productAt(int row) const
{
    return m_lines.at(row).productId;
}

int OrderLinesEditor::quantityAt(int row) const
{
    return m_lines.at(row).quantity;
}

qint64 OrderLinesEditor::unitPriceAt(int row) const
{
    const QUuid product = productAt(row);
    if (product.isNull())
        return 0;
    if (!m_changed && row < m_stored.size() && m_stored.at(row).productId == product)
        return m_stored.at(row).unitPriceCents;
    if (m_catalogue.contains(product))
        return m_catalogue.value(product).priceCents;
    for (const LineItem &line : m_stored) {
        if (line.productId == product)
            return line.unitPriceCents;
    }
    return 0;
}

qint64 OrderLinesEditor::totalCents() const
{
    qint64 total = 0;
    for (int row = 0; row < m_lines.size(); ++row)
        total += unitPriceAt(row) * quantityAt(row);
    return total;
}

void OrderLinesEditor::setReadOnly(bool readOnly)
{
    m_add->setVisible(!readOnly);
    m_remove->setVisible(!readOnly);
    if (readOnly == m_readOnly)
        return;
    m_readOnly = readOnly;
    rebuild();
}

void OrderLinesEditor::addLine()
{
    m_lines.append(NewLine{QUuid(), 1});
    appendRow(m_lines.last());
    const int row = m_table->rowCount() - 1;
    m_table->setCurrentCell(row, ProductColumn);
    if (QWidget *picker = m_table->cellWidget(row, ProductColumn))
        picker->setFocus();
    onRowEdited();
}

void OrderLinesEditor::removeSelectedLines()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_table->currentRow() >= 0)
        rows.append(m_table->currentRow());
    if (rows.isEmpty() && m_table->rowCount() > 0)
        rows.append(m_table->rowCount() - 1);
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : rows) {
        m_table->removeRow(row);
        m_lines.removeAt(row);
    }
    m_changed = true;
    recalculate();
    emit edited();
}

void OrderLinesEditor::onRowEdited()
{
    readEditors();
    m_changed = true;
    recalculate();
    emit edited();
}

void OrderLinesEditor::recalculate()
{
    for (int row = 0; row < m_table->rowCount() && row < m_lines.size(); ++row) {
        const qint64 unit = unitPriceAt(row);
        const bool chosen = !productAt(row).isNull();
        m_table->item(row, UnitPriceColumn)->setText(chosen ? Format::money(unit) : QString());
        m_table->item(row, LineTotalColumn)->setText(chosen ? Format::money(unit * quantityAt(row)) : QString());
    }
    m_total->setText(tr("Total: %1").arg(Format::money(totalCents())));

    m_problem.clear();
    const QList<FieldError> problems = validate::orderLines(lines());
    if (!problems.isEmpty()) {
        static const QRegularExpression index(QStringLiteral("^lines\\[(\\d+)\\]"));
        const FieldError &first = problems.first();
        const QRegularExpressionMatch match = index.match(first.field);
        m_problem = match.hasMatch() ? tr("Line %1: %2").arg(QString::number(match.captured(1).toInt() + 1), first.message.translated())
                                     : first.message.translated();
    }
    m_message->showProblem(m_problem);
}

} // namespace signoff
