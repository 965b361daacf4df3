// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <optional>

namespace signoff {

enum class Role { Requester, Reviewer, Admin };

QString toString(Role role);
std::optional<Role> roleFromString(const QString &text);

} // namespace signoff
