// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/User.h"
#include "domain/Workflow.h"

namespace signoff {

class Backend;

// Who is signed in to this window, and the backend they act through. The
// backend acts as this user; it (core, or the server) decides.
class Session
{
public:
    Session(Backend &backend, User user)
        : m_backend(&backend)
        , m_user(std::move(user))
    {
    }

    Backend &backend() const { return *m_backend; }
    const User &user() const { return m_user; }
    bool isAdmin() const { return m_user.role == Role::Admin; }
    bool isReviewer() const { return m_user.role == Role::Reviewer || m_user.role == Role::Admin; }

    // How the signed-in user relates to an item, for Workflow's questions.
    // By user name: a server names owners, it does not give their ids.
    WorkflowActor relationTo(const QString &ownerUsername) const
    {
        return WorkflowActor{m_user.role, !ownerUsername.isEmpty() && ownerUsername == m_user.username};
    }

    void updateUser(const User &user) { m_user = user; }

private:
    Backend *m_backend;
    User m_user;
};

} // namespace signoff
