// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace signoff::client {

// One event of a server's stream (docs/design.md, "The event stream"): its
// position, its type ("feature.approved") and its data.
struct StreamEvent
{
    qint64 id = 0;
    QString type;
    QJsonObject data;
};

// Follows GET /api/v1/events (text/event-stream, the W3C EventSource format)
// and keeps following it: a stream that ends, fails or goes quiet for longer
// than the server's keep-alive allows is opened again after a pause that
// grows (0.5 s, 1 s, 2 s, ... at most 30 s, with jitter), asking with
// Last-Event-ID for every event after the last one seen.
//
// Lines are bounded (a server cannot make the client buffer without end);
// what does not parse as JSON is skipped.
class EventStream : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype maxLineBytes = 1024 * 1024;
    // Keep-alive comments come every 15 s: three missed, the stream is gone.
    static constexpr int quietLimitMs = 45000;

    // `prepare` fills in what every request needs (the token, TLS settings).
    EventStream(QNetworkAccessManager &network, std::function<void(QNetworkRequest &)> prepare,
                QObject *parent = nullptr);
    ~EventStream() override;

    void start(const QUrl &url, qint64 lastEventId = -1);
    void stop();
    bool isRunning() const { return m_running; }
    bool isConnected() const { return m_connected; }
    qint64 lastEventId() const { return m_lastEventId; }

    // How long the next pause lasts (for tests): 0.5 s doubled per failure, at most this.
    static constexpr int maxBackoffMs = 30000;
    void setBackoffLimits(int firstMs, int maxMs);

signals:
    void received(const signoff::client::StreamEvent &event);
    // The server no longer has the events after our last one: reload everything.
    void resetRequested();
    // Open and answering (true), or lost and retrying (false).
    void connectedChanged(bool connected);
    // The server refused the stream (401: the session is over; 429/503: too
    // many streams, retried later).
    void refused(int status);
    // A transport failure the stream saw (for the connection state).
    void failed(const QString &reason);

private:
    void open();
    void onReadyRead();
    void onFinished();
    void retryLater();
    void parseLine(QByteArray line);
    void dispatch();
    void setConnected(bool connected);
    void checkQuiet();

    QNetworkAccessManager &m_network;
    std::function<void(QNetworkRequest &)> m_prepare;
    QUrl m_url;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retry;
    QTimer m_quiet;
    QElapsedTimer m_sinceData;
    QByteArray m_pending; // a line not yet ended
    QString m_eventType;
    QByteArray m_data;
    QByteArray m_eventId;
    qint64 m_lastEventId = -1;
    int m_firstBackoffMs = 500;
    int m_maxBackoffMs = maxBackoffMs;
    int m_nextBackoffMs = 500;
    bool m_running = false;
    bool m_connected = false;
    bool m_lineTooLong = false;
};

} // namespace signoff::client

Q_DECLARE_METATYPE(signoff::client::StreamEvent)
