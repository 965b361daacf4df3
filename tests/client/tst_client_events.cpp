// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The desktop's reader of a server's event stream (client/EventStream,
// docs/design.md, "Team mode" and "The event stream") against a scripted server
// on a free port: the EventSource format as it arrives in pieces, comments,
// multi-line data, CRLF, what does not parse, reset; resuming with
// Last-Event-ID after the stream ends; a refusal that ends it; a line without
// end.

#include "client/EventStream.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace signoff::client;

namespace {

// A server that answers each connection with the next script: a status line
// and head, then body pieces written one by one (each flushed), then either
// closes or stays open. Records each request's head.
class ScriptedServer : public QObject
{
    Q_OBJECT
public:
    struct Script
    {
        QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n\r\n";
        QList<QByteArray> pieces;
        bool close = true;
    };

    ScriptedServer()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRequest(socket); });
            }
        });
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/events").arg(m_server.serverPort())); }
    void add(Script script) { m_scripts.append(std::move(script)); }
    QList<QByteArray> requests() const { return m_requests; }

private:
    void onRequest(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        m_requests.append(buffer);
        buffer.clear();
        if (m_scripts.isEmpty()) {
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        const Script script = m_scripts.takeFirst();
        socket->write(script.head);
        socket->flush();
        // One piece per turn of the event loop: the client sees them apart.
        auto pieces = std::make_shared<QList<QByteArray>>(script.pieces);
        auto *timer = new QTimer(socket);
        timer->setInterval(5);
        connect(timer, &QTimer::timeout, socket, [socket, pieces, timer, close = script.close] {
            if (!pieces->isEmpty()) {
                socket->write(pieces->takeFirst());
                socket->flush();
                return;
            }
            timer->stop();
            if (close)
                socket->disconnectFromHost();
        });
        timer->start();
    }

    QTcpServer m_server;
    QList<Script> m_scripts;
    QList<QByteArray> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QList<StreamEvent> collect(QSignalSpy &spy)
{
    QList<StreamEvent> events;
    for (const QList<QVariant> &arguments : spy)
        events.append(arguments.at(0).value<StreamEvent>());
    return events;
}

} // namespace

