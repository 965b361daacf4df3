// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AuditVerifier.h"

#include "AuditSealer.h"
#include "domain/AuditChain.h"
#include "storage/AuditSealRepository.h"
#include "storage/Database.h"

#include <QThread>

namespace signoff {

namespace {

constexpr int linksPerRead = 2000;
// How far from a broken link to look for the event that belongs there.
constexpr qint64 reorderWindow = 16;
// How long verification waits for events that cannot be sealed yet.
constexpr int pendingAttempts = 20;
constexpr unsigned long pendingPause = 100; // ms

// The link at `broken` does not match its event. If an event nearby does
// match it, the events were moved about (reordered); else it was changed.
ChainReport::Problem diagnose(Database &database, const ChainLink &broken, const QString &previousSeal)
{
    auto around = database.run([&](Connection &connection) {
        return AuditSealRepository(connection).linksAfter(qMax<qint64>(0, broken.position - reorderWindow - 1),
                                                          int(2 * reorderWindow + 1));
    });
    if (!around)
        return ChainReport::Problem::Changed;
    for (const ChainLink &other : around.value()) {
        if (other.position == broken.position || !other.event)
            continue;
        // Its event with either id: rows renumbered, or links pointed elsewhere.
        for (qint64 eventId : {broken.eventId, other.eventId}) {
            if (audit_chain::seal(previousSeal, broken.position, eventId, *other.event) == broken.seal)
                return ChainReport::Problem::Reordered;
        }
    }
    return ChainReport::Problem::Changed;
}

} // namespace

QString toString(ChainReport::Problem problem)
{
    switch (problem) {
    case ChainReport::Problem::None: return QStringLiteral("none");
    case ChainReport::Problem::Changed: return QStringLiteral("changed");
    case ChainReport::Problem::Removed: return QStringLiteral("removed");
    case ChainReport::Problem::Reordered: return QStringLiteral("reordered");
    case ChainReport::Problem::Inserted: return QStringLiteral("inserted");
    }
    return QStringLiteral("none");
}

Result<ChainReport> verifyAuditChain(Database &database)
{
    // What waits is sealed first; a sealer that cannot go on (a tampered
    // log) leaves it to the check below to say why. On PostgreSQL an event
    // committed a moment ago waits for every older transaction still running
    // (anywhere on the server): give those a moment to end.
    for (int attempt = 0; attempt < pendingAttempts; ++attempt) {
        [[maybe_unused]] const auto sealed = AuditSealer::sealPending(database, 1000000);
        auto pending = database.run([](Connection &connection) { return AuditSealRepository(connection).unsealedCount(); });
        if (!pending || pending.value() == 0)
            break;
        QThread::msleep(pendingPause);
    }
    ChainReport report;
    QString previous = QString::fromLatin1(audit_chain::genesisSeal);
    qint64 expected = 1;
    const auto broken = [&](ChainReport::Problem problem, qint64 position, qint64 eventId, const QString &detail) {
        report.problem = problem;
        report.position = position;
        report.eventId = eventId;
        report.detail = detail;
        return report;
    };
    for (;;) {
        auto links = database.run([&](Connection &connection) {
            return AuditSealRepository(connection).linksAfter(expected - 1, linksPerRead);
        });
        if (!links)
            return links.error();
        for (const ChainLink &link : links.value()) {
            if (link.position != expected)
                return broken(ChainReport::Problem::Removed, expected, 0,
                              QStringLiteral("The event at position %1 was removed (the chain goes on at position %2).")
                                  .arg(expected)
                                  .arg(link.position));
            if (!link.event)
                return broken(ChainReport::Problem::Removed, link.position, link.eventId,
                              QStringLiteral("Event %1 (position %2) was removed.").arg(link.eventId).arg(link.position));
            if (audit_chain::seal(previous, link.position, link.eventId, *link.event) != link.seal) {
                const ChainReport::Problem problem = diagnose(database, link, previous);
                return broken(problem, link.position, link.eventId,
                              problem == ChainReport::Problem::Reordered
                                  ? QStringLiteral("Event %1 (position %2) is not where it was sealed: events were reordered.")
                                        .arg(link.eventId)
                                        .arg(link.position)
                                  : QStringLiteral("Event %1 (position %2) was changed after it was sealed.")
                                        .arg(link.eventId)
                                        .arg(link.position));
            }
            previous = link.seal;
            report.events = link.position;
            report.headSeal = link.seal;
            ++expected;
        }
        if (links->size() < linksPerRead)
            break;
    }
    auto tail = database.read([&](Connection &connection) -> Result<std::pair<std::optional<qint64>, qint64>> {
        AuditSealRepository seals(connection);
        auto head = seals.head();
        if (!head)
            return head.error();
        auto unchained = seals.firstUnchainedBefore(head.value());
        if (!unchained)
            return unchained.error();
        auto pending = seals.unsealedCount();
        if (!pending)
            return pending.error();
        return std::pair{unchained.value(), pending.value()};
    });
    if (!tail)
        return tail.error();
    report.pending = tail->second;
    if (const auto unchained = tail->first)
        return broken(ChainReport::Problem::Inserted, 0, *unchained,
                      QStringLiteral("Event %1 is not in the chain: it was added behind the sealer's back.").arg(*unchained));
    return report;
}

} // namespace signoff
