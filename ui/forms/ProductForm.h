// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "EntityForm.h"
#include "domain/Product.h"

#include <QUuid>
#include <optional>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace signoff {

// A product of the catalogue: administrators edit it, everyone else reads it.
class ProductForm : public EntityForm
{
    Q_OBJECT
public:
    ProductForm(Session &session, const QUuid &id, QWidget *parent = nullptr);

    QString key() const override;
    static QString keyFor(const QUuid &id);

protected:
    bool isNew() const override { return m_id.isNull(); }
    int loadedVersion() const override { return m_shown ? m_shown->version : 0; }
    Call<int> fetchLatest() override;
    void showLatest() override;
    Call<void> saveEdits() override;
    bool editsValid() const override;
    bool mayEdit() const override;
    void setEditorsEnabled(bool enabled) override;
    bool mayDelete() const override { return mayEdit(); }
    Call<void> removeItem() override;
    QString duplicateField() const override { return QStringLiteral("sku"); }
    QString windowTitleText() const override;
    QString watchedId() const override { return m_id.toString(QUuid::WithoutBraces); }

private:
    qint64 priceCents() const;
    void check();

    QUuid m_id;
    std::optional<Product> m_shown;
    std::optional<Product> m_latest;
    QLineEdit *m_sku;
    FieldMessage *m_skuMessage;
    QLineEdit *m_name;
    FieldMessage *m_nameMessage;
    QDoubleSpinBox *m_price;
    FieldMessage *m_priceMessage;
    QCheckBox *m_active;
    QLabel *m_note;
};

} // namespace signoff
