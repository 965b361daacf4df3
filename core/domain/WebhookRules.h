// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Error.h"
#include "Webhook.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <chrono>
#include <optional>

namespace signoff::webhook {

// The rules of webhooks (docs/design.md, "Webhooks") that need no database
// and no network:
// which event types an endpoint may ask for, which URLs and addresses it may
// point at, how a delivery is signed, and when a failed one is tried again.

namespace limits {
constexpr int urlMax = 2048;
constexpr int eventsMax = 64;               // patterns per endpoint
constexpr int responseExcerptBytes = 1024;  // of an answer, kept in the delivery log
constexpr int secretBytes = 32;             // random bytes of a signing secret
} // namespace limits

// Every event type Signoff sends, `<entity>.<past tense>` (EventType.h).
const QStringList &knownEventTypes();
// A pattern is a known event type, `<entity>.*` for a known entity, or `*`.
bool isKnownPattern(const QString &pattern);
// The patterns that select an event of this type: itself, `<entity>.*`, `*`.
QStringList patternsMatching(const QString &eventType);

// Field problems of a new endpoint or a change (URL shape, event patterns).
// Where the URL's host resolves to is judged by targetRefusal().
QList<FieldError> validateNew(const NewWebhook &input);
QList<FieldError> validatePatch(const WebhookPatch &patch);
std::optional<Message> urlProblem(const QString &url);
std::optional<Message> eventsProblem(const QStringList &events);
// The patterns in the normal form they are stored in: trimmed, duplicates dropped.
QStringList normalizedEvents(const QStringList &events);

// An IP address as 4 (IPv4) or 16 (IPv6) bytes in network order.
using IpAddress = QByteArray;
QString addressText(const IpAddress &address);

enum class AddressScope {
    Public,
    Loopback,   // 127/8, ::1
    Private,    // RFC 1918, shared 100.64/10, unique local fc00::/7, test and benchmark nets, ...
    LinkLocal,  // 169.254/16 (cloud metadata), fe80::/10
    Multicast,  // 224/4, ff00::/8
    Unusable,   // unspecified (0.0.0.0 reaches this host), broadcast, reserved: never a receiver
};
// IPv4-mapped, NAT64 and 6to4 IPv6 addresses are judged by the IPv4 address inside.
AddressScope addressScope(const IpAddress &address);

// Whether a URL may be sent to, given the addresses its host resolves to
// (all of them: a name that also resolves to a private address is refused,
// and the dispatcher connects only to an address checked here). `https://`
// always; `http://` only to a loopback host (127.0.0.1, [::1], localhost).
// Loopback, private, link-local and multicast addresses only when the server
// allows private webhooks (`serve --allow-private-webhooks`); unspecified,
// broadcast and reserved addresses never. Nothing: allowed.
std::optional<Message> targetRefusal(const QUrl &url, const QList<IpAddress> &addresses, bool allowPrivate);
// Whether a host name is one of loopback's by its name (localhost, *.localhost).
bool isLoopbackName(const QString &host);

// Signing (Standard Webhooks): a secret is "whsec_" and the base64 of random
// bytes; the signature is "v1," and the base64 of HMAC-SHA256, keyed with
// the secret's bytes, over "<webhook-id>.<webhook-timestamp>.<body>".
QString newSecret();
QByteArray secretKey(const QString &secret); // empty when it is not one of ours
QByteArray signature(const QString &secret, const QString &messageId, qint64 timestamp, const QByteArray &body);

// Retries: a delivery that got no answer (timeout, refused connection, TLS
// failure), 5xx, 408 or 429 is tried again; 2xx is delivered; anything else
// (other 4xx, a redirect, which is not followed) is final.
AttemptOutcome outcomeOf(std::optional<int> responseCode);
// The delay after `attemptsMade` failed attempts (1 = after the first):
// the schedule's entry (its last one from then on), varied by `jitter` in
// [-1, 1] times 20 %.
std::chrono::milliseconds retryDelay(int attemptsMade, const QList<std::chrono::milliseconds> &schedule, double jitter);
// About 1 s, 5 s, 30 s, 2 min, 5 min, 15 min, 30 min, then every hour.
QList<std::chrono::milliseconds> defaultRetrySchedule();

// The first 1 KiB of an answer as text for the delivery log: invalid UTF-8
// and control characters (but tab and line breaks) replaced by U+FFFD.
QString responseExcerpt(const QByteArray &body);

} // namespace signoff::webhook
