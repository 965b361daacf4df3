// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "TestDatabase.h"
#include "rest/RestServer.h"
#include "service/Services.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QString>
#include <QTcpSocket>
#include <QUrl>
#include <memory>

namespace signoff::test {

// One HTTP answer as a client sees it.
struct Reply
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QJsonObject json;   // the body, when it is a JSON object
    QString transportError;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QString problemType() const; // the last segment of a problem's type
    QStringList errorFields() const;
};

// A fresh database, the services over it and a RestServer on a free port,
// for one test function. Users are made through core with the cheapest
// password hashing.
class RestFixture
{
public:
    explicit RestFixture(RestConfig config = testConfig(), ServiceOptions options = testOptions());
    ~RestFixture();

    static RestConfig testConfig(); // port 0, no rate limit
    static ServiceOptions testOptions();

    // Empty when everything is up; else what went wrong.
    QString error() const { return m_error; }

    Services &services() { return *m_services; }
    ChangeNotifier &notifier() { return m_notifier; }
    Database &database() { return *m_database; }
    TestDatabase &testDatabase() { return m_testDatabase; }
    RestServer &server() { return *m_server; }
    QUrl url() const { return m_url; }

    User addUser(const QString &username, Role role);
    // A bearer token for a user made by addUser.
    QByteArray tokenFor(const QString &username);
    // addUser and tokenFor in one.
    QByteArray signIn(const QString &username, Role role);

    Reply call(const QByteArray &method, const QString &path, const QByteArray &token = {},
               const QByteArray &body = {}, const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    Reply call(const QByteArray &method, const QString &path, const QByteArray &token, const QJsonObject &body,
               const QList<std::pair<QByteArray, QByteArray>> &headers = {});

    static constexpr char password[] = "correct horse 42";

private:
    TestDatabase m_testDatabase;
    std::unique_ptr<Database> m_database;
    ChangeNotifier m_notifier;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<RestServer> m_server;
    QNetworkAccessManager m_network;
    QUrl m_url;
    QString m_error;
};

// Waits for an asynchronous reply of QNetworkAccessManager.
Reply collect(class QNetworkReply *reply, int timeoutMs = 15000);

// The bytes of an HTTP/1.1 request for RawClient: request line, Host, the
// given header lines (each ending in CRLF) and, with a body, its JSON
// Content-Type and Content-Length.
QByteArray rawRequest(const QByteArray &method, const QByteArray &target, const QByteArray &headers = {},
                      const QByteArray &body = {});

// A raw HTTP/1.1 client for framing cases QNetworkAccessManager will not make.
class RawClient
{
public:
    explicit RawClient(const QUrl &url);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QByteArray &bytes);
    // The next response (status line, headers, Content-Length body; no body
    // for HEAD when `head` is true). Status 0 when none came in time.
    Reply readResponse(int timeoutMs = 5000, bool head = false);
    // Whether the server closed the connection within the time.
    bool waitForClosed(int timeoutMs = 5000);
    QByteArray unread() const { return m_buffer; }

private:
    bool fill(int timeoutMs);

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace signoff::test

#define SIGNOFF_REQUIRE_FIXTURE(fixture)                                                           \
    do {                                                                                            \
        if (!(fixture).error().isEmpty())                                                          \
            QFAIL(qPrintable((fixture).error()));                                                  \
    } while (false)
