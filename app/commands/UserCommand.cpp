// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CommandSupport.h"
#include "Commands.h"
#include "Console.h"
#include "service/Services.h"

#include <QTextStream>

namespace signoff {

namespace {

int addUser(CommandParser &command, const QCommandLineOption &roleOption, const QCommandLineOption &displayNameOption)
{
    const QStringList positional = command.parser().positionalArguments();
    if (positional.size() != 2)
        return console::usageError(QStringLiteral("usage: signoff user add NAME --role ROLE"));
    if (!command.parser().isSet(roleOption))
        return console::usageError(QStringLiteral("user add needs --role (requester, reviewer or admin)"));
    const auto role = roleFromString(command.parser().value(roleOption));
    if (!role)
        return console::usageError(QStringLiteral("unknown role ‘%1’: use requester, reviewer or admin")
                                       .arg(command.parser().value(roleOption)));

    auto database = openForUse(command.database());
    if (!database)
        return console::fail(database.error());

    auto password = console::readPassword(QStringLiteral("Password for %1: ").arg(positional.at(1)));
    if (!password)
        return console::fail(QStringLiteral("no password given on standard input"));
    if (console::stdinIsTerminal()) {
        auto repeated = console::readPassword(QStringLiteral("Repeat the password: "));
        if (!repeated || *repeated != *password)
            return console::fail(QStringLiteral("the passwords do not match"));
    }

    ChangeNotifier notifier;
    Services services(*database.value(), notifier);
    auto user = services.users().create(
        Actor::system(), NewUser{positional.at(1), command.parser().value(displayNameOption), *role, *password});
    if (!user)
        return console::fail(user.error());
    console::print(QStringLiteral("added %1 (%2)").arg(user->username, toString(user->role)));
    return console::exitOk;
}

int listUsers(CommandParser &command)
{
    if (command.parser().positionalArguments().size() != 1)
        return console::usageError(QStringLiteral("usage: signoff user list"));
    auto database = openForUse(command.database());
    if (!database)
        return console::fail(database.error());
    ChangeNotifier notifier;
    Services services(*database.value(), notifier);

    QTextStream out(stdout);
    out << QStringLiteral("%1  %2  %3  %4  %5\n")
               .arg(QStringLiteral("USERNAME"), -20)
               .arg(QStringLiteral("ROLE"), -9)
               .arg(QStringLiteral("STATE"), -8)
               .arg(QStringLiteral("CREATED"), -24)
               .arg(QStringLiteral("DISPLAY NAME"));
    UserQuery query;
    query.page.limit = maxPageSize;
    do {
        auto page = services.users().list(Actor::system(), query);
        if (!page)
            return console::fail(page.error());
        for (const User &user : page->items) {
            out << QStringLiteral("%1  %2  %3  %4  %5\n")
                       .arg(user.username, -20)
                       .arg(toString(user.role), -9)
                       .arg(user.disabled ? QStringLiteral("disabled") : QStringLiteral("active"), -8)
                       .arg(user.createdAt.toString(Qt::ISODateWithMs), -24)
                       .arg(user.displayName);
        }
        query.page.after = page->next;
    } while (!query.page.after.isEmpty());
    return console::exitOk;
}

} // namespace

int runUserCommand(const GlobalOptions &options)
{
    CommandParser command(QStringLiteral("signoff user add NAME --role ROLE [--display-name TEXT] | signoff user list"),
                          QStringLiteral("Add or list users. `add` reads the password from standard input."));
    const QCommandLineOption roleOption(QStringLiteral("role"), QStringLiteral("requester, reviewer or admin."),
                                        QStringLiteral("ROLE"));
    const QCommandLineOption displayNameOption(QStringLiteral("display-name"), QStringLiteral("The name shown in the desk."),
                                               QStringLiteral("TEXT"));
    command.parser().addOption(roleOption);
    command.parser().addOption(displayNameOption);
    command.parser().addPositionalArgument(QStringLiteral("action"), QStringLiteral("add or list"));
    if (auto done = command.parse(options))
        return *done;

    const QStringList positional = command.parser().positionalArguments();
    const QString action = positional.value(0);
    if (action == QStringLiteral("add"))
        return addUser(command, roleOption, displayNameOption);
    if (action == QStringLiteral("list"))
        return listUsers(command);
    return console::usageError(action.isEmpty() ? QStringLiteral("user needs an action: add or list")
                                                : QStringLiteral("unknown user action ‘%1’: use add or list").arg(action));
}

} // namespace signoff
