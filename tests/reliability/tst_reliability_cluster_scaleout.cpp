// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Scale-out (docs/design.md, "Several instances"): three `signoff serve` on
// one PostgreSQL behind HAProxy with the shipped configuration
// (packaging/haproxy/signoff.cfg, only its ports and its connection limit
// changed and its per-client limit raised: every client here is one address). Eight clients create,
// submit and approve features through HAProxy for 20 seconds while one
// instance is stopped with SIGTERM and started again (a rolling restart) and
// another is SIGKILLed and started again. Then:
//   * every write that was acknowledged is there, once;
//   * no request failed during the rolling restart (the drained instance
//     left the rotation before it stopped);
//   * during the crash only requests in flight on the killed instance failed,
//     and only as 5xx or a closed connection;
//   * an event stream read through HAProxy, resumed with Last-Event-ID
//     whenever its instance went away, missed no event.

#include "ServeProcess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <array>
#include <atomic>
#include <thread>
#include <vector>

using namespace signoff;
using namespace signoff::test;

namespace {

const QString password = QStringLiteral("cluster password");
constexpr int clientCount = 8;
constexpr int loadSeconds = 20;

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

qint64 since(const QElapsedTimer &clock)
{
    return clock.elapsed();
}

// What one request came to, for judging it by when it happened.
struct Outcome
{
    qint64 at = 0;       // ms since the load began
    QByteArray what;     // "create", "submit", "approve"
    int status = 0;      // 0: no answer
};

// One change, as the event stream and the audit log both tell it (the
// stream's ids are positions in the sealed feed, not audit ids).
QString eventKey(const QJsonObject &event)
{
    return event.value(QStringLiteral("entity_type")).toString() + u' ' + event.value(QStringLiteral("entity_id")).toString()
        + u' ' + event.value(QStringLiteral("action")).toString() + u' '
        + QString::number(event.value(QStringLiteral("version")).toInt()) + u' ' + event.value(QStringLiteral("at")).toString();
}

// The event stream through HAProxy, read in a thread of its own: resumed
// with Last-Event-ID whenever the connection ends, until stopped.
class StreamReader
{
public:
    StreamReader(QUrl url, QByteArray token) : m_url(std::move(url)), m_token(std::move(token)) {}
    ~StreamReader() { stop(); }

    void start()
    {
        m_thread = std::thread([this] { run(); });
    }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    QSet<qint64> ids() const
    {
        QMutexLocker lock(&m_mutex);
        return m_ids;
    }
    // What each event was about, as eventKey() says it.
    QSet<QString> events() const
    {
        QMutexLocker lock(&m_mutex);
        return m_events;
    }
    qint64 firstId() const
    {
        QMutexLocker lock(&m_mutex);
        return m_first;
    }
    int reconnects() const { return m_reconnects; }
    bool sawReset() const { return m_reset; }

private:
    void run()
    {
        QByteArray lastId;
        while (!m_stop) {
            QTcpSocket socket;
            socket.connectToHost(m_url.host(), quint16(m_url.port()));
            if (!socket.waitForConnected(2000)) {
                QThread::msleep(100);
                continue;
            }
            QByteArray request = "GET /api/v1/events HTTP/1.1\r\nHost: " + m_url.host().toLatin1()
                + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + m_token + "\r\n";
            if (!lastId.isEmpty())
                request += "Last-Event-ID: " + lastId + "\r\n";
            socket.write(request + "\r\n");
            QByteArray buffer;
            bool headRead = false;
            while (!m_stop && socket.state() == QAbstractSocket::ConnectedState) {
                if (!socket.waitForReadyRead(200)) {
                    if (socket.state() != QAbstractSocket::ConnectedState)
                        break;
                    continue;
                }
                buffer += socket.readAll();
                if (!headRead) {
                    const qsizetype end = buffer.indexOf("\r\n\r\n");
                    if (end < 0)
                        continue;
                    if (!buffer.startsWith("HTTP/1.1 200"))
                        break; // 503 while instances come and go: ask again
                    buffer.remove(0, end + 4);
                    headRead = true;
                }
                // Chunked transfer: the event lines arrive whole within the
                // chunks; chunk-size lines are neither "id:" nor "event:".
                qsizetype newline;
                while ((newline = buffer.indexOf('\n')) >= 0) {
                    const QByteArray line = buffer.left(newline).trimmed();
                    buffer.remove(0, newline + 1);
                    if (line.startsWith("id: ")) {
                        lastId = line.mid(4);
                        QMutexLocker lock(&m_mutex);
                        const qint64 id = lastId.toLongLong();
                        if (m_first < 0)
                            m_first = id;
                        m_ids.insert(id);
                    } else if (line.startsWith("data: ")) {
                        const QJsonObject data = QJsonDocument::fromJson(line.mid(6)).object();
                        QMutexLocker lock(&m_mutex);
                        m_events.insert(eventKey(data));
                    } else if (line == "event: reset") {
                        m_reset = true;
                    }
                }
            }
            if (!m_stop)
                ++m_reconnects;
            QThread::msleep(50);
        }
    }

