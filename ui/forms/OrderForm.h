// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "WorkItemForm.h"
#include "domain/Order.h"
#include "domain/Product.h"
#include "domain/Queries.h"

#include <memory>
#include <optional>

class QPlainTextEdit;

namespace signoff {

class ChangeListener;
class OrderLinesEditor;

// An order: its lines with live totals and its note, the details, history
// and workflow buttons.
class OrderForm : public WorkItemForm
{
    Q_OBJECT
public:
    // An empty id: a new order.
    OrderForm(Session &session, const QUuid &id, QWidget *parent = nullptr);

    static QString keyFor(const QUuid &id);

protected:
    ItemState shownState() const override;
    Call<int> fetchLatest() override;
    void showLatest() override;
    Call<void> saveEdits() override;
    bool editsValid() const override;
    void setEditorsEnabled(bool enabled) override;
    QString windowTitleText() const override;
    Call<void> transition(WorkflowAction action, const QString &comment) override;
    Call<QList<AuditEvent>> history() override;
    QString titleForReview() const override;

private:
    // The products on sale, page after page, into the line editor's picker.
    void loadCatalogue();
    void loadCataloguePage(ProductQuery query, std::shared_ptr<QList<Product>> products);
    void checkNote();

    std::optional<Order> m_shown;
    std::optional<Order> m_latest;
    QPlainTextEdit *m_note;
    FieldMessage *m_noteMessage;
    OrderLinesEditor *m_lines;
    ChangeListener *m_catalogueListener;
    QObject *m_catalogueLoad = nullptr; // answers of the catalogue load under way
};

} // namespace signoff
