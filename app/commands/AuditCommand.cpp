// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CommandSupport.h"
#include "Commands.h"
#include "Console.h"
#include "service/AuditExport.h"
#include "service/AuditSealer.h"
#include "service/AuditVerifier.h"
#include "service/Services.h"

#include <QFile>

namespace signoff {

namespace {

int verify(CommandParser &command)
{
    if (command.parser().positionalArguments().size() != 1)
        return console::usageError(QStringLiteral("usage: signoff audit verify"));
    auto database = openForUse(command.database(), IfMissing::Create);
    if (!database)
        return console::fail(database.error());
    auto report = verifyAuditChain(*database.value());
    if (!report)
        return console::fail(report.error());
    if (!report->intact())
        return console::fail(QStringLiteral("audit log broken: %1 (%2 events intact before it)")
                                 .arg(report->detail)
                                 .arg(report->events));
    QString line = QStringLiteral("%1 events intact").arg(report->events);
    if (report->events > 0)
        line += QStringLiteral("; last seal %1").arg(report->headSeal);
    if (report->pending > 0)
        line += QStringLiteral("; %1 not sealed yet").arg(report->pending);
    console::print(line);
    return console::exitOk;
}

// RFC 3339 (2026-12-05T19:04:19Z, with or without fractions or an offset) or a bare date.
std::optional<QDateTime> parseSince(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            time = date.startOfDay(Qt::UTC);
    }
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC); // no offset given: UTC, like everything Signoff writes
    return time.toUTC();
}

int exportLog(CommandParser &command, const QCommandLineOption &formatOption, const QCommandLineOption &sinceOption)
{
    if (command.parser().positionalArguments().size() != 1)
        return console::usageError(QStringLiteral("usage: signoff audit export [--format csv|jsonl] [--since TIME]"));
    const QString format = command.parser().value(formatOption);
    if (format != QStringLiteral("csv") && format != QStringLiteral("jsonl"))
        return console::usageError(QStringLiteral("--format is csv or jsonl, not ‘%1’").arg(format));
    AuditQuery query;
    query.oldestFirst = true;
    query.page.limit = maxPageSize;
    if (command.parser().isSet(sinceOption)) {
        const auto since = parseSince(command.parser().value(sinceOption));
        if (!since)
            return console::usageError(QStringLiteral("--since needs a time such as 2026-12-01 or 2026-12-01T08:00:00Z, not ‘%1’")
                                           .arg(command.parser().value(sinceOption)));
        query.since = *since;
    }
    auto database = openForUse(command.database(), IfMissing::Create);
    if (!database)
        return console::fail(database.error());
    ChangeNotifier notifier;
    Services services(*database.value(), notifier);

    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return console::fail(QStringLiteral("cannot write to standard output"));
    const bool csv = format == QStringLiteral("csv");
    if (csv)
        out.write(audit_export::csvHeader());
    // Page by page, oldest first: memory does not grow with the log.
    for (;;) {
        auto page = services.audit().list(Actor::system(), query);
        if (!page)
            return console::fail(page.error());
        for (const AuditEvent &event : page->items) {
            if (out.write(csv ? audit_export::csvRow(event) : audit_export::jsonLine(event)) < 0)
                return console::fail(QStringLiteral("cannot write to standard output: %1").arg(out.errorString()));
        }
        if (page->next.isEmpty())
            break;
        query.page.after = page->next;
    }
    if (!out.flush())
        return console::fail(QStringLiteral("cannot write to standard output: %1").arg(out.errorString()));
    return console::exitOk;
}

} // namespace

int runAuditCommand(const GlobalOptions &options)
{
    CommandParser command(QStringLiteral("signoff audit verify | signoff audit export [--format csv|jsonl] [--since TIME]"),
                          QStringLiteral("Checks the audit log's hash chain, or writes the audit log to standard output."));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("export: csv (RFC 4180, the default) or jsonl."),
                                          QStringLiteral("csv|jsonl"), QStringLiteral("csv"));
    const QCommandLineOption sinceOption(QStringLiteral("since"),
                                         QStringLiteral("export: only events at or after TIME (RFC 3339 or a date; UTC)."),
                                         QStringLiteral("TIME"));
    command.parser().addOption(formatOption);
    command.parser().addOption(sinceOption);
    if (auto exit = command.parse(options))
        return *exit;
    const QStringList positional = command.parser().positionalArguments();
    const QString action = positional.value(0);
    if (action == QStringLiteral("verify"))
        return verify(command);
    if (action == QStringLiteral("export"))
        return exportLog(command, formatOption, sinceOption);
    return console::usageError(QStringLiteral("usage: signoff audit verify | signoff audit export [--format csv|jsonl] [--since TIME]"));
}

} // namespace signoff