    const QUrl m_url;
    const QByteArray m_token;
    std::thread m_thread;
    std::atomic_bool m_stop{false};
    std::atomic_int m_reconnects{0};
    std::atomic_bool m_reset{false};
    mutable QMutex m_mutex;
    QSet<qint64> m_ids;
    QSet<QString> m_events;
    qint64 m_first = -1;
};

} // namespace

class TestReliabilityClusterScaleOut : public QObject
{
    Q_OBJECT

    // HAProxy with the shipped configuration, ports changed; false when it did not start.
    bool startHaproxy(const QString &haproxy)
    {
        QFile shipped(QStringLiteral(SIGNOFF_SOURCE_DIR "/packaging/haproxy/signoff.cfg"));
        if (!shipped.open(QIODevice::ReadOnly))
            return false;
        QString config = QString::fromUtf8(shipped.readAll());
        m_frontendPort = freePort();
        config.replace(QStringLiteral("bind 127.0.0.1:8000"), QStringLiteral("bind 127.0.0.1:%1").arg(m_frontendPort));
        for (int i = 0; i < 3; ++i)
            config.replace(QStringLiteral("127.0.0.1:%1").arg(8081 + i), QStringLiteral("127.0.0.1:%1").arg(m_ports[size_t(i)]));
        // Within the test runner's file descriptor limit (systemd gives
        // HAProxy's unit far more).
        config.replace(QStringLiteral("maxconn 20000"), QStringLiteral("maxconn 2000"));
        // One address sends everything here; the shared limit is for many.
        config.replace(QStringLiteral("sc_http_req_rate(0) gt 1000"), QStringLiteral("sc_http_req_rate(0) gt 10000000"));
        const QString path = m_folder.filePath(QStringLiteral("haproxy.cfg"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0)
            return false;
        file.close();
        m_haproxy.setProcessChannelMode(QProcess::MergedChannels);
        m_haproxy.setStandardOutputFile(m_folder.filePath(QStringLiteral("haproxy.log")));
        m_haproxy.start(haproxy, {QStringLiteral("-db"), QStringLiteral("-f"), path});
        return m_haproxy.waitForStarted(10000);
    }

    QString haproxyLog() const
    {
        QFile log(m_folder.filePath(QStringLiteral("haproxy.log")));
        return log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll().right(4000)) : QString();
    }

