// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FormManager.h"

#include "forms/FeatureForm.h"
#include "forms/OrderForm.h"
#include "forms/ProductForm.h"
#include "forms/UserForm.h"

namespace signoff {

FormManager::FormManager(Session &session, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
{
}

EntityForm *FormManager::openFeature(const QUuid &id)
{
    return show(id.isNull() ? QString() : FeatureForm::keyFor(id),
                [this, id] { return new FeatureForm(m_session, id, m_window); });
}

EntityForm *FormManager::openOrder(const QUuid &id)
{
    return show(id.isNull() ? QString() : OrderForm::keyFor(id),
                [this, id] { return new OrderForm(m_session, id, m_window); });
}

EntityForm *FormManager::openProduct(const QUuid &id)
{
    return show(id.isNull() ? QString() : ProductForm::keyFor(id),
                [this, id] { return new ProductForm(m_session, id, m_window); });
}

EntityForm *FormManager::openUser(const QString &username)
{
    return show(username.isEmpty() ? QString() : UserForm::keyFor(username),
                [this, username] { return new UserForm(m_session, username, m_window); });
}

EntityForm *FormManager::show(const QString &key, const std::function<EntityForm *()> &create)
{
    if (EntityForm *open = formFor(key)) {
        open->showNormal();
        open->raise();
        open->activateWindow();
        return open;
    }
    EntityForm *form = create();
    // Forms are windows of their own: the list stays usable beside them.
    form->setWindowFlag(Qt::Window);
    connect(form, &EntityForm::statusMessage, this, &FormManager::statusMessage);
    connect(form, &EntityForm::keyAssigned, this, [this, form](const QString &assigned) { m_forms.insert(assigned, form); });
    if (!key.isEmpty())
        m_forms.insert(key, form);
    form->show();
    form->raise();
    form->activateWindow();
    return form;
}

QList<EntityForm *> FormManager::openForms() const
{
    QList<EntityForm *> forms;
    for (EntityForm *form : m_window->findChildren<EntityForm *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (form->isVisible())
            forms.append(form);
    }
    return forms;
}

EntityForm *FormManager::formFor(const QString &key) const
{
    if (key.isEmpty())
        return nullptr;
    const QPointer<EntityForm> form = m_forms.value(key);
    return form && form->isVisible() ? form.data() : nullptr;
}

} // namespace signoff
