// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Result.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>
#include <chrono>
#include <memory>
#include <optional>

namespace signoff {

class Services;

struct RestConfig
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080;          // 0 = any free port (tests)
    int rateLimitPerSecond = 100; // per client, burst twice that; 0 = off
    // Sign-ins per client address (each costs an Argon2id verification), on
    // top of the rate limit, so a flood from one address cannot take the
    // password hashing from everyone else; off when rate limiting is.
    int signInsPerSecond = 5;
    int signInBurst = 30;
    // Server threads, each with its own QHttpServer, listening socket
    // (SO_REUSEPORT when more than one) and database connection.
    int threads = 1;
    // Worker threads for requests that change something (and sign-ins), so
    // that waiting for a commit never holds up a server thread and
    // concurrent writes can share a commit; 0: the server threads run them.
    int workers = 16;
    // Requests waiting for a worker (and so for a database connection): at
    // most this many at once, each at most this long; beyond either: 503
    // with Retry-After instead of an unbounded queue behind a slow database.
    int maxWaitingForWorkers = 1024;
    std::chrono::milliseconds maxWorkerWait{10000};

    // Guard limits that Qt 6.4's server does not enforce itself. The
    // defaults are the product's; tests shorten them.
    int maxConnections = 512;                        // open connections; more are refused with 503
    // Answers written and not yet read by their clients, over all connections:
    // beyond it a large answer is a 503 (UnsentBudget).
    qint64 maxUnsentBytes = 64 * 1024 * 1024;
    std::chrono::milliseconds idleTimeout{30000};    // a connection with nothing to do is closed
    std::chrono::milliseconds shutdownGrace{5000};   // stop(): how long in-flight requests may take
    // Whether GET /readyz says "ready" as soon as the server listens; false
    // leaves it at 503 "starting" until markReady() (serve, which still has
    // things to do after listening).
    bool startsReady = true;
    // A request's head and body must arrive within this time of its first
    // byte, however steadily they trickle in (slowloris): more is 408.
    std::chrono::milliseconds requestDeadline{30000};
    // Event streams (GET /api/v1/events): open at once per user and in all,
    // and how long an idle stream waits before a keep-alive comment.
    int maxStreamsPerUser = 8;
    int maxStreams = 256;
    std::chrono::milliseconds streamKeepAlive{15000};

    // HTTPS with this certificate and key (see loadTlsConfiguration); none: plain HTTP.
    std::optional<QSslConfiguration> tls;
};

// The REST API (docs/design.md, "API"), served by QHttpServer in a thread of
// its own with its own database connection, so load never freezes a window
// (or in several such threads, RestConfig::threads, which share the rate
// limits and the connection limit). The desktop and `signoff serve` both
// drive it through this class.
class RestServer : public QObject
{
    Q_OBJECT
public:
    explicit RestServer(Services &services, QObject *parent = nullptr);
    ~RestServer() override; // stop()s

    // Binds and starts serving; returns the URL it listens on (with the real
    // port when config.port is 0), or Unavailable with a readable message
    // (for example "port 8080 is busy"). Restarts if already running.
    Result<QUrl> start(const RestConfig &config);
    // Stops accepting, lets in-flight requests finish, closes connections and
    // the thread's database connection. Blocks until done; idempotent.
    void stop();
    // GET /readyz: "ready" from now on (after start() with startsReady false).
    void markReady();
    // The first step of stopping: GET /readyz answers 503 "draining" at once,
    // so a load balancer takes this server out of rotation, while it goes on
    // serving every request; each answer closes its connection, so clients
    // reconnect (elsewhere). stop() then finishes what is in flight.
    void beginDraining();

    bool isListening() const;
    QUrl url() const;
    // Requests each server thread has dispatched since start() (in thread order).
    QList<quint64> requestsPerThread() const;

signals:
    void listening(const QUrl &url);
    void failed(const QString &message);
    void stopped();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace signoff
