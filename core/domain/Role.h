#pragma once

#include <QString>
#include <optional>

namespace signoff {

enum class Role { Requester, Reviewer, Admin };

QString toString(Role role);
std::optional<Role> roleFromString(const QString &text);

} // namespace signoff