class TestClientEvents : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<StreamEvent>(); }

    void readsTheEventSourceFormatInPieces()
    {
        ScriptedServer server;
        ScriptedServer::Script script;
        script.pieces = {
            ": hello\n\n",
            "id: 1\nevent: feature.created\nda",
            "ta: {\"entity_type\":\"feature\",\"entity_id\":\"a\"}\n",
            "\n",
            // CRLF, a field without a space after the colon, data over two lines.
            "id:2\r\nevent: feature.updated\r\ndata: {\"entity_type\":\r\ndata: \"feature\",\"entity_id\":\"b\"}\r\n\r\n",
            // What does not parse is skipped, but its id still counts.
            "id: 3\nevent: feature.updated\ndata: not json\n\n",
            ": keep-alive\n\n",
            "id: 4\nevent: order.approved\ndata: {\"entity_type\":\"order\",\"entity_id\":\"c\",\"status\":\"approved\"}\n\n",
        };
        script.close = false;
        server.add(script);

        QNetworkAccessManager network;
        EventStream stream(network, [](QNetworkRequest &request) { request.setRawHeader("Authorization", "Bearer t0ken"); });
        QSignalSpy received(&stream, &EventStream::received);
        QSignalSpy connected(&stream, &EventStream::connectedChanged);
        stream.start(server.url());
        QTRY_COMPARE(received.size(), 3);
        QVERIFY(stream.isConnected());
        QCOMPARE(connected.first().at(0).toBool(), true);

        const QList<StreamEvent> events = collect(received);
        QCOMPARE(events.at(0).id, 1);
        QCOMPARE(events.at(0).type, QStringLiteral("feature.created"));
        QCOMPARE(events.at(0).data.value(QStringLiteral("entity_id")).toString(), QStringLiteral("a"));
        QCOMPARE(events.at(1).id, 2);
        QCOMPARE(events.at(1).data.value(QStringLiteral("entity_id")).toString(), QStringLiteral("b"));
        QCOMPARE(events.at(2).id, 4);
        QCOMPARE(events.at(2).type, QStringLiteral("order.approved"));
        QCOMPARE(stream.lastEventId(), 4);

        const QByteArray request = server.requests().value(0);
        QVERIFY(request.startsWith("GET /api/v1/events "));
        QVERIFY(request.contains("Authorization: Bearer t0ken\r\n"));
        QVERIFY(request.contains("Accept: text/event-stream\r\n"));
        QVERIFY(!request.contains("Last-Event-ID"));
        stream.stop();
        QVERIFY(!stream.isConnected());
    }

    void resetAsksForEverything()
    {
        ScriptedServer server;
        ScriptedServer::Script script;
        script.pieces = {"id: 9\nevent: reset\ndata: {}\n\n"};
        script.close = false;
        server.add(script);
        QNetworkAccessManager network;
        EventStream stream(network, [](QNetworkRequest &) {});
        QSignalSpy reset(&stream, &EventStream::resetRequested);
        QSignalSpy received(&stream, &EventStream::received);
        stream.start(server.url(), 5);
        QTRY_COMPARE(reset.size(), 1);
        QCOMPARE(received.size(), 0);
        QCOMPARE(stream.lastEventId(), 9);
        QVERIFY(server.requests().value(0).contains("Last-Event-ID: 5\r\n"));
    }

    // A stream that ends is opened again, after a pause, from the last event seen.
    void resumesWithLastEventIdAfterTheStreamEnds()
    {
        ScriptedServer server;
        ScriptedServer::Script first;
        first.pieces = {"id: 7\nevent: feature.created\ndata: {\"entity_type\":\"feature\",\"entity_id\":\"a\"}\n\n"};
        first.close = true;
        server.add(first);
        ScriptedServer::Script second;
        second.pieces = {"id: 8\nevent: feature.deleted\ndata: {\"entity_type\":\"feature\",\"entity_id\":\"a\"}\n\n"};
        second.close = false;
        server.add(second);

        QNetworkAccessManager network;
        EventStream stream(network, [](QNetworkRequest &) {});
        stream.setBackoffLimits(20, 100);
        QSignalSpy received(&stream, &EventStream::received);
        QSignalSpy connected(&stream, &EventStream::connectedChanged);
        stream.start(server.url());
        QTRY_COMPARE(received.size(), 2);
        QCOMPARE(collect(received).at(1).id, 8);
        QCOMPARE(server.requests().size(), 2);
        QVERIFY(server.requests().at(1).contains("Last-Event-ID: 7\r\n"));
        // Open, lost, open again.
        QTRY_COMPARE(connected.size(), 3);
        QCOMPARE(connected.at(1).at(0).toBool(), false);
        QCOMPARE(connected.at(2).at(0).toBool(), true);
        QVERIFY(stream.isRunning());
    }

    // 401: the session is over; nothing to retry.
    void aRefusalEndsTheStream()
    {
        ScriptedServer server;
        ScriptedServer::Script refused;
        refused.head = "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/problem+json\r\nContent-Length: 2\r\n\r\n{}";
        server.add(refused);
        QNetworkAccessManager network;
        EventStream stream(network, [](QNetworkRequest &) {});
        stream.setBackoffLimits(10, 20);
        QSignalSpy refusals(&stream, &EventStream::refused);
        stream.start(server.url());
        QTRY_COMPARE(refusals.size(), 1);
        QCOMPARE(refusals.first().at(0).toInt(), 401);
        QVERIFY(!stream.isRunning());
        QVERIFY(!stream.isConnected());
        QCOMPARE(server.requests().size(), 1);
    }

    // A server cannot make the client buffer without end.
    void aLineWithoutEndIsRefused()
    {
        ScriptedServer server;
        ScriptedServer::Script endless;
        const QByteArray chunk(256 * 1024, 'x');
        endless.pieces = {"data: " + chunk, chunk, chunk, chunk, chunk, chunk};
        endless.close = false;
        server.add(endless);
        QNetworkAccessManager network;
        EventStream stream(network, [](QNetworkRequest &) {});
        stream.setBackoffLimits(60000, 60000);
        QSignalSpy failed(&stream, &EventStream::failed);
        QSignalSpy received(&stream, &EventStream::received);
        stream.start(server.url());
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("longer than")));
        QCOMPARE(received.size(), 0);
        QVERIFY(stream.isRunning()); // it will try again, later
    }
};

QTEST_GUILESS_MAIN(TestClientEvents)
#include "tst_client_events.moc"
