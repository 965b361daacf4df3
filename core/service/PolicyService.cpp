// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PolicyService.h"

#include "ServiceLog.h"
#include "domain/Clock.h"
#include "domain/Validation.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"
#include "storage/PolicyRepository.h"

namespace signoff {

namespace {
const QString policyId = QStringLiteral("policy");
} // namespace

PolicyService::PolicyService(ServiceContext &context)
    : m_context(context)
{
}

Result<ApprovalPolicy> PolicyService::get(const Actor &)
{
    return m_context.database.run([](Connection &connection) { return PolicyRepository(connection).load(); });
}

Result<void> PolicyService::mayUpdate(const Actor &actor) const
{
    if (!actor.isAdmin())
        return Error::forbidden(Message(QT_TRANSLATE_NOOP("Core", "Only administrators can change the approval policy.")));
    return {};
}

Result<ApprovalPolicy> PolicyService::update(const Actor &actor, const ApprovalPolicy &policy,
                                             ExpectedVersion expectedVersion)
{
    if (auto allowed = mayUpdate(actor); !allowed)
        return allowed.error();
    if (const QList<FieldError> problems = validate::policy(policy); !problems.isEmpty())
        return Error::invalid(problems);

    bool changed = false;
    auto result = m_context.database.write([&](Connection &connection) -> Result<ApprovalPolicy> {
        PolicyRepository policies(connection);
        auto current = policies.load();
        if (!current)
            return current;
        if (!versionMatches(expectedVersion, current->version))
            return Error::preconditionFailed();
        if (policy.sameRules(current.value()))
            return current;
        ApprovalPolicy updated = policy;
        updated.version = current->version + 1;
        const QDateTime at = utcNow();
        auto stored = policies.store(updated, current->version, at);
        if (!stored)
            return stored.error();
        if (!stored.value())
            return Error::preconditionFailed();
        AuditEvent event = auditEvent(actor, QStringLiteral("update"), EntityType::Policy, policyId, at);
        event.version = updated.version;
        event.detail = {{QStringLiteral("from"), current->toJson()}, {QStringLiteral("to"), updated.toJson()}};
        if (auto appended = AuditRepository(connection).append(event); !appended)
            return appended.error();
        changed = true;
        return updated;
    });
    if (result && changed) {
        qCInfo(lcService).noquote() << "approval policy updated by" << actor.username << "to version" << result->version;
        m_context.notifier.announce(EntityType::Policy, policyId);
    }
    return result;
}

} // namespace signoff
