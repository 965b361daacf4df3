// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QJsonObject>
#include <QObject>

class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QWidget;

namespace signoff {

class FieldMessage;

// A feature's options, edited two ways that stay in sync: a key/value table
// (each value a JSON value: 42, true, "text", [1, 2]; text that is not JSON
// is taken as a string) and the raw JSON object. The form places the two
// pages; this class keeps them agreeing and says what is wrong.
class OptionsEditor : public QObject
{
    Q_OBJECT
public:
    explicit OptionsEditor(QWidget *parent);

    QWidget *tablePage() const { return m_tablePage; }
    QWidget *jsonPage() const { return m_jsonPage; }
    FieldMessage *message() const { return m_message; }

    void setOptions(const QJsonObject &options);
    // The options as last edited validly.
    QJsonObject options() const { return m_options; }
    bool isValid() const { return m_problem.isEmpty(); }
    QString problem() const { return m_problem; }
    void setReadOnly(bool readOnly);

    void addRow();
    void removeSelectedRows();

    // The JSON text of one value as the table shows it, and back.
    static QString valueText(const QJsonValue &value);
    static QJsonValue valueFromText(const QString &text);

signals:
    void edited();

private:
    void onTableEdited();
    void onJsonEdited();
    void fillTable(const QJsonObject &options);
    void fillJson(const QJsonObject &options);
    void setProblem(const QString &problem);

    QWidget *m_tablePage;
    QWidget *m_jsonPage;
    QTableWidget *m_table;
    QPlainTextEdit *m_json;
    QPushButton *m_add;
    QPushButton *m_remove;
    FieldMessage *m_message;
    QJsonObject m_options;
    QString m_problem;
    bool m_updating = false;
};

} // namespace signoff
