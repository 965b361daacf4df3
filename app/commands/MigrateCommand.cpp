// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CommandSupport.h"
#include "Commands.h"
#include "Console.h"
#include "storage/Migrator.h"

#include <QTextStream>

namespace signoff {

namespace {

int showStatus(Migrator &migrator, const Database &database)
{
    auto states = migrator.status();
    if (!states)
        return console::fail(states.error());
    QTextStream out(stdout);
    out << QStringLiteral("database: %1\n").arg(database.url().redacted());
    int pending = 0;
    for (const MigrationState &state : states.value()) {
        if (!state.applied)
            ++pending;
        out << QStringLiteral("%1  %2  %3\n")
                   .arg(state.version, -40)
                   .arg(state.applied ? QStringLiteral("applied") : QStringLiteral("pending"), -8)
                   .arg(state.applied ? state.appliedAt.toString(Qt::ISODateWithMs) : QString());
    }
    out << (pending == 0 ? QStringLiteral("schema is up to date\n")
                         : QStringLiteral("%1 migration(s) pending\n").arg(pending));
    return console::exitOk;
}

} // namespace

int runMigrateCommand(const GlobalOptions &options)
{
    CommandParser command(QStringLiteral("signoff migrate status|up|down [--steps N]"),
                          QStringLiteral("Show or move the database schema. `up` applies pending migrations "
                                         "(all unless --steps), `down` reverts the newest (1 unless --steps)."));
    const QCommandLineOption stepsOption(QStringLiteral("steps"), QStringLiteral("How many migrations to apply or revert."),
                                         QStringLiteral("N"));
    command.parser().addOption(stepsOption);
    command.parser().addPositionalArgument(QStringLiteral("action"), QStringLiteral("status, up or down"));
    if (auto done = command.parse(options))
        return *done;

    const QStringList positional = command.parser().positionalArguments();
    if (positional.size() != 1)
        return console::usageError(QStringLiteral("usage: signoff migrate status|up|down [--steps N]"));
    const QString action = positional.first();
    if (action != QStringLiteral("status") && action != QStringLiteral("up") && action != QStringLiteral("down"))
        return console::usageError(QStringLiteral("unknown migrate action ‘%1’: use status, up or down").arg(action));

    std::optional<int> steps;
    if (command.parser().isSet(stepsOption)) {
        bool ok = false;
        const int value = command.parser().value(stepsOption).toInt(&ok);
        if (!ok || value < 1)
            return console::usageError(QStringLiteral("--steps needs a whole number of at least 1"));
        if (action == QStringLiteral("status"))
            return console::usageError(QStringLiteral("--steps goes with up or down"));
        steps = value;
    }

    auto database = openAsIs(command.database(), IfMissing::Create);
    if (!database)
        return console::fail(database.error());
    Migrator migrator(*database.value());

    if (action == QStringLiteral("status"))
        return showStatus(migrator, *database.value());
    if (action == QStringLiteral("up")) {
        auto applied = migrator.up(steps);
        if (!applied)
            return console::fail(applied.error());
        console::print(applied.value() == 0 ? QStringLiteral("schema is up to date")
                                            : QStringLiteral("applied %1 migration(s)").arg(applied.value()));
        return console::exitOk;
    }
    auto reverted = migrator.down(steps.value_or(1));
    if (!reverted)
        return console::fail(reverted.error());
    console::print(QStringLiteral("reverted %1 migration(s)").arg(reverted.value()));
    return console::exitOk;
}

} // namespace signoff
