// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ConnectionSettings.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSettings>

namespace signoff {

namespace {

bool isLoopbackHost(QString host)
{
    host = host.toLower();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    // 127.0.0.0/8 as an address, not a name that merely starts with "127.".
    static const QRegularExpression loopbackV4(QStringLiteral("^127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$"));
    return host == QStringLiteral("localhost") || host == QStringLiteral("::1") || loopbackV4.match(host).hasMatch()
           || host.endsWith(QStringLiteral(".localhost"));
}

} // namespace

QUrl ConnectionChoice::serverUrl(const QString &text, QString *problem)
{
    problem->clear();
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *problem = QCoreApplication::translate("Connection", "Enter the server’s address, such as https://signoff.example.org:8443.");
        return {};
    }
    if (!trimmed.contains(QStringLiteral("://")))
        trimmed.prepend(QStringLiteral("https://"));
    QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QStringLiteral("https") && scheme != QStringLiteral("http"))) {
        *problem = QCoreApplication::translate("Connection", "Use an address such as https://signoff.example.org:8443.");
        return {};
    }
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()
        || (!url.path().isEmpty() && url.path() != QStringLiteral("/"))) {
        *problem = QCoreApplication::translate("Connection", "Give the server’s address only: scheme, host and port.");
        return {};
    }
    url.setScheme(scheme);
    url.setPath(QString());
    return url;
}

bool ConnectionChoice::isUnencryptedRemote(const QUrl &server)
{
    return server.scheme() == QStringLiteral("http") && !isLoopbackHost(server.host());
}

ConnectionChoice ConnectionChoice::load()
{
    QSettings settings(QStringLiteral("signoff"), QStringLiteral("signoff"));
    ConnectionChoice connection;
    if (settings.value(QStringLiteral("connection/kind")).toString() == QStringLiteral("server")) {
        QString problem;
        const QUrl url = serverUrl(settings.value(QStringLiteral("connection/server")).toString(), &problem);
        if (problem.isEmpty()) {
            connection.kind = Kind::Server;
            connection.server = url;
        }
    }
    return connection;
}

void ConnectionChoice::save() const
{
    QSettings settings(QStringLiteral("signoff"), QStringLiteral("signoff"));
    settings.setValue(QStringLiteral("connection/kind"),
                      kind == Kind::Server ? QStringLiteral("server") : QStringLiteral("database"));
    if (kind == Kind::Server)
        settings.setValue(QStringLiteral("connection/server"), server.toString());
}

QString ConnectionChoice::lastUsername()
{
    const QSettings settings(QStringLiteral("signoff"), QStringLiteral("signoff"));
    return settings.value(QStringLiteral("login/username")).toString();
}

void ConnectionChoice::saveLastUsername(const QString &username)
{
    QSettings settings(QStringLiteral("signoff"), QStringLiteral("signoff"));
    settings.setValue(QStringLiteral("login/username"), username);
}

bool ConnectionChoice::staySignedIn()
{
    const QSettings settings(QStringLiteral("signoff"), QStringLiteral("signoff"));
    return settings.value(QStringLiteral("login/staySignedIn"), false).toBool();
}

void ConnectionChoice::saveStaySignedIn(bool stay)
{
    QSettings settings(QStringLiteral("signoff"), QStringLiteral("signoff"));
    settings.setValue(QStringLiteral("login/staySignedIn"), stay);
}

} // namespace signoff
