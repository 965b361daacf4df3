// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DatabaseUrl.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace signoff {

namespace {

// libpq keywords that may be passed through the URL's query string.
const QStringList allowedPostgresqlOptions{
    QStringLiteral("sslmode"), QStringLiteral("sslrootcert"), QStringLiteral("sslcert"),
    QStringLiteral("sslkey"), QStringLiteral("connect_timeout"), QStringLiteral("application_name"),
    QStringLiteral("target_session_attrs"), QStringLiteral("keepalives"), QStringLiteral("keepalives_idle"),
};

Error urlError(Message message)
{
    return Error::invalidField(QStringLiteral("database"), std::move(message));
}

Result<DatabaseUrl> parsePostgresql(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    // QUrl::errorString() goes on with "; source was \"<the whole URL>\"", password
    // included: keep only the reason before it.
    if (!url.isValid())
        return urlError(Message(QT_TRANSLATE_NOOP("Core", "The database URL is not a valid URL: %1"),
                                {url.errorString().section(u';', 0, 0)}));
    DatabaseUrl result;
    result.dialect = SqlDialect::Postgresql;
    result.host = url.host();
    if (result.host.isEmpty())
        return urlError(Message(QT_TRANSLATE_NOOP("Core", "The PostgreSQL URL has no host.")));
    result.port = url.port(5432);
    if (result.port <= 0 || result.port > 65535)
        return urlError(Message(QT_TRANSLATE_NOOP("Core", "The PostgreSQL URL has an invalid port.")));
    result.user = url.userName(QUrl::FullyDecoded);
    result.password = url.password(QUrl::FullyDecoded);
    result.databaseName = url.path(QUrl::FullyDecoded);
    if (result.databaseName.startsWith(u'/'))
        result.databaseName.remove(0, 1);
    if (result.databaseName.isEmpty() || result.databaseName.contains(u'/'))
        return urlError(Message(QT_TRANSLATE_NOOP("Core", "The PostgreSQL URL must name one database: postgresql://USER:PASSWORD@HOST:PORT/DB")));
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!allowedPostgresqlOptions.contains(key))
            return urlError(Message(QT_TRANSLATE_NOOP("Core", "Unknown PostgreSQL URL option ‘%1’."), {key}));
        if (value.contains(u';') || value.contains(u' ') || value.contains(u'\''))
            return urlError(Message(QT_TRANSLATE_NOOP("Core", "The PostgreSQL URL option ‘%1’ has an invalid value."), {key}));
        result.options.insert(key, value);
    }
    return result;
}

} // namespace

QString DatabaseUrl::redacted() const
{
    if (dialect == SqlDialect::Sqlite)
        return QStringLiteral("sqlite:") + path;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPath(u'/' + databaseName);
    return url.toString();
}

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    if (text.trimmed().isEmpty())
        return urlError(Message(QT_TRANSLATE_NOOP("Core", "The database URL is empty.")));
    if (text.startsWith(QStringLiteral("postgresql://")) || text.startsWith(QStringLiteral("postgres://")))
        return parsePostgresql(text);

    QString path = text;
    if (path.startsWith(QStringLiteral("sqlite:")))
        path = path.mid(int(qstrlen("sqlite:")));
    else if (path.contains(QStringLiteral("://")))
        return urlError(Message(QT_TRANSLATE_NOOP("Core", "Unsupported database URL ‘%1’: use a file path, sqlite:PATH or postgresql://…"),
                                {text.section(QStringLiteral("://"), 0, 0) + QStringLiteral("://")}));
    if (path.isEmpty())
        return urlError(Message(QT_TRANSLATE_NOOP("Core", "The SQLite URL has no file path.")));
    if (path.contains(QChar(0)))
        return urlError(Message(QT_TRANSLATE_NOOP("Core", "The database path contains a NUL character.")));
    DatabaseUrl result;
    result.dialect = SqlDialect::Sqlite;
    result.path = QDir::cleanPath(QDir::current().absoluteFilePath(path));
    return result;
}

DatabaseUrl DatabaseUrl::defaultLocation()
{
    DatabaseUrl result;
    result.dialect = SqlDialect::Sqlite;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    result.path = QDir(folder).filePath(QStringLiteral("signoff.db"));
    return result;
}

Result<DatabaseUrl> DatabaseUrl::resolve(const QString &commandLineValue)
{
    if (!commandLineValue.isEmpty())
        return parse(commandLineValue);
    const QString fromEnvironment = qEnvironmentVariable("SIGNOFF_DATABASE");
    if (!fromEnvironment.isEmpty())
        return parse(fromEnvironment);
    return defaultLocation();
}

} // namespace signoff
