// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CommandSupport.h"

#include "Console.h"
#include "storage/DatabaseUrl.h"
#include "storage/Migrator.h"
#include "storage/OpenDatabase.h"

#include <QDir>
#include <QFileInfo>

namespace signoff {

CommandParser::CommandParser(const QString &usage, const QString &description)
    : m_database(QStringLiteral("database"), QStringLiteral("Database URL."), QStringLiteral("URL"))
    , m_help(QStringList{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."))
    , m_usage(usage)
{
    m_parser.setApplicationDescription(description);
    m_parser.addOption(m_database);
    m_parser.addOption(m_help);
}

std::optional<int> CommandParser::parse(const GlobalOptions &options)
{
    m_globalDatabase = options.database;
    QStringList arguments = options.commandArguments;
    arguments.prepend(QStringLiteral("signoff ") + options.command);
    if (!m_parser.parse(arguments))
        return console::usageError(m_parser.errorText());
    if (m_parser.isSet(m_help) || options.showHelp) {
        console::print(QStringLiteral("Usage: ") + m_usage + u'\n' + m_parser.helpText().section(u'\n', 1));
        return console::exitOk;
    }
    return std::nullopt;
}

QString CommandParser::database() const
{
    return m_parser.isSet(m_database) ? m_parser.value(m_database) : m_globalDatabase;
}

namespace {

// The URL, or why the database it names may not be opened.
Result<DatabaseUrl> resolveExisting(const QString &databaseOption, IfMissing ifMissing)
{
    auto url = DatabaseUrl::resolve(databaseOption);
    if (!url || url->dialect != SqlDialect::Sqlite)
        return url;
    const QFileInfo file(url->path);
    if (file.exists())
        return url;
    if (ifMissing == IfMissing::Refuse)
        return Error::notFound(Message(QT_TRANSLATE_NOOP("Core", "There is no database at %1 (check the path)."),
                                       {QDir::toNativeSeparators(file.absoluteFilePath())}));
    const bool defaultLocation = url->path == DatabaseUrl::defaultLocation().path;
    if (!defaultLocation && !file.absoluteDir().exists())
        return Error::notFound(Message(QT_TRANSLATE_NOOP("Core", "The folder %1 does not exist (check the path, or create the folder first)."),
                                       {QDir::toNativeSeparators(file.absolutePath())}));
    return url;
}

} // namespace

Result<std::unique_ptr<Database>> openForUse(const QString &databaseOption, IfMissing ifMissing)
{
    auto url = resolveExisting(databaseOption, ifMissing);
    if (!url)
        return url.error();
    return openDatabase(url.value());
}

Result<std::unique_ptr<Database>> openAsIs(const QString &databaseOption, IfMissing ifMissing)
{
    auto url = resolveExisting(databaseOption, ifMissing);
    if (!url)
        return url.error();
    auto database = std::make_unique<Database>(url.value());
    if (auto connection = database->connection(); !connection)
        return connection.error();
    auto states = Migrator(*database).status();
    if (!states)
        return states.error();
    for (const MigrationState &state : states.value()) {
        if (!state.known)
            return Migrator::schemaNewerError(state.version);
    }
    return database;
}

} // namespace signoff
