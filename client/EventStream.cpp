// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "EventStream.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

namespace signoff::client {

EventStream::EventStream(QNetworkAccessManager &network, std::function<void(QNetworkRequest &)> prepare, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_prepare(std::move(prepare))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &EventStream::open);
    m_quiet.setInterval(5000);
    connect(&m_quiet, &QTimer::timeout, this, &EventStream::checkQuiet);
}

EventStream::~EventStream()
{
    stop();
}

void EventStream::setBackoffLimits(int firstMs, int maxMs)
{
    m_firstBackoffMs = firstMs;
    m_maxBackoffMs = maxMs;
    m_nextBackoffMs = firstMs;
}

void EventStream::start(const QUrl &url, qint64 lastEventId)
{
    stop();
    m_url = url;
    if (lastEventId >= 0)
        m_lastEventId = lastEventId;
    m_running = true;
    m_nextBackoffMs = m_firstBackoffMs;
    open();
}

void EventStream::stop()
{
    m_running = false;
    m_retry.stop();
    m_quiet.stop();
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    setConnected(false);
}

void EventStream::open()
{
    if (!m_running)
        return;
    QNetworkRequest request(m_url);
    m_prepare(request);
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Cache-Control", "no-cache");
    if (m_lastEventId >= 0)
        request.setRawHeader("Last-Event-ID", QByteArray::number(m_lastEventId));
    // A stream has no end to wait for; quietness is watched instead.
    request.setTransferTimeout(0);
    m_pending.clear();
    m_eventType.clear();
    m_data.clear();
    m_eventId.clear();
    m_lineTooLong = false;
    m_reply = m_network.get(request);
    // The head is enough to know the stream is open (the first event may take a while).
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &EventStream::onReadyRead);
    connect(m_reply, &QNetworkReply::readyRead, this, &EventStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &EventStream::onFinished);
    m_sinceData.start();
    m_quiet.start();
}

void EventStream::onReadyRead()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // the body of a refusal: onFinished
    const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (!type.startsWith("text/event-stream")) {
        reply->abort();
        return;
    }
    m_sinceData.restart();
    if (!m_connected) {
        m_nextBackoffMs = m_firstBackoffMs;
        setConnected(true);
    }
    m_pending += reply->readAll();
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = m_pending.indexOf('\n', start);
        if (end < 0)
            break;
        QByteArray line = m_pending.mid(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        parseLine(std::move(line));
        start = end + 1;
        if (!m_reply)
            return; // stopped by a handler
    }
    m_pending.remove(0, start);
    if (m_pending.size() > maxLineBytes) {
        // A line without end: not a stream Signoff can follow.
        emit failed(tr("The server sent a line longer than %1 bytes.").arg(maxLineBytes));
        reply->abort();
    }
}

void EventStream::parseLine(QByteArray line)
{
    if (line.isEmpty()) {
        dispatch();
        return;
    }
    if (line.startsWith(':'))
        return; // a comment: the keep-alive
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "event") {
        m_eventType = QString::fromUtf8(value);
    } else if (field == "data") {
        if (m_data.size() + value.size() > maxLineBytes) {
            m_lineTooLong = true;
            return;
        }
        if (!m_data.isEmpty())
            m_data += '\n';
        m_data += value;
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_eventId = value;
    } else if (field == "retry") {
        bool ok = false;
        const int ms = value.toInt(&ok);
        if (ok && ms > 0)
            m_firstBackoffMs = std::min(ms, m_maxBackoffMs);
    }
}

void EventStream::dispatch()
{
    const QString type = m_eventType.isEmpty() ? QStringLiteral("message") : m_eventType;
    const QByteArray data = std::exchange(m_data, {});
    const QByteArray id = std::exchange(m_eventId, {});
    const bool tooLong = std::exchange(m_lineTooLong, false);
    m_eventType.clear();
    bool ok = false;
    const qint64 position = id.toLongLong(&ok);
    if (ok)
        m_lastEventId = position;
    if (type == QStringLiteral("reset")) {
        emit resetRequested();
        return;
    }
    if (data.isEmpty() || tooLong)
        return;
    const QJsonDocument document = QJsonDocument::fromJson(data);
    if (!document.isObject())
        return;
    emit received(StreamEvent{ok ? position : 0, type, document.object()});
}

void EventStream::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    m_quiet.stop();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 0 && status != 200)
        emit refused(status);
    else if (reply->error() != QNetworkReply::NoError && reply->error() != QNetworkReply::OperationCanceledError)
        emit failed(reply->errorString());
    setConnected(false);
    if (status == 401 || status == 403 || status == 404)
        m_running = false; // not ours to retry: the session is over, or the server has no stream
    retryLater();
}

void EventStream::retryLater()
{
    if (!m_running)
        return;
    // ±20 % so that many desktops do not all come back at the same instant.
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    m_retry.start(int(m_nextBackoffMs * jitter));
    m_nextBackoffMs = std::min(m_nextBackoffMs * 2, m_maxBackoffMs);
}

void EventStream::checkQuiet()
{
    if (m_reply && m_sinceData.elapsed() > quietLimitMs) {
        emit failed(tr("The server's event stream went quiet."));
        m_reply->abort(); // onFinished retries
    }
}

void EventStream::setConnected(bool connected)
{
    if (connected == m_connected)
        return;
    m_connected = connected;
    emit connectedChanged(connected);
}

} // namespace signoff::client