    QStringList serveArguments(size_t instance) const
    {
        return {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_ports[instance])};
    }

    // Until HAProxy has every instance in rotation: /readyz through it
    // answers 200 for a few seconds in a row (two checks a second apart put
    // an instance back).
    bool waitUntilAllInRotation()
    {
        QThread::msleep(2500);
        HttpClient http(frontend());
        for (int i = 0; i < 30; ++i) {
            if (http.send("GET", QStringLiteral("/readyz")).status == 200)
                return true;
            QThread::msleep(200);
        }
        return false;
    }

    QUrl frontend() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_frontendPort)); }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(signoffBinary()), "SIGNOFF_BINARY must name the built signoff executable");
        const QString haproxy = QStandardPaths::findExecutable(QStringLiteral("haproxy"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (haproxy.isEmpty())
            QFAIL("haproxy is not installed (scripts/install-dependencies installs it)");
        QVERIFY(m_database.isValid());
        QVERIFY(m_folder.isValid());
        QString error;
        QVERIFY2(!seedUsersAndProduct(m_database.url(), password, &error).isEmpty(), qPrintable(error));
        for (quint16 &port : m_ports)
            port = freePort();
        for (size_t i = 0; i < m_serves.size(); ++i)
            QVERIFY(m_serves[i].launch(m_database.urlString(), serveArguments(i)));
        for (ServeProcess &serve : m_serves)
            QVERIFY2(serve.waitUntilListening(), qPrintable(serve.output()));
        QVERIFY(startHaproxy(haproxy));
        QVERIFY2(waitUntilAllInRotation(), qPrintable(haproxyLog()));
    }

    void cleanupTestCase()
    {
        m_haproxy.terminate();
        m_haproxy.waitForFinished(5000);
        for (ServeProcess &serve : m_serves) {
            if (serve.isRunning())
                QVERIFY2(serve.terminate(), qPrintable(serve.output()));
        }
    }

    void writesSurviveARollingRestartAndACrash()
    {
        HttpClient setup(frontend());
        const QByteArray admin = setup.signIn(QStringLiteral("admin"), password);
        QVERIFY(!admin.isEmpty());
        StreamReader stream(frontend(), admin);
        stream.start();

        std::atomic_bool stop{false};
        QElapsedTimer clock;
        QMutex mutex;
        QHash<QString, QString> acknowledged; // id → name
        QList<Outcome> outcomes;
        std::vector<std::thread> clients;
        clock.start();
        for (int c = 0; c < clientCount; ++c) {
            clients.emplace_back([&, c] {
                HttpClient http(frontend());
                HttpClient reviewer(frontend());
                const QByteArray owner = http.signIn(c % 2 ? QStringLiteral("bob") : QStringLiteral("alice"), password);
                const QByteArray judge = reviewer.signIn(c % 2 ? QStringLiteral("dave") : QStringLiteral("carol"), password);
                const auto note = [&](const QByteArray &what, const Reply &reply) {
                    QMutexLocker lock(&mutex);
                    outcomes.append(Outcome{since(clock), what, reply.status});
                };
                for (int n = 0; !stop; ++n) {
                    const QString name = QStringLiteral("load %1-%2").arg(c).arg(n);
                    const Reply created = http.send("POST", QStringLiteral("/api/v1/feature"), owner,
                                                    QJsonObject{{QStringLiteral("name"), name}});
                    note("create", created);
                    if (created.status != 201)
                        continue;
                    const QString id = created.json.value(QStringLiteral("id")).toString();
                    {
                        QMutexLocker lock(&mutex);
                        acknowledged.insert(id, name);
                    }
                    const Reply submitted = http.send("POST", QStringLiteral("/api/v1/feature/%1/submit").arg(id), owner, QByteArray(),
                                                      {{"If-Match", "\"1\""}});
                    note("submit", submitted);
                    if (submitted.status != 200)
                        continue;
                    note("approve", reviewer.send("POST", QStringLiteral("/api/v1/feature/%1/approve").arg(id), judge, QByteArray(),
                                                  {{"If-Match", "\"2\""}}));
                }
            });
        }

        // A rolling restart of the first instance (where HAProxy puts the
        // first event stream), then a crash of the second.
        QThread::msleep(4000);
        const qint64 termStarted = since(clock);
        QVERIFY2(m_serves[0].terminate(), qPrintable(m_serves[0].output()));
        QVERIFY2(m_serves[0].start(m_database.urlString(), serveArguments(0)), qPrintable(m_serves[0].output()));
        QThread::msleep(3000); // back in rotation
        const qint64 termEnded = since(clock);

        const qint64 killed = since(clock);
        m_serves[1].kill();
        QVERIFY2(m_serves[1].start(m_database.urlString(), serveArguments(1)), qPrintable(m_serves[1].output()));
        const qint64 killRecovered = since(clock) + 3000;

        while (since(clock) < loadSeconds * 1000)
            QThread::msleep(100);
        stop = true;
        for (std::thread &client : clients)
            client.join();
        QThread::msleep(1500); // the last events reach the stream
        stream.stop();

        // What happened, for the log.
        int failedInRollingRestart = 0;
        int failedInCrash = 0;
        int failedOtherwise = 0;
        QStringList failures;
        for (const Outcome &outcome : std::as_const(outcomes)) {
            const bool ok = outcome.status == 200 || outcome.status == 201;
            if (ok)
                continue;
            failures.append(QStringLiteral("%1 at %2 ms: %3").arg(QString::fromLatin1(outcome.what)).arg(outcome.at).arg(outcome.status));
            if (outcome.at >= termStarted && outcome.at <= termEnded)
                ++failedInRollingRestart;
            else if (outcome.at >= killed && outcome.at <= killRecovered)
                ++failedInCrash;
            else
                ++failedOtherwise;
        }
        qInfo("%lld requests; %lld features acknowledged; failed: %d in the rolling restart, %d around the crash, %d otherwise; "
              "the event stream reconnected %d times",
              qint64(outcomes.size()), qint64(acknowledged.size()), failedInRollingRestart, failedInCrash, failedOtherwise,
              stream.reconnects());
        QVERIFY2(acknowledged.size() > 50, "the load made next to nothing");
        QVERIFY2(failedInRollingRestart == 0, qPrintable(failures.join(QStringLiteral("; "))));
        QVERIFY2(failedOtherwise == 0, qPrintable(failures.join(QStringLiteral("; "))));
        for (const Outcome &outcome : std::as_const(outcomes)) {
            if (outcome.at >= killed && outcome.at <= killRecovered && outcome.status != 200 && outcome.status != 201)
                QVERIFY2(outcome.status == 0 || outcome.status >= 500, qPrintable(failures.join(QStringLiteral("; "))));
        }
        QVERIFY2(failedInCrash <= 3 * clientCount, qPrintable(failures.join(QStringLiteral("; "))));

        // Every acknowledged feature is there, once, under its name.
        HttpClient check(frontend());
        QHash<QString, QString> stored; // id → name
        QHash<QString, int> namesSeen;
        QString after;
        do {
            const Reply page = check.send("GET", QStringLiteral("/api/v1/feature?limit=500") + (after.isEmpty() ? QString() : QStringLiteral("&after=") + after), admin);
            QCOMPARE(page.status, 200);
            for (const QJsonValue &item : page.json.value(QStringLiteral("items")).toArray()) {
                const QJsonObject feature = item.toObject();
                stored.insert(feature.value(QStringLiteral("id")).toString(), feature.value(QStringLiteral("name")).toString());
                ++namesSeen[feature.value(QStringLiteral("name")).toString()];
            }
            after = page.json.value(QStringLiteral("next")).toString();
        } while (!after.isEmpty());
        for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it) {
            QVERIFY2(stored.value(it.key()) == it.value(), qPrintable(QStringLiteral("%1 (%2) is missing").arg(it.value(), it.key())));
            QCOMPARE(namesSeen.value(it.value()), 1);
        }

        // The stream, started before the first feature, saw every feature event.
        QVERIFY(!stream.sawReset());
        const QSet<QString> streamed = stream.events();
        QVERIFY2(!streamed.isEmpty(), "the event stream through HAProxy received nothing");
        QStringList missed;
        int featureEvents = 0;
        after.clear();
        do {
            const Reply page = check.send("GET", QStringLiteral("/api/v1/audit?entity_type=feature&limit=500") + (after.isEmpty() ? QString() : QStringLiteral("&after=") + after), admin);
            QCOMPARE(page.status, 200);
            for (const QJsonValue &item : page.json.value(QStringLiteral("items")).toArray()) {
                ++featureEvents;
                const QString key = eventKey(item.toObject());
                if (!streamed.contains(key))
                    missed.append(key);
            }
            after = page.json.value(QStringLiteral("next")).toString();
        } while (!after.isEmpty());
        qInfo("%d feature events in the audit log, %lld events streamed", featureEvents, qint64(streamed.size()));
        QVERIFY2(missed.isEmpty(), qPrintable(QStringLiteral("%1 events missed, e.g. %2").arg(missed.size()).arg(missed.value(0))));
    }

private:
    TestDatabase m_database;
    QTemporaryDir m_folder;
    std::array<quint16, 3> m_ports{};
    std::array<ServeProcess, 3> m_serves;
    quint16 m_frontendPort = 0;
    QProcess m_haproxy;
};

QTEST_GUILESS_MAIN(TestReliabilityClusterScaleOut)
#include "tst_reliability_cluster_scaleout.moc"
