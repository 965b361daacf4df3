// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "EventStream.h"

#include "RestLog.h"
#include "domain/EventType.h"
#include "service/AuditExport.h"
#include "service/Services.h"

#include <QJsonDocument>

namespace signoff::rest {

namespace {

// A field of an event frame is one line: nothing in it may end it early.
QByteArray oneLine(QByteArray text)
{
    text.replace('\r', ' ');
    text.replace('\n', ' ');
    return text;
}

QByteArray frame(qint64 position, const QString &type, const QJsonObject &data)
{
    return "id: " + QByteArray::number(position) + "\nevent: " + oneLine(type.toUtf8())
        + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

} // namespace

EventStream::EventStream(Services &services, const Actor &actor, QByteArray token, qint64 after,
                         std::optional<QString> resetReason, std::chrono::milliseconds keepAlive,
                         std::unique_ptr<StreamLimits::Slot> slot)
    : m_services(services)
    , m_actor(actor)
    , m_token(std::move(token))
    , m_position(after)
    , m_resetReason(std::move(resetReason))
    , m_slot(std::move(slot))
{
    m_keepAlive.setInterval(keepAlive);
    connect(&m_keepAlive, &QTimer::timeout, this, &EventStream::keepAlive);
}

EventStream::~EventStream() = default;

void EventStream::start(StreamSink &sink)
{
    m_sink = &sink;
    // The client's reconnection delay, and a first line so that it knows the stream is live.
    QByteArray opening = ": signoff event stream\nretry: 2000\n\n";
    if (m_resetReason) {
        // Where it left off cannot be resumed: it reloads, then goes on from here.
        opening += frame(m_position, QStringLiteral("reset"), {{QStringLiteral("reason"), *m_resetReason}});
    }
    m_sink->writeBody(opening);
    // Queued: the feed's thread says when it grew.
    connect(&m_services.feed(), &AuditFeed::advanced, this, &EventStream::pull);
    m_keepAlive.start();
    pull();
}

void EventStream::writable()
{
    pull();
}

void EventStream::stopping()
{
    m_ended = true;
    m_keepAlive.stop();
}

void EventStream::end()
{
    if (m_ended)
        return;
    m_ended = true;
    m_keepAlive.stop();
    if (m_sink)
        m_sink->endBody();
}

bool EventStream::stillSignedIn()
{
    auto actor = m_services.auth().authenticate(QString::fromLatin1(m_token));
    if (!actor) {
        if (actor.error().kind == ErrorKind::Unavailable)
            return true; // the database is away for a moment: the stream waits, as it would for events
        qCInfo(lcRest).noquote() << "event stream of" << m_actor.username << "ended:" << actor.error().englishSummary();
        end();
        return false;
    }
    m_actor = actor.value(); // the role may have changed, and with it what the user may see
    return true;
}

// A user's role changed among the events just read (say, made an admin):
// what they may see changed with it, from those events on.
bool EventStream::roleChanged()
{
    auto actor = m_services.auth().authenticate(QString::fromLatin1(m_token));
    if (!actor || actor->role == m_actor.role)
        return false; // an ended session is told after the events (stillSignedIn)
    m_actor = actor.value();
    return true;
}

void EventStream::pull()
{
    if (m_ended || !m_sink || m_pulling)
        return;
    m_pulling = true;
    bool wrote = false;
    int pages = 0;
    while (!m_ended && m_sink->unsentBytes() < streamHighWater) {
        if (++pages > pagesPerTurn) {
            // A long way behind: the rest on the next turn of the event loop,
            // so that the thread's other connections are served meanwhile.
            QTimer::singleShot(0, this, &EventStream::pull);
            break;
        }
        auto page = m_services.audit().feedAfter(m_actor, m_position, eventsPerRead);
        if (!page) {
            qCDebug(lcRest) << "event stream could not read the feed:" << page.error().englishSummary();
            break; // the next growth of the feed, or the keep-alive, tries again
        }
        if (page->readUpTo == m_position)
            break;
        if (page->hasUserEvents && roleChanged())
            continue; // the same events again, with what the user may see now
        QByteArray frames;
        for (const SealedEvent &sealed : page->events)
            frames += frame(sealed.position, eventTypeName(sealed.event), audit_export::feedEventJson(sealed.event));
        // Events this reader may not see are read too: a user's change may be its own sign-out or disabling.
        const bool usersChanged = page->hasUserEvents;
        m_position = page->readUpTo;
        if (!frames.isEmpty()) {
            m_sink->writeBody(frames);
            wrote = true;
        }
        if (usersChanged && !stillSignedIn())
            break;
    }
    if (wrote)
        m_keepAlive.start(); // the next keep-alive counts from the last words
    m_pulling = false;
}

void EventStream::keepAlive()
{
    if (m_ended || !m_sink)
        return;
    if (!stillSignedIn())
        return;
    if (m_sink->unsentBytes() < streamHighWater)
        m_sink->writeBody(": keep-alive\n\n");
    pull(); // and a look, should a growth of the feed have gone unnoticed
}

} // namespace signoff::rest
