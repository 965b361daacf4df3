// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OrderForm.h"

#include "Backend.h"
#include "OrderLinesEditor.h"
#include "Session.h"
#include "domain/Validation.h"
#include "models/ItemListModel.h"
#include "support/ChangeListener.h"
#include "support/FieldMessage.h"
#include "support/ReadOnlyLook.h"

#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>

namespace signoff {

OrderForm::OrderForm(Session &session, const QUuid &id, QWidget *parent)
    : WorkItemForm(session, EntityType::Order, id, parent)
    , m_note(new QPlainTextEdit(this))
    , m_noteMessage(new FieldMessage(this))
    , m_lines(new OrderLinesEditor(this))
    , m_catalogueListener(new ChangeListener(session.backend(), {EntityType::Product}, this))
{
    setObjectName(QStringLiteral("orderForm"));
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setPlaceholderText(tr("What the order is for (optional)"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(m_note->fontMetrics().lineSpacing() * 5);
    m_noteMessage->setObjectName(QStringLiteral("noteMessage"));

    auto *noteColumn = new QVBoxLayout;
    noteColumn->setSpacing(2);
    noteColumn->addWidget(m_note);
    noteColumn->addWidget(m_noteMessage);
    fieldsLayout()->addRow(tr("N&ote:"), noteColumn);
    static_cast<QLabel *>(fieldsLayout()->labelForField(noteColumn))->setBuddy(m_note);

    tabs()->addTab(m_lines, tr("&Lines"));
    addHistoryTab();
    addCommentsTab();

    registerField(QStringLiteral("note"), m_noteMessage);
    registerField(QStringLiteral("lines"), m_lines->message());

    connect(m_note, &QPlainTextEdit::textChanged, this, [this] {
        if (m_shown && m_note->toPlainText() == m_shown->note)
            return;
        checkNote();
        markEdited();
    });
    connect(m_lines, &OrderLinesEditor::edited, this, &OrderForm::markEdited);
    connect(m_catalogueListener, &ChangeListener::changed, this, &OrderForm::loadCatalogue);

    loadCatalogue();
    resize(820, 600);
    finishSetup();
    if (isNew()) {
        // A new order starts with one empty line to fill in; that is not an edit.
        m_lines->addLine();
        setDirty(false);
        updateState();
    }
}

QString OrderForm::keyFor(const QUuid &id)
{
    return WorkItemForm::keyFor(EntityType::Order, id);
}

void OrderForm::loadCatalogue()
{
    // A newer load replaces one under way.
    delete m_catalogueLoad;
    m_catalogueLoad = new QObject(this);
    ProductQuery query;
    query.active = true;
    query.order = ListOrder{SortKey::Name, false};
    query.page.limit = maxPageSize;
    loadCataloguePage(query, std::make_shared<QList<Product>>());
}

void OrderForm::loadCataloguePage(ProductQuery query, std::shared_ptr<QList<Product>> products)
{
    session().backend().listProducts(query).then(m_catalogueLoad, [this, query, products](Result<Page<Product>> page) mutable {
        if (page) {
            products->append(page->items);
            if (!page->next.isEmpty()) {
                query.page.after = page->next;
                loadCataloguePage(query, products);
                return;
            }
        }
        m_lines->setCatalogue(*products);
    });
}

WorkItemForm::ItemState OrderForm::shownState() const
{
    return stateOf(m_shown);
}

Call<int> OrderForm::fetchLatest()
{
    return session().backend().getOrder(itemId()).map(this, [this](Order order) {
        m_latest = order;
        return order.version;
    });
}

void OrderForm::showLatest()
{
    if (!m_latest)
        return;
    m_shown = m_latest;
    setItemId(m_shown->id);
    {
        const QSignalBlocker blocker(m_note);
        m_note->setPlainText(m_shown->note);
    }
    m_noteMessage->clearProblem();
    const QSignalBlocker blocker(m_lines);
    m_lines->setLines(m_shown->lines);
}

void OrderForm::checkNote()
{
    const auto problem = validate::note(m_note->toPlainText());
    m_noteMessage->showProblem(problem ? problem->translated() : QString());
}

bool OrderForm::editsValid() const
{
    return !validate::note(m_note->toPlainText()) && m_lines->isValid();
}

Call<void> OrderForm::saveEdits()
{
    const auto keep = [this](Order saved) { m_latest = std::move(saved); };
    if (!m_shown)
        return session().backend().createOrder(NewOrder{m_lines->lines(), m_note->toPlainText()}).map(this, keep);
    OrderPatch patch;
    if (m_lines->linesChanged())
        patch.lines = m_lines->lines();
    if (m_note->toPlainText() != m_shown->note)
        patch.note = m_note->toPlainText();
    return session().backend().updateOrder(m_shown->id, patch, m_shown->version).map(this, keep);
}

void OrderForm::setEditorsEnabled(bool enabled)
{
    m_note->setReadOnly(!enabled);
    setReadOnlyLook(m_note, !enabled);
    m_lines->setReadOnly(!enabled);
}

QString OrderForm::windowTitleText() const
{
    if (!m_shown)
        return tr("New order");
    return tr("Order ‘%1’").arg(titleForReview());
}

Call<void> OrderForm::transition(WorkflowAction action, const QString &comment)
{
    return session()
        .backend()
        .transitionOrder(m_shown->id, action, m_shown->version, comment)
        .map(this, [this](Order moved) { m_latest = std::move(moved); });
}

Call<QList<AuditEvent>> OrderForm::history()
{
    return session().backend().orderHistory(itemId());
}

QString OrderForm::titleForReview() const
{
    return m_shown ? ItemRow::from(*m_shown).title() : QString();
}

} // namespace signoff
