// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/User.h"
#include "domain/Workflow.h"

namespace signoff {

class Services;

// Who is signed in to this window, and the services they act through. Every
// service call of the desktop passes actor(); the service decides.
class Session
{
public:
    Session(Services &services, User user)
        : m_services(&services)
        , m_user(std::move(user))
    {
    }

    Services &services() const { return *m_services; }
    const User &user() const { return m_user; }
    Actor actor() const { return m_user.actor(); }
    bool isAdmin() const { return m_user.role == Role::Admin; }
    bool isReviewer() const { return m_user.role == Role::Reviewer || m_user.role == Role::Admin; }

    // How the signed-in user relates to an item, for Workflow's questions.
    WorkflowActor relationTo(const QUuid &ownerId) const { return WorkflowActor{m_user.role, actor().owns(ownerId)}; }

    void updateUser(const User &user) { m_user = user; }

private:
    Services *m_services;
    User m_user;
};

} // namespace signoff
