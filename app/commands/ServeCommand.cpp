// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CommandSupport.h"
#include "Commands.h"
#include "Console.h"
#include "rest/RestServer.h"
#include "rest/TlsFiles.h"
#include "service/ChangeWatcher.h"
#include "service/LogWriter.h"
#include "service/Services.h"
#include "webhook/WebhookDispatcher.h"

#include <QCoreApplication>
#include <QThread>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace signoff {

namespace {

// Beyond a few, more threads than cores only add switching (docs/benchmarks.md).
constexpr int maxDefaultThreads = 4;
// Connections a server opens besides its threads' and its workers': the
// ordered feed's (sealing, events), the webhook deliveries', and the change
// listener's (PostgreSQL) or the group commit writer's (SQLite).
constexpr int backgroundConnections = 3;
// Five servers fit PostgreSQL's default max_connections of 100 with room for
// operators (docs/design.md, "Several instances").
constexpr int defaultDatabaseConnections = 16;
// After SIGTERM, how long /readyz answers 503 while requests are still
// served: a load balancer checking every second notices within it
// (packaging/haproxy/signoff.cfg).
constexpr int defaultDrainSeconds = 3;

struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;
};

// HOST:PORT, [IPv6]:PORT or localhost:PORT; port 0 picks a free one.
std::optional<ListenAddress> parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(u':'))
        return std::nullopt; // a bare IPv6 address is ambiguous: [::1]:8080
    ListenAddress listen;
    listen.port = quint16(port);
    if (host == QStringLiteral("localhost"))
        listen.address = QHostAddress(QHostAddress::LocalHost);
    else if (!listen.address.setAddress(host))
        return std::nullopt;
    return listen;
}

// SIGTERM and SIGINT through a self-pipe: the handler only writes a byte;
// the event loop reads it and stops the server like any other event.
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

