// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ResponseStream.h"
#include "StreamLimits.h"
#include "domain/Actor.h"

#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

namespace signoff {
class Services;
}

namespace signoff::rest {

// One client's GET /api/v1/events (docs/design.md, "The event stream"): the
// ordered feed (AuditFeed) as W3C server-sent events, `id:` the position,
// `event:` the type (eventTypeName), `data:` the event's JSON
// (audit_export::feedEventJson). Starts after a position (Last-Event-ID, or the
// feed's end), reads more whenever the feed grows and the client keeps up (at
// most streamHighWater bytes wait unsent), writes a comment after every quiet
// keep-alive interval, and checks the token again whenever a user changed (and
// at each keep-alive): a revoked token or a disabled user ends the stream.
// Lives in the server thread of its connection.
class EventStream final : public QObject, public ResponseStream
{
public:
    static constexpr qint64 streamHighWater = 256 * 1024;
    static constexpr int eventsPerRead = 200;
    static constexpr int pagesPerTurn = 20; // then the thread's other connections get a turn

    EventStream(Services &services, const Actor &actor, QByteArray token, qint64 after,
                std::optional<QString> resetReason, std::chrono::milliseconds keepAlive,
                std::unique_ptr<StreamLimits::Slot> slot);
    ~EventStream() override;

    void start(StreamSink &sink) override;
    void writable() override;
    void stopping() override;

private:
    void pull();
    void keepAlive();
    // Whether the token still signs in a user who is not disabled; ends the stream if not.
    bool stillSignedIn();
    bool roleChanged();
    void end();

    Services &m_services;
    Actor m_actor;
    const QByteArray m_token;
    qint64 m_position;
    std::optional<QString> m_resetReason;
    std::unique_ptr<StreamLimits::Slot> m_slot;
    StreamSink *m_sink = nullptr;
    QTimer m_keepAlive;
    bool m_pulling = false;
    bool m_ended = false;
};

} // namespace signoff::rest
