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

} // namespace

int runServeCommand(const GlobalOptions &options)
{
    // One log line per request: written in batches from a thread of its own.
    LogWriter log;
    CommandParser command(QStringLiteral("signoff serve [--listen HOST:PORT] [--rate-limit N] [--threads N] [--cache-ttl SECONDS] "
                                         "[--tls-cert FILE --tls-key FILE] [--allow-private-webhooks] [--drain-seconds N]"),
                          QStringLiteral("Serves the REST API without a window until SIGTERM or SIGINT."));
    const QCommandLineOption listenOption(QStringLiteral("listen"),
                                          QStringLiteral("Address and port (default 127.0.0.1:8080; port 0 picks one)."),
                                          QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8080"));
    const QCommandLineOption rateOption(QStringLiteral("rate-limit"),
                                        QStringLiteral("Requests per second per client, bursts of twice that; 0 = off (default 100)."),
                                        QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption tlsCertOption(QStringLiteral("tls-cert"),
                                           QStringLiteral("Serve HTTPS with this PEM certificate (chain); needs --tls-key."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption tlsKeyOption(QStringLiteral("tls-key"),
                                          QStringLiteral("The PEM private key of --tls-cert (not encrypted)."),
                                          QStringLiteral("FILE"));
    const int defaultThreads = qBound(1, QThread::idealThreadCount(), maxDefaultThreads);
    const QCommandLineOption threadsOption(
        QStringLiteral("threads"),
        QStringLiteral("Server threads, each with its own listening socket and database connection "
                       "(default: the number of processor cores, at most %1; here %2).")
            .arg(maxDefaultThreads)
            .arg(defaultThreads),
        QStringLiteral("N"), QString::number(defaultThreads));
    const QCommandLineOption cacheTtlOption(
        QStringLiteral("cache-ttl"),
        QStringLiteral("Seconds a cached feature or API token may be served without reading the database again; "
                       "changes made through Signoff are seen all the same (at once, or within half a second from another process); 0 = no caches (default 300)."),
        QStringLiteral("SECONDS"), QStringLiteral("300"));
    const QCommandLineOption privateWebhooksOption(
        QStringLiteral("allow-private-webhooks"),
        QStringLiteral("Let webhooks go to loopback, private and link-local addresses (and plain http:// to loopback); "
                       "without it they are refused, against request forgery."));
    const QCommandLineOption drainOption(
        QStringLiteral("drain-seconds"),
        QStringLiteral("After SIGTERM or SIGINT, seconds to go on serving while /readyz answers 503, so a load balancer "
                       "stops sending requests here; then requests in flight finish and the server exits; a second signal "
                       "ends the wait (default %1).")
            .arg(defaultDrainSeconds),
        QStringLiteral("N"), QString::number(defaultDrainSeconds));
    command.parser().addOption(listenOption);
    command.parser().addOption(rateOption);
    command.parser().addOption(threadsOption);
    command.parser().addOption(cacheTtlOption);
    command.parser().addOption(tlsCertOption);
    command.parser().addOption(tlsKeyOption);
    command.parser().addOption(privateWebhooksOption);
    command.parser().addOption(drainOption);
    if (auto exit = command.parse(options))
        return *exit;
    if (!command.parser().positionalArguments().isEmpty())
        return console::usageError(QStringLiteral("serve takes no arguments besides its options"));

    const auto listen = parseListen(command.parser().value(listenOption));
    if (!listen)
        return console::usageError(QStringLiteral("--listen needs HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080, not ‘%1’")
                                       .arg(command.parser().value(listenOption)));
    bool rateOk = false;
    const int rateLimit = command.parser().value(rateOption).toInt(&rateOk);
    if (!rateOk || rateLimit < 0 || rateLimit > 1000000)
        return console::usageError(QStringLiteral("--rate-limit needs a whole number from 0 (off) to 1000000, not ‘%1’")
                                       .arg(command.parser().value(rateOption)));

    bool threadsOk = false;
    const int threads = command.parser().value(threadsOption).toInt(&threadsOk);
    if (!threadsOk || threads < 1 || threads > 64)
        return console::usageError(QStringLiteral("--threads needs a whole number from 1 to 64, not ‘%1’")
                                       .arg(command.parser().value(threadsOption)));
    bool ttlOk = false;
    const int cacheTtl = command.parser().value(cacheTtlOption).toInt(&ttlOk);
    if (!ttlOk || cacheTtl < 0 || cacheTtl > 86400)
        return console::usageError(QStringLiteral("--cache-ttl needs a whole number of seconds from 0 (no caches) to 86400, not ‘%1’")
                                       .arg(command.parser().value(cacheTtlOption)));

    bool drainOk = false;
    const int drainSeconds = command.parser().value(drainOption).toInt(&drainOk);
    if (!drainOk || drainSeconds < 0 || drainSeconds > 3600)
        return console::usageError(QStringLiteral("--drain-seconds needs a whole number of seconds from 0 to 3600, not ‘%1’")
                                       .arg(command.parser().value(drainOption)));

    if (command.parser().isSet(tlsCertOption) != command.parser().isSet(tlsKeyOption))
        return console::usageError(QStringLiteral("--tls-cert and --tls-key go together"));
    std::optional<QSslConfiguration> tls;
    if (command.parser().isSet(tlsCertOption)) {
        const rest::TlsFiles files =
            rest::loadTlsFiles(command.parser().value(tlsCertOption), command.parser().value(tlsKeyOption));
        if (!files.error.isEmpty())
            return console::fail(files.error);
        if (!files.warning.isEmpty())
            console::printError(QStringLiteral("warning: %1").arg(files.warning));
        tls = files.configuration;
    }

    auto database = openForUse(command.database(), IfMissing::Create);
    if (!database)
        return console::fail(database.error());
    // Checkpoints of the SQLite log in a thread of their own, not in requests
    // (SIGNOFF_BACKGROUND_CHECKPOINTS=0 leaves them to SQLite, for measuring).
    if (qEnvironmentVariable("SIGNOFF_BACKGROUND_CHECKPOINTS") != QStringLiteral("0"))
        database.value()->startBackgroundCheckpoints();
    ChangeNotifier notifier;
    ServiceOptions serviceOptions;
    serviceOptions.readCacheTtl = std::chrono::seconds(cacheTtl);
    serviceOptions.webhooks.allowPrivateAddresses = command.parser().isSet(privateWebhooksOption);
    Services services(*database.value(), notifier, serviceOptions);
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
    if (cacheTtl > 0)
        otherProcesses.start();

    // Listening first, "starting" on /readyz until the program is done
    // starting up; then "ready" until a signal makes it "draining".
    RestServer server(services);
    bool stopped = false;
    bool draining = false;
    const auto stopNow = [&] {
        if (std::exchange(stopped, true))
            return;
        server.stop(); // requests in flight finish, event streams end
        QCoreApplication::quit();
    };
    if (!watchStopSignals(&server, [&] {
            if (std::exchange(draining, true)) {
                stopNow();
                return;
            }
            server.beginDraining();
            console::printError(QStringLiteral("stopping: /readyz answers 503, requests are served for %1 more seconds")
                                    .arg(drainSeconds));
            QTimer::singleShot(std::chrono::seconds(drainSeconds), &server, stopNow);
        }))
        return console::fail(QStringLiteral("cannot watch for SIGTERM and SIGINT"));

    RestConfig config;
    config.address = listen->address;
    config.port = listen->port;
    config.rateLimitPerSecond = rateLimit;
    config.threads = threads;
    config.tls = tls;
    config.startsReady = false;
    auto url = server.start(config);
    if (!url)
        return console::fail(url.error().englishSummary());

    auto administrator = services.users().createInitialAdministratorIfNone();
    if (!administrator)
        return console::fail(administrator.error());
    if (administrator.value())
        console::printError(QStringLiteral("created user admin with password %1 — change it").arg(*administrator.value()));
    // From here on this thread only waits for signals; the server threads
    // have their own connections. An idle connection here would only keep
    // SQLite's view of the file as it was opened (read-only, say) alive for
    // every later connection of the process.
    database.value()->closeThreadConnection();

    if (!listen->address.isLoopback() && !tls)
        console::printError(QStringLiteral("warning: %1 is not a loopback address and there is no TLS: anyone on the "
                                           "network can read passwords and tokens; use --tls-cert and --tls-key, "
                                           "or put a TLS proxy in front")
                                .arg(listen->address.toString()));
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
