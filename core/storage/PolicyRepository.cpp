// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PolicyRepository.h"

#include "SqlValues.h"
#include "StorageLog.h"

namespace signoff {

Result<ApprovalPolicy> PolicyRepository::load()
{
    auto rows = m_connection.query(QStringLiteral("SELECT document, version FROM approval_policy WHERE id = 1"));
    if (!rows)
        return rows.error();
    // The migration writes the row and nothing deletes it; a missing or
    // unreadable one is a damaged database, not "one approval".
    if (!rows->next())
        return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "The approval policy is missing from the database.")));
    auto policy = ApprovalPolicy::fromJson(sql::toJson(rows->value(0)));
    if (!policy) {
        qCCritical(lcStorage) << "approval_policy holds a document that is not a policy";
        return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "The approval policy in the database cannot be read.")));
    }
    policy->version = rows->value(1).toInt();
    return *policy;
}

Result<bool> PolicyRepository::store(const ApprovalPolicy &policy, int expectedVersion, const QDateTime &at)
{
    auto rows = m_connection.query(
        QStringLiteral("UPDATE approval_policy SET document = ?, version = ?, updated_at = ? WHERE id = 1 AND version = ?"),
        {sql::fromJson(policy.toJson()), policy.version, sql::fromTime(at), expectedVersion});
    if (!rows)
        return rows.error();
    return rows->rowsAffected() == 1;
}

} // namespace signoff
