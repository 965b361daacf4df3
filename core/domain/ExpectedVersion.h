// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <algorithm>
#include <optional>

namespace signoff {

// The version check a caller asks for (If-Match, docs/design.md, "API"):
// none (any version will do), or the versions of which the current one must
// be one. HTTP allows a list of entity tags; a list that names no version of
// ours (only weak tags, say) is a check that nothing passes, not no check.
class ExpectedVersion
{
public:
    ExpectedVersion() = default; // no check
    ExpectedVersion(int version) // implicit: callers pass a version or an optional one
        : m_versions{version}
        , m_checked(true)
    {
    }
    ExpectedVersion(std::optional<int> version)
        : m_checked(version.has_value())
    {
        if (version)
            m_versions.append(*version);
    }
    // The current version must be one of `versions`; none passes when empty.
    static ExpectedVersion anyOf(QList<int> versions)
    {
        ExpectedVersion expected;
        expected.m_versions = std::move(versions);
        expected.m_checked = true;
        return expected;
    }

    // Whether the caller asked for a check at all.
    bool isChecked() const { return m_checked; }
    explicit operator bool() const { return m_checked; }

    bool matches(int current) const { return !m_checked || m_versions.contains(current); }
    // Whether one of the versions lies in [lowest, highest].
    bool namesOneIn(int lowest, int highest) const
    {
        return std::any_of(m_versions.cbegin(), m_versions.cend(),
                           [&](int version) { return version >= lowest && version <= highest; });
    }

private:
    QList<int> m_versions;
    bool m_checked = false;
};

} // namespace signoff
