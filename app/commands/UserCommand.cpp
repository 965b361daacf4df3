// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CommandSupport.h"
#include "Commands.h"
#include "Console.h"
#include "service/Services.h"

#include <QTextStream>

#include <optional>
#include <variant>

namespace signoff {

namespace {

std::optional<QString> readNewPassword(const QString &username)
{
    auto password = console::readPassword(QStringLiteral("Password for %1: ").arg(username));
    if (!password)
        return std::nullopt;
    if (console::stdinIsTerminal()) {
        auto repeated = console::readPassword(QStringLiteral("Repeat the password: "));
        if (!repeated || *repeated != *password)
            return std::nullopt;
    }
    return password;
}

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

    auto database = openForUse(command.database(), IfMissing::Create);
    if (!database)
        return console::fail(database.error());

    auto password = readNewPassword(positional.at(1));
    if (!password)
        return console::fail(QStringLiteral("no password given on standard input, or the two did not match"));

    ChangeNotifier notifier;
    Services services(*database.value(), notifier);
    auto user = services.users().create(
        Actor::system(), NewUser{positional.at(1), command.parser().value(displayNameOption), *role, *password});
    if (!user)
        return console::fail(user.error());
    console::print(QStringLiteral("added %1 (%2)").arg(user->username, toString(user->role)));
    return console::exitOk;
}

// What `user set` was asked to change; a usage error when it makes no sense.
struct UserSetOptions
{
    const QCommandLineOption &role;
    const QCommandLineOption &enable;
    const QCommandLineOption &disable;
    const QCommandLineOption &password;
};

std::variant<UserPatch, int> userSetPatch(CommandParser &command, const UserSetOptions &options)
{
    const QCommandLineParser &parser = command.parser();
    if (parser.positionalArguments().size() != 2)
        return console::usageError(QStringLiteral("usage: signoff user set NAME [--role ROLE] [--enable|--disable] [--password]"));
    if (parser.isSet(options.enable) && parser.isSet(options.disable))
        return console::usageError(QStringLiteral("user set takes --enable or --disable, not both"));
    UserPatch patch;
    if (parser.isSet(options.role)) {
        patch.role = roleFromString(parser.value(options.role));
        if (!patch.role)
            return console::usageError(QStringLiteral("unknown role ‘%1’: use requester, reviewer or admin").arg(parser.value(options.role)));
    }
    if (parser.isSet(options.enable) || parser.isSet(options.disable))
        patch.disabled = parser.isSet(options.disable);
    if (!patch.role && !patch.disabled && !parser.isSet(options.password))
        return console::usageError(QStringLiteral("user set needs --role, --enable, --disable or --password"));
    return patch;
}

// The operator's way back in: changes a user as the system, which is
// administrator (the rule that one enabled administrator remains holds here too).
int setUser(CommandParser &command, const UserSetOptions &options)
{
    auto patch = userSetPatch(command, options);
    if (const int *usage = std::get_if<int>(&patch))
        return *usage;
    const QString username = command.parser().positionalArguments().at(1);
    auto database = openForUse(command.database(), IfMissing::Create);
    if (!database)
        return console::fail(database.error());
    UserPatch &change = std::get<UserPatch>(patch);
    if (command.parser().isSet(options.password)) {
        change.password = readNewPassword(username);
        if (!change.password)
            return console::fail(QStringLiteral("no password given on standard input, or the two did not match"));
    }

    ChangeNotifier notifier;
    Services services(*database.value(), notifier);
    auto user = services.users().update(Actor::system(), username, change);
    if (!user)
        return console::fail(user.error());
    console::print(QStringLiteral("%1 is %2 (%3)%4")
                       .arg(user->username, toString(user->role),
                            user->disabled ? QStringLiteral("disabled") : QStringLiteral("active"),
                            change.password ? QStringLiteral(", with a new password") : QString()));
    return console::exitOk;
}

int listUsers(CommandParser &command)
{
    if (command.parser().positionalArguments().size() != 1)
        return console::usageError(QStringLiteral("usage: signoff user list"));
    auto database = openForUse(command.database(), IfMissing::Create);
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
    CommandParser command(QStringLiteral("signoff user add NAME --role ROLE [--display-name TEXT] | signoff user list | "
                                         "signoff user set NAME [--role ROLE] [--enable|--disable] [--password]"),
                          QStringLiteral("Add, list or change users. `add` and `set --password` read the password from "
                                         "standard input. `set` is the way back in when no administrator can sign in."));
    const QCommandLineOption roleOption(QStringLiteral("role"), QStringLiteral("requester, reviewer or admin."),
                                        QStringLiteral("ROLE"));
    const QCommandLineOption displayNameOption(QStringLiteral("display-name"), QStringLiteral("The name shown in the desk."),
                                               QStringLiteral("TEXT"));
    const QCommandLineOption enableOption(QStringLiteral("enable"), QStringLiteral("set: let the user sign in again."));
    const QCommandLineOption disableOption(QStringLiteral("disable"),
                                           QStringLiteral("set: stop the user from signing in; ends their sessions."));
    const QCommandLineOption passwordOption(QStringLiteral("password"),
                                            QStringLiteral("set: a new password, read from standard input; ends their sessions."));
    command.parser().addOption(roleOption);
    command.parser().addOption(displayNameOption);
    command.parser().addOption(enableOption);
    command.parser().addOption(disableOption);
    command.parser().addOption(passwordOption);
    command.parser().addPositionalArgument(QStringLiteral("action"), QStringLiteral("add, list or set"));
    if (auto done = command.parse(options))
        return *done;

    const QStringList positional = command.parser().positionalArguments();
    const QString action = positional.value(0);
    if (action == QStringLiteral("add"))
        return addUser(command, roleOption, displayNameOption);
    if (action == QStringLiteral("list"))
        return listUsers(command);
    if (action == QStringLiteral("set"))
        return setUser(command, UserSetOptions{roleOption, enableOption, disableOption, passwordOption});
    return console::usageError(action.isEmpty() ? QStringLiteral("user needs an action: add, list or set")
                                                : QStringLiteral("unknown user action ‘%1’: use add, list or set").arg(action));
}

} // namespace signoff
