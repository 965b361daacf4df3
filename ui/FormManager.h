// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUuid>
#include <functional>

class QWidget;

namespace signoff {

class EntityForm;
class Session;

// Opens item forms as windows of their own, one per item: opening an item
// that is already open brings its form to the front.
class FormManager : public QObject
{
    Q_OBJECT
public:
    FormManager(Session &session, QWidget *window);

    // A null id (or empty user name) opens a form for a new item.
    EntityForm *openFeature(const QUuid &id);
    EntityForm *openOrder(const QUuid &id);
    EntityForm *openProduct(const QUuid &id);
    EntityForm *openUser(const QString &username);

    QList<EntityForm *> openForms() const;
    EntityForm *formFor(const QString &key) const;

signals:
    void statusMessage(const QString &text);

private:
    EntityForm *show(const QString &key, const std::function<EntityForm *()> &create);

    Session &m_session;
    QWidget *m_window;
    QHash<QString, QPointer<EntityForm>> m_forms;
};

} // namespace signoff
