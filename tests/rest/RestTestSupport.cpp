// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RestTestSupport.h"

#include "storage/OpenDatabase.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QtTest/QTest>

namespace signoff::test {

QString Reply::problemType() const
{
    return json.value(QStringLiteral("type")).toString().section(u'/', -1);
}

QStringList Reply::errorFields() const
{
    QStringList fields;
    for (const QJsonValue &error : json.value(QStringLiteral("errors")).toArray())
        fields.append(error.toObject().value(QStringLiteral("field")).toString());
    return fields;
}

RestConfig RestFixture::testConfig()
{
    RestConfig config;
    config.address = QHostAddress(QHostAddress::LocalHost);
    config.port = 0;
    config.rateLimitPerSecond = 0;
    return config;
}

ServiceOptions RestFixture::testOptions()
{
    ServiceOptions options;
    options.passwordCost = PasswordHasher::Cost::Minimum;
    return options;
}

RestFixture::RestFixture(RestConfig config, ServiceOptions options)
{
    if (!m_testDatabase.isValid()) {
        m_error = QStringLiteral("no test database: ") + m_testDatabase.errorString();
        return;
    }
    auto opened = openDatabase(m_testDatabase.url());
    if (!opened) {
        m_error = QStringLiteral("cannot open the test database: ") + describe(opened.error());
        return;
    }
    m_database = std::move(opened.value());
    m_services = std::make_unique<Services>(*m_database, m_notifier, options);
    m_server = std::make_unique<RestServer>(*m_services);
    auto url = m_server->start(config);
    if (!url) {
        m_error = QStringLiteral("the REST server did not start: ") + describe(url.error());
        return;
    }
    m_url = url.value();
}

RestFixture::~RestFixture()
{
    if (m_server)
        m_server->stop();
    m_server.reset();
    m_services.reset();
    m_database.reset(); // before the test database is dropped
}

User RestFixture::addUser(const QString &username, Role role)
{
    auto user = m_services->users().create(Actor::system(),
                                           NewUser{username, username.toUpper(), role, QString::fromLatin1(password)});
    if (!user)
        qFatal("cannot add %s: %s", qPrintable(username), qPrintable(describe(user.error())));
    return user.value();
}

QByteArray RestFixture::tokenFor(const QString &username)
{
    auto issued = m_services->auth().issueToken(username, QString::fromLatin1(password));
    if (!issued)
        qFatal("cannot sign in %s: %s", qPrintable(username), qPrintable(describe(issued.error())));
    return issued->token.toLatin1();
}

QByteArray RestFixture::signIn(const QString &username, Role role)
{
    addUser(username, role);
    return tokenFor(username);
}

Reply RestFixture::call(const QByteArray &method, const QString &path, const QByteArray &token, const QJsonObject &body,
                        const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    return call(method, path, token, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

Reply RestFixture::call(const QByteArray &method, const QString &path, const QByteArray &token, const QByteArray &body,
                        const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(m_url.toString(QUrl::FullyEncoded) + path, QUrl::StrictMode));
    bool hasContentType = false;
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
        hasContentType = hasContentType || name.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!body.isEmpty() && !hasContentType)
        request.setRawHeader("Content-Type", "application/json");
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = method == "HEAD" ? m_network.head(request) : m_network.sendCustomRequest(request, method, body);
    return collect(reply);
}

Reply collect(QNetworkReply *reply, int timeoutMs)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    Reply result;
    if (!reply->isFinished()) {
        result.transportError = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
        reply->abort();
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    result.body = reply->readAll();
    if (result.status == 0)
        result.transportError = reply->errorString();
    result.json = QJsonDocument::fromJson(result.body).object();
    reply->deleteLater();
    return result;
}

QByteArray rawRequest(const QByteArray &method, const QByteArray &target, const QByteArray &headers, const QByteArray &body)
{
    QByteArray text = method + ' ' + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers;
    if (!body.isEmpty())
        text += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return text + "\r\n" + body;
}

RawClient::RawClient(const QUrl &url)
{
    m_socket.connectToHost(url.host(), quint16(url.port()));
    m_socket.waitForConnected(5000);
}

void RawClient::send(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.flush();
}

bool RawClient::fill(int timeoutMs)
{
    if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(timeoutMs))
        return false;
    m_buffer += m_socket.readAll();
    return true;
}

Reply RawClient::readResponse(int timeoutMs, bool head)
{
    Reply reply;
    QElapsedTimer timer;
    timer.start();
    qsizetype end = -1;
    while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (timer.elapsed() > timeoutMs || !fill(int(qMax<qint64>(1, timeoutMs - timer.elapsed()))))
            return reply;
    }
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    reply.status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            reply.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    m_buffer.remove(0, end + 4);
    const qsizetype length = head ? 0 : reply.header("content-length").toLongLong();
    while (m_buffer.size() < length) {
        if (timer.elapsed() > timeoutMs || !fill(int(qMax<qint64>(1, timeoutMs - timer.elapsed()))))
            break;
    }
    reply.body = m_buffer.left(length);
    m_buffer.remove(0, reply.body.size());
    reply.json = QJsonDocument::fromJson(reply.body).object();
    return reply;
}

bool RawClient::waitForClosed(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_socket.state() != QAbstractSocket::UnconnectedState && timer.elapsed() < timeoutMs) {
        if (m_socket.waitForReadyRead(int(qMax<qint64>(1, timeoutMs - timer.elapsed()))))
            m_buffer += m_socket.readAll();
    }
    return m_socket.state() == QAbstractSocket::UnconnectedState;
}

} // namespace signoff::test
