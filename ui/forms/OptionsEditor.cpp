// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OptionsEditor.h"

#include "domain/Validation.h"
#include "support/FieldMessage.h"
#include "support/Icons.h"
#include "support/ReadOnlyLook.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace signoff {

OptionsEditor::OptionsEditor(QWidget *parent)
    : QObject(parent)
    , m_tablePage(new QWidget(parent))
    , m_jsonPage(new QWidget(parent))
    , m_table(new QTableWidget(0, 2, m_tablePage))
    , m_json(new QPlainTextEdit(m_jsonPage))
    , m_add(new QPushButton(themeIcon("list-add", QStyle::SP_FileDialogNewFolder), tr("&Add option"), m_tablePage))
    , m_remove(new QPushButton(themeIcon("list-remove", QStyle::SP_TrashIcon), tr("&Remove"), m_tablePage))
    , m_message(new FieldMessage(parent))
{
    m_table->setObjectName(QStringLiteral("optionsTable"));
    m_table->setAccessibleName(tr("Options"));
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Value (JSON)")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(0, 180);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_add->setObjectName(QStringLiteral("addOptionButton"));
    m_add->setAutoDefault(false);
    m_remove->setObjectName(QStringLiteral("removeOptionButton"));
    m_remove->setAutoDefault(false);
    m_message->setObjectName(QStringLiteral("optionsMessage"));

    auto *tableButtons = new QVBoxLayout;
    tableButtons->addWidget(m_add);
    tableButtons->addWidget(m_remove);
    tableButtons->addStretch(1);
    auto *tableLayout = new QHBoxLayout(m_tablePage);
    tableLayout->addWidget(m_table, 1);
    tableLayout->addLayout(tableButtons);

    m_json->setObjectName(QStringLiteral("optionsJson"));
    m_json->setAccessibleName(tr("Options as JSON"));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setTabChangesFocus(true);
    m_json->setPlaceholderText(QStringLiteral("{\"key\": \"value\"}"));
    auto *jsonLayout = new QVBoxLayout(m_jsonPage);
    jsonLayout->addWidget(m_json);

    connect(m_table, &QTableWidget::itemChanged, this, &OptionsEditor::onTableEdited);
    connect(m_json, &QPlainTextEdit::textChanged, this, &OptionsEditor::onJsonEdited);
    connect(m_add, &QPushButton::clicked, this, &OptionsEditor::addRow);
    connect(m_remove, &QPushButton::clicked, this, &OptionsEditor::removeSelectedRows);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_table->isEnabled() ? false : !m_table->selectedItems().isEmpty()); });
    m_remove->setEnabled(false);
    fillTable({});
    fillJson({});
}

QString OptionsEditor::valueText(const QJsonValue &value)
{
    // Compact JSON of the value alone: serialize it inside an array and strip the brackets.
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QJsonValue OptionsEditor::valueFromText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QString();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray("[") + trimmed.toUtf8() + QByteArray("]"), &error);
    if (error.error == QJsonParseError::NoError && document.isArray() && document.array().size() == 1)
        return document.array().first();
    return text;
}

void OptionsEditor::setOptions(const QJsonObject &options)
{
    m_options = options;
    fillTable(options);
    fillJson(options);
    setProblem(QString());
}

void OptionsEditor::setReadOnly(bool readOnly)
{
    m_table->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                      : QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                            | QAbstractItemView::AnyKeyPressed);
    m_json->setReadOnly(readOnly);
    setReadOnlyLook(m_json, readOnly);
    m_add->setVisible(!readOnly);
    m_remove->setVisible(!readOnly);
}

void OptionsEditor::addRow()
{
    const int row = m_table->rowCount();
    {
        const QSignalBlocker blocker(m_table);
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem);
        m_table->setItem(row, 1, new QTableWidgetItem);
    }
    m_table->setCurrentCell(row, 0);
    m_table->editItem(m_table->item(row, 0));
    onTableEdited();
}

void OptionsEditor::removeSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_table->currentRow() >= 0)
        rows.append(m_table->currentRow());
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    {
        const QSignalBlocker blocker(m_table);
        for (int row : rows)
            m_table->removeRow(row);
    }
    onTableEdited();
}

void OptionsEditor::onTableEdited()
{
    if (m_updating)
        return;
    QJsonObject options;
    QSet<QString> keys;
    QString problem;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString key = m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        const QString value = m_table->item(row, 1) ? m_table->item(row, 1)->text() : QString();
        if (key.isEmpty()) {
            if (problem.isEmpty())
                problem = tr("Enter a key in row %1.").arg(row + 1);
            continue;
        }
        if (keys.contains(key)) {
            if (problem.isEmpty())
                problem = tr("The key ‘%1’ appears more than once.").arg(key);
            continue;
        }
        keys.insert(key);
        options.insert(key, valueFromText(value));
    }
    if (problem.isEmpty()) {
        if (const auto tooLarge = validate::options(options))
            problem = tooLarge->translated();
    }
    if (problem.isEmpty()) {
        m_options = options;
        fillJson(options);
    }
    setProblem(problem);
    emit edited();
}

void OptionsEditor::onJsonEdited()
{
    if (m_updating)
        return;
    Message parseProblem;
    const std::optional<QJsonObject> parsed = parseOptions(m_json->toPlainText(), &parseProblem);
    if (!parsed) {
        setProblem(parseProblem.translated());
        emit edited();
        return;
    }
    QString problem;
    if (const auto tooLarge = validate::options(*parsed))
        problem = tooLarge->translated();
    if (problem.isEmpty()) {
        m_options = *parsed;
        fillTable(*parsed);
    }
    setProblem(problem);
    emit edited();
}

void OptionsEditor::fillTable(const QJsonObject &options)
{
    m_updating = true;
    {
        const QSignalBlocker blocker(m_table);
        m_table->setRowCount(0);
        for (auto it = options.constBegin(); it != options.constEnd(); ++it) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_table->setItem(row, 0, new QTableWidgetItem(it.key()));
            m_table->setItem(row, 1, new QTableWidgetItem(valueText(it.value())));
        }
    }
    m_updating = false;
}

void OptionsEditor::fillJson(const QJsonObject &options)
{
    m_updating = true;
    const QString text = options.isEmpty() ? QStringLiteral("{}")
                                           : QString::fromUtf8(QJsonDocument(options).toJson(QJsonDocument::Indented));
    if (m_json->toPlainText() != text)
        m_json->setPlainText(text);
    m_updating = false;
}

void OptionsEditor::setProblem(const QString &problem)
{
    m_problem = problem;
    m_message->showProblem(problem);
}

} // namespace signoff
