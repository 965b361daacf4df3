// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ProductForm.h"

#include "Backend.h"
#include "Session.h"
#include "domain/Validation.h"
#include "support/FieldMessage.h"
#include "support/Format.h"
#include "support/ReadOnlyLook.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <cmath>

namespace signoff {

namespace {

QVBoxLayout *withMessage(QWidget *field, FieldMessage *message)
{
    auto *column = new QVBoxLayout;
    column->setSpacing(2);
    column->addWidget(field);
    column->addWidget(message);
    return column;
}

} // namespace

ProductForm::ProductForm(Session &session, const QUuid &id, QWidget *parent)
    : EntityForm(session, EntityType::Product, parent)
    , m_id(id)
    , m_sku(new QLineEdit(this))
    , m_skuMessage(new FieldMessage(this))
    , m_name(new QLineEdit(this))
    , m_nameMessage(new FieldMessage(this))
    , m_price(new QDoubleSpinBox(this))
    , m_priceMessage(new FieldMessage(this))
    , m_active(new QCheckBox(tr("On sale: can be chosen for new orders"), this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("productForm"));
    m_sku->setObjectName(QStringLiteral("skuEdit"));
    m_sku->setAccessibleName(tr("SKU"));
    m_skuMessage->setObjectName(QStringLiteral("skuMessage"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setAccessibleName(tr("Name"));
    m_nameMessage->setObjectName(QStringLiteral("nameMessage"));
    m_price->setObjectName(QStringLiteral("priceEdit"));
    m_price->setAccessibleName(tr("Price"));
    m_price->setDecimals(2);
    m_price->setRange(0.0, double(limits::priceCentsMax / 100));
    m_price->setGroupSeparatorShown(true);
    m_price->setAlignment(Qt::AlignRight);
    m_priceMessage->setObjectName(QStringLiteral("priceMessage"));
    m_active->setObjectName(QStringLiteral("activeCheck"));
    m_active->setChecked(true);
    m_note->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("productNote"));

    auto *fields = new QFormLayout;
    fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto addRow = [this, fields](const QString &text, QWidget *field, FieldMessage *message) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        fields->addRow(label, withMessage(field, message));
    };
    addRow(tr("&SKU:"), m_sku, m_skuMessage);
    addRow(tr("&Name:"), m_name, m_nameMessage);
    addRow(tr("&Price:"), m_price, m_priceMessage);
    fields->addRow(QString(), m_active);
    contentLayout()->addLayout(fields);
    contentLayout()->addWidget(m_note);
    contentLayout()->addStretch(1);

    registerField(QStringLiteral("sku"), m_skuMessage);
    registerField(QStringLiteral("name"), m_nameMessage);
    registerField(QStringLiteral("price_cents"), m_priceMessage);

    const auto edited = [this] {
        check();
        markEdited();
    };
    connect(m_sku, &QLineEdit::textEdited, this, edited);
    connect(m_name, &QLineEdit::textEdited, this, edited);
    connect(m_price, &QDoubleSpinBox::valueChanged, this, [this, edited] {
        if (!m_shown || priceCents() != m_shown->priceCents)
            edited();
    });
    connect(m_active, &QCheckBox::toggled, this, [this, edited] {
        if (!m_shown || m_active->isChecked() != m_shown->active)
            edited();
    });

    resize(520, 320);
    finishSetup();
    if (isNew())
        m_sku->setFocus();
}

QString ProductForm::keyFor(const QUuid &id)
{
    return QStringLiteral("product:") + id.toString(QUuid::WithoutBraces);
}

QString ProductForm::key() const
{
    return m_id.isNull() ? QString() : keyFor(m_id);
}

qint64 ProductForm::priceCents() const
{
    return qint64(std::llround(m_price->value() * 100.0));
}

Call<int> ProductForm::fetchLatest()
{
    return session().backend().getProduct(m_id).map(this, [this](Product product) {
        m_latest = product;
        return product.version;
    });
}

void ProductForm::showLatest()
{
    if (!m_latest)
        return;
    m_shown = m_latest;
    m_id = m_shown->id;
    const QSignalBlocker blockPrice(m_price);
    const QSignalBlocker blockActive(m_active);
    m_sku->setText(m_shown->sku);
    m_name->setText(m_shown->name);
    m_price->setValue(double(m_shown->priceCents) / 100.0);
    m_active->setChecked(m_shown->active);
    m_note->setText(tr("Version %1, created %2, updated %3.")
                        .arg(QString::number(m_shown->version), Format::dateTime(m_shown->createdAt),
                             Format::dateTime(m_shown->updatedAt)));
}

void ProductForm::check()
{
    const auto sku = validate::sku(m_sku->text());
    m_skuMessage->showProblem(sku ? sku->translated() : QString());
    const auto name = validate::productName(m_name->text());
    m_nameMessage->showProblem(name ? name->translated() : QString());
    const auto price = validate::priceCents(priceCents());
    m_priceMessage->showProblem(price ? price->translated() : QString());
}

bool ProductForm::editsValid() const
{
    return validate::newProduct(NewProduct{m_sku->text(), m_name->text(), priceCents(), m_active->isChecked()}).isEmpty();
}

bool ProductForm::mayEdit() const
{
    return session().isAdmin() && m_shown.has_value();
}

Call<void> ProductForm::saveEdits()
{
    const auto keep = [this](Product saved) { m_latest = std::move(saved); };
    if (!m_shown)
        return session()
            .backend()
            .createProduct(NewProduct{m_sku->text(), m_name->text(), priceCents(), m_active->isChecked()})
            .map(this, keep);
    ProductPatch patch;
    if (m_sku->text() != m_shown->sku)
        patch.sku = m_sku->text();
    if (normalizedText(m_name->text()) != m_shown->name)
        patch.name = m_name->text();
    if (priceCents() != m_shown->priceCents)
        patch.priceCents = priceCents();
    if (m_active->isChecked() != m_shown->active)
        patch.active = m_active->isChecked();
    return session().backend().updateProduct(m_shown->id, patch, m_shown->version).map(this, keep);
}

void ProductForm::setEditorsEnabled(bool enabled)
{
    for (QLineEdit *edit : {m_sku, m_name}) {
        edit->setReadOnly(!enabled);
        setReadOnlyLook(edit, !enabled);
    }
    m_price->setReadOnly(!enabled);
    m_price->setButtonSymbols(enabled ? QAbstractSpinBox::UpDownArrows : QAbstractSpinBox::NoButtons);
    setReadOnlyLook(m_price, !enabled);
    m_active->setEnabled(enabled);
}

Call<void> ProductForm::removeItem()
{
    return session().backend().removeProduct(m_shown->id, m_shown->version);
}

QString ProductForm::windowTitleText() const
{
    if (!m_shown)
        return tr("New product");
    return tr("Product ‘%1’").arg(m_shown->sku);
}

} // namespace signoff