// `stop` runs for each signal: the first begins draining, a second one ends it.
bool watchStopSignals(QObject *context, std::function<void()> stop)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalPipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [notifier, stop = std::move(stop)] {
        char byte = 0;
        if (::read(signalPipe[0], &byte, 1) == 1)
            stop();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

// What `signoff serve` was asked for, read and checked from its command line.
struct ServeSettings
{
    QString database;
    ListenAddress listen;
    int rateLimit = 0;
    int threads = 1;
    int databaseConnections = 0;
    int cacheTtl = 0;
    int drainSeconds = 0;
    std::optional<QSslConfiguration> tls;
    bool allowPrivateWebhooks = false;
};

// The options of `serve`, with their help and defaults.
struct ServeOptions
{
    const int defaultThreads = qBound(1, QThread::idealThreadCount(), maxDefaultThreads);
    const QCommandLineOption listen{QStringLiteral("listen"),
                                    QStringLiteral("Address and port (default 127.0.0.1:8080; port 0 picks one)."),
                                    QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8080")};
    const QCommandLineOption rate{QStringLiteral("rate-limit"),
                                  QStringLiteral("Requests per second per client, bursts of twice that; 0 = off (default 100)."),
                                  QStringLiteral("N"), QStringLiteral("100")};
    const QCommandLineOption tlsCert{QStringLiteral("tls-cert"),
                                     QStringLiteral("Serve HTTPS with this PEM certificate (chain); needs --tls-key."),
                                     QStringLiteral("FILE")};
    const QCommandLineOption tlsKey{QStringLiteral("tls-key"),
                                    QStringLiteral("The PEM private key of --tls-cert (not encrypted)."),
                                    QStringLiteral("FILE")};
    const QCommandLineOption threads{
        QStringLiteral("threads"),
        QStringLiteral("Server threads, each with its own listening socket and database connection "
                       "(default: the number of processor cores, at most %1; here %2).")
            .arg(maxDefaultThreads)
            .arg(defaultThreads),
        QStringLiteral("N"), QString::number(defaultThreads)};
    const QCommandLineOption databaseConnections{
        QStringLiteral("db-connections"),
        QStringLiteral("Database connections this server opens at most: one for each server thread, %1 for its "
                       "background work, the rest for the workers that run changes and sign-ins; a change that "
                       "finds them all busy waits in line, at most %2 s, else it is answered 503 with Retry-After "
                       "(default %3; with PostgreSQL's default max_connections of 100, five servers fit).")
            .arg(backgroundConnections)
            .arg(RestConfig().maxWorkerWait.count() / 1000)
            .arg(defaultDatabaseConnections),
        QStringLiteral("N")};
    const QCommandLineOption cacheTtl{
        QStringLiteral("cache-ttl"),
        QStringLiteral("Seconds a cached feature or API token may be served without reading the database again; "
                       "changes made through Signoff are seen all the same (at once, or within half a second from another process); 0 = no caches (default 300)."),
        QStringLiteral("SECONDS"), QStringLiteral("300")};
    const QCommandLineOption privateWebhooks{
        QStringLiteral("allow-private-webhooks"),
        QStringLiteral("Let webhooks go to loopback, private and link-local addresses (and plain http:// to loopback); "
                       "without it they are refused, against request forgery.")};
    const QCommandLineOption drain{
        QStringLiteral("drain-seconds"),
        QStringLiteral("After SIGTERM or SIGINT, seconds to go on serving while /readyz answers 503, so a load balancer "
                       "stops sending requests here; then requests in flight finish and the server exits; a second signal "
                       "ends the wait (default %1).")
            .arg(defaultDrainSeconds),
        QStringLiteral("N"), QString::number(defaultDrainSeconds)};

    void addTo(QCommandLineParser &parser) const
    {
        for (const QCommandLineOption *option : {&listen, &rate, &threads, &databaseConnections, &cacheTtl, &tlsCert, &tlsKey, &privateWebhooks, &drain})
            parser.addOption(*option);
    }
};

// The numbers of the command line, each within its bounds. Returns an exit
// status when one is not.
std::optional<int> readNumbers(const QCommandLineParser &parser, const ServeOptions &options, ServeSettings *settings)
{
    const auto listen = parseListen(parser.value(options.listen));
    if (!listen)
        return console::usageError(QStringLiteral("--listen needs HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080, not ‘%1’")
                                       .arg(parser.value(options.listen)));
    settings->listen = *listen;
    bool rateOk = false;
    settings->rateLimit = parser.value(options.rate).toInt(&rateOk);
    if (!rateOk || settings->rateLimit < 0 || settings->rateLimit > 1000000)
        return console::usageError(QStringLiteral("--rate-limit needs a whole number from 0 (off) to 1000000, not ‘%1’")
                                       .arg(parser.value(options.rate)));

    bool threadsOk = false;
    settings->threads = parser.value(options.threads).toInt(&threadsOk);
    if (!threadsOk || settings->threads < 1 || settings->threads > 64)
        return console::usageError(QStringLiteral("--threads needs a whole number from 1 to 64, not ‘%1’")
                                       .arg(parser.value(options.threads)));
    const int fewestConnections = settings->threads + backgroundConnections + 1;
    bool connectionsOk = true;
    settings->databaseConnections = parser.isSet(options.databaseConnections)
        ? parser.value(options.databaseConnections).toInt(&connectionsOk)
        : qMax(defaultDatabaseConnections, fewestConnections); // more threads than the default allows for
    if (!connectionsOk || settings->databaseConnections < fewestConnections || settings->databaseConnections > 1000)
        return console::usageError(QStringLiteral("--db-connections needs a whole number from %1 (one for each of the %2 "
                                                  "server threads, %3 for background work and one for a worker) "
                                                  "to 1000, not ‘%4’")
                                       .arg(fewestConnections)
                                       .arg(settings->threads)
                                       .arg(backgroundConnections)
                                       .arg(parser.value(options.databaseConnections)));
    bool ttlOk = false;
    settings->cacheTtl = parser.value(options.cacheTtl).toInt(&ttlOk);
    if (!ttlOk || settings->cacheTtl < 0 || settings->cacheTtl > 86400)
        return console::usageError(QStringLiteral("--cache-ttl needs a whole number of seconds from 0 (no caches) to 86400, not ‘%1’")
                                       .arg(parser.value(options.cacheTtl)));

    bool drainOk = false;
    settings->drainSeconds = parser.value(options.drain).toInt(&drainOk);
    if (!drainOk || settings->drainSeconds < 0 || settings->drainSeconds > 3600)
        return console::usageError(QStringLiteral("--drain-seconds needs a whole number of seconds from 0 to 3600, not ‘%1’")
                                       .arg(parser.value(options.drain)));
    return std::nullopt;
}

// --tls-cert and --tls-key, read into a TLS configuration. Returns an exit
// status when they do not go together or cannot be read.
std::optional<int> readTls(const QCommandLineParser &parser, const ServeOptions &options, ServeSettings *settings)
{
    if (parser.isSet(options.tlsCert) != parser.isSet(options.tlsKey))
        return console::usageError(QStringLiteral("--tls-cert and --tls-key go together"));
    if (!parser.isSet(options.tlsCert))
        return std::nullopt;
    const rest::TlsFiles files = rest::loadTlsFiles(parser.value(options.tlsCert), parser.value(options.tlsKey));
    if (!files.error.isEmpty())
        return console::fail(files.error);
    if (!files.warning.isEmpty())
        console::printError(QStringLiteral("warning: %1").arg(files.warning));
    settings->tls = files.configuration;
    return std::nullopt;
}

// Returns an exit status when the command ends here (help shown, or the
// command line is wrong); fills `settings` otherwise.
std::optional<int> readServeCommandLine(const GlobalOptions &globalOptions, ServeSettings *settings)
{
    CommandParser command(QStringLiteral("signoff serve [--listen HOST:PORT] [--rate-limit N] [--threads N] [--db-connections N] [--cache-ttl SECONDS] "
                                         "[--tls-cert FILE --tls-key FILE] [--allow-private-webhooks] [--drain-seconds N]"),
                          QStringLiteral("Serves the REST API without a window until SIGTERM or SIGINT."));
    const ServeOptions options;
    options.addTo(command.parser());
    if (auto exit = command.parse(globalOptions))
        return exit;
    if (!command.parser().positionalArguments().isEmpty())
        return console::usageError(QStringLiteral("serve takes no arguments besides its options"));
    if (auto exit = readNumbers(command.parser(), options, settings))
        return exit;
    if (auto exit = readTls(command.parser(), options, settings))
        return exit;
    settings->allowPrivateWebhooks = command.parser().isSet(options.privateWebhooks);
    settings->database = command.database();
    return std::nullopt;
}

ServiceOptions serviceOptionsFor(const ServeSettings &settings)
{
    ServiceOptions serviceOptions;
    serviceOptions.readCacheTtl = std::chrono::seconds(settings.cacheTtl);
    serviceOptions.webhooks.allowPrivateAddresses = settings.allowPrivateWebhooks;
    return serviceOptions;
}

RestConfig restConfigFor(const ServeSettings &settings)
{
    RestConfig config;
    config.address = settings.listen.address;
    config.port = settings.listen.port;
    config.rateLimitPerSecond = settings.rateLimit;
    config.threads = settings.threads;
    config.workers = settings.databaseConnections - settings.threads - backgroundConnections;
    config.tls = settings.tls;
    config.startsReady = false;
    return config;
}

// The first signal begins draining: /readyz answers 503 while requests are
// still served for `drainSeconds`, then `stopNow`. A second signal stops at once.
bool drainOnStopSignals(RestServer &server, int drainSeconds, const std::function<void()> &stopNow)
{
    return watchStopSignals(&server, [&server, drainSeconds, stopNow, draining = false]() mutable {
        if (std::exchange(draining, true)) {
            stopNow();
            return;
        }
        server.beginDraining();
        console::printError(QStringLiteral("stopping: /readyz answers 503, requests are served for %1 more seconds")
                                .arg(drainSeconds));
        QTimer::singleShot(std::chrono::seconds(drainSeconds), &server, stopNow);
    });
}

// `admin` with a random password, printed once, when the database has no
// users. Returns an exit status when that fails.
std::optional<int> createFirstAdministrator(Services &services)
{
    auto administrator = services.users().createInitialAdministratorIfNone();
    if (!administrator)
        return console::fail(administrator.error());
    if (administrator.value())
        console::printError(QStringLiteral("created user admin with password %1 — change it").arg(*administrator.value()));
    return std::nullopt;
}

void warnIfUnencrypted(const ServeSettings &settings)
{
    if (!settings.listen.address.isLoopback() && !settings.tls)
        console::printError(QStringLiteral("warning: %1 is not a loopback address and there is no TLS: anyone on the "
                                           "network can read passwords and tokens; use --tls-cert and --tls-key, "
                                           "or put a TLS proxy in front")
                                .arg(settings.listen.address.toString()));
}

} // namespace

int runServeCommand(const GlobalOptions &options)
{
    // One log line per request: written in batches from a thread of its own.
    LogWriter log;
    ServeSettings settings;
    if (auto exit = readServeCommandLine(options, &settings))
        return *exit;

    auto database = openForUse(settings.database, IfMissing::Create);
    if (!database)
        return console::fail(database.error());
    // Checkpoints of the SQLite log in a thread of their own, not in requests
    // (SIGNOFF_BACKGROUND_CHECKPOINTS=0 leaves them to SQLite, for measuring).
    if (qEnvironmentVariable("SIGNOFF_BACKGROUND_CHECKPOINTS") != QStringLiteral("0"))
        database.value()->startBackgroundCheckpoints();
    ChangeNotifier notifier;
    Services services(*database.value(), notifier, serviceOptionsFor(settings));
    // The ordered feed: seals audit events into the hash chain within a
    // moment of their commit, here or in another process, and tells the
    // event streams and the watcher below how far it goes.
    // (SIGNOFF_AUDIT_FEED=0 leaves it off until a stream asks for it: for
    // measuring what sealing costs, docs/benchmarks.md; not for production.)
    if (qEnvironmentVariable("SIGNOFF_AUDIT_FEED") != QStringLiteral("0"))
        services.feed().start();
    // Changes other programs make to the same database (a desktop, another
    // serve) invalidate the caches too, within the watcher's interval.
    ChangeWatcher otherProcesses(*database.value(), notifier);
    if (settings.cacheTtl > 0)
        otherProcesses.start();

    // Listening first, "starting" on /readyz until the program is done
    // starting up; then "ready" until a signal makes it "draining".
    RestServer server(services);
    bool stopped = false;
    const std::function<void()> stopNow = [&] {
        if (std::exchange(stopped, true))
            return;
        server.stop(); // requests in flight finish, event streams end
        QCoreApplication::quit();
    };
    if (!drainOnStopSignals(server, settings.drainSeconds, stopNow))
        return console::fail(QStringLiteral("cannot watch for SIGTERM and SIGINT"));
    auto url = server.start(restConfigFor(settings));
    if (!url)
        return console::fail(url.error().englishSummary());
    if (auto exit = createFirstAdministrator(services))
        return *exit;
    // From here on this thread only waits for signals; the server threads
    // have their own connections. An idle connection here would only keep
    // SQLite's view of the file as it was opened (read-only, say) alive for
    // every later connection of the process.
    database.value()->closeThreadConnection();

    warnIfUnencrypted(settings);
    server.markReady();
    console::printError(QStringLiteral("listening on %1").arg(url->toString()));
    // Webhook deliveries from the outbox, in a thread of their own; with
    // several instances on one database each delivery is sent by one.
    WebhookDispatcher webhooks(services);
    webhooks.start();

    const int status = QCoreApplication::exec();
    webhooks.stop();
    stopNow();
    return status;
}

} // namespace signoff
