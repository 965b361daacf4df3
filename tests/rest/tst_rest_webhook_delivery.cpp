// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Webhook deliveries end to end (docs/design.md, "Webhooks"): a receiver on
// loopback (private webhooks allowed, as `serve --allow-private-webhooks`)
// checks each Standard Webhooks signature with its own HMAC, answers 500 and
// then 200 to see a retry, and records the order; a final 4xx does not hold
// up the next event; redelivery sends the same webhook-id again; a target
// that resolves elsewhere at delivery time is not contacted; two
// dispatchers on one database send each delivery once. The retry schedule
// is shrunk through WebhookOptions, not waited for.

#include "RestTestSupport.h"
#include "service/HostResolver.h"
#include "webhook/WebhookDispatcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QElapsedTimer>
#include <QMessageAuthenticationCode>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>
#include <atomic>
#include <csignal>

using namespace signoff;
using namespace signoff::test;

namespace {

struct Received
{
    QByteArray method;
    QByteArray target;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QJsonObject json;
};

// A minimal HTTP/1.1 server: one request per connection, answered with the
// next scripted status (200 when the script is empty), then closed.
class Receiver : public QObject
{
public:
    Receiver()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    QString url(const QString &path = QStringLiteral("/hook")) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }

    QList<int> script;
    QByteArray location; // sent as Location with every answer, when set
    QList<Received> requests;

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Received request;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.target = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        request.body = buffer.mid(end + 4, length);
        request.json = QJsonDocument::fromJson(request.body).object();
        m_buffers.remove(socket);
        requests.append(request);
        const int status = script.isEmpty() ? 200 : script.takeFirst();
        const QByteArray body = status == 200 ? QByteArray("ok") : QByteArray("no \x1b[1mthanks\x1b[0m");
        const QByteArray redirect = location.isEmpty() ? QByteArray() : "Location: " + location + "\r\n";
        socket->write("HTTP/1.1 " + QByteArray::number(status) + " Whatever\r\nContent-Type: text/plain\r\n" + redirect
                      + "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

// Where "flip.example.com" resolves: public at registration, then wherever a test sends it.
std::atomic<bool> flipToPrivate{false};

QList<QByteArray> testResolver(const QString &host)
{
    if (host == QStringLiteral("flip.example.com")) {
        if (flipToPrivate.load())
            return {QByteArray("\x0a\x00\x00\x01", 4)};
        return {QByteArray("\x5d\xb8\xd8\x22", 4)};
    }
    return resolveHost(host);
}

ServiceOptions deliveryOptions(bool allowPrivate = true)
{
    ServiceOptions options = RestFixture::testOptions();
    options.webhooks.allowPrivateAddresses = allowPrivate;
    options.webhooks.resolve = testResolver;
    options.webhooks.retrySchedule = {std::chrono::milliseconds(20), std::chrono::milliseconds(40)};
    options.webhooks.pollInterval = std::chrono::milliseconds(50);
    options.webhooks.timeout = std::chrono::milliseconds(5000);
    return options;
}

// The Standard Webhooks signature, computed here on its own.
QByteArray expectedSignature(const QString &secret, const Received &request)
{
    const QByteArray key = QByteArray::fromBase64(secret.mid(QStringLiteral("whsec_").size()).toLatin1());
    const QByteArray signedContent = request.headers.value("webhook-id") + '.' + request.headers.value("webhook-timestamp") + '.' + request.body;
    return "v1," + QMessageAuthenticationCode::hash(signedContent, key, QCryptographicHash::Sha256).toBase64();
}

struct Endpoint
{
    QString path;
    QString secret;
};

Endpoint registerEndpoint(RestFixture &f, const QByteArray &admin, const QString &url, const QStringList &events)
{
    const Reply created = f.call("POST", QStringLiteral("/api/v1/webhook"), admin,
                                 QJsonObject{{QStringLiteral("url"), url}, {QStringLiteral("events"), QJsonArray::fromStringList(events)}});
    if (created.status != 201)
        qWarning() << "registering" << url << "answered" << created.status << created.body;
    return {QStringLiteral("/api/v1/webhook/") + created.json.value(QStringLiteral("id")).toString(),
            created.json.value(QStringLiteral("secret")).toString()};
}

QString createFeature(RestFixture &f, const QByteArray &token, const QString &name)
{
    return f.call("POST", QStringLiteral("/api/v1/feature"), token, QJsonObject{{QStringLiteral("name"), name}})
        .json.value(QStringLiteral("id"))
        .toString();
}

// The delivery log, oldest first.
QList<QJsonObject> deliveryLog(RestFixture &f, const QByteArray &admin, const Endpoint &endpoint)
{
    QList<QJsonObject> log;
    for (const QJsonValue &delivery : f.call("GET", endpoint.path + QStringLiteral("/delivery"), admin).json.value(QStringLiteral("items")).toArray())
        log.prepend(delivery.toObject());
    return log;
}

QStringList statuses(const QList<QJsonObject> &log)
{
    QStringList list;
    for (const QJsonObject &delivery : log)
        list.append(delivery.value(QStringLiteral("status")).toString());
    return list;
}

QString binary()
{
    return qEnvironmentVariable("SIGNOFF_BINARY");
}

// `signoff serve` on the test database; the URL it listens on, and its
// output so far in `output`.
QUrl startServe(QProcess &serve, const TestDatabase &database, QString *output)
{
    serve.start(binary(), {QStringLiteral("--database"), database.urlString(), QStringLiteral("serve"), QStringLiteral("--listen"),
                           QStringLiteral("127.0.0.1:0"), QStringLiteral("--rate-limit"), QStringLiteral("0"),
                           QStringLiteral("--allow-private-webhooks")});
    const QRegularExpression listening(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 30000 && serve.state() != QProcess::NotRunning) {
        *output += QString::fromUtf8(serve.readAllStandardError());
        if (const auto match = listening.match(*output); match.hasMatch())
            return QUrl(match.captured(1));
        serve.waitForReadyRead(200);
    }
    return {};
}

Reply post(QNetworkAccessManager &network, const QUrl &url, const QByteArray &token, const QJsonObject &body)
{
    QNetworkRequest request(url);
    request.setRawHeader("Content-Type", "application/json");
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    return collect(network.post(request, QJsonDocument(body).toJson()));
}

} // namespace

class TestRestWebhookDelivery : public QObject
{
    Q_OBJECT

private slots:
    void signedRetriedAndLogged()
    {
        Receiver receiver;
        receiver.script = {500, 200};
        RestFixture f(RestFixture::testConfig(), deliveryOptions());
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("ada"), Role::Admin);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        const Endpoint endpoint = registerEndpoint(f, admin, receiver.url(), {QStringLiteral("feature.*")});
        QVERIFY(endpoint.secret.startsWith(QStringLiteral("whsec_")));
        WebhookDispatcher dispatcher(f.services());
        dispatcher.start();

        const QString id = createFeature(f, alice, QStringLiteral("Announced"));
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 2, 30000);
        for (const Received &request : std::as_const(receiver.requests)) {
            QCOMPARE(request.method, QByteArray("POST"));
            QCOMPARE(request.target, QByteArray("/hook"));
            QVERIFY(request.headers.value("content-type").startsWith("application/json"));
            QCOMPARE(request.headers.value("webhook-signature"), expectedSignature(endpoint.secret, request));
            QVERIFY(qAbs(request.headers.value("webhook-timestamp").toLongLong() - QDateTime::currentSecsSinceEpoch()) < 600);
            QCOMPARE(request.json.value(QStringLiteral("type")).toString(), QStringLiteral("feature.created"));
            QCOMPARE(request.json.value(QStringLiteral("entity_type")).toString(), QStringLiteral("feature"));
            QCOMPARE(request.json.value(QStringLiteral("entity_id")).toString(), id);
            QCOMPARE(request.json.value(QStringLiteral("action")).toString(), QStringLiteral("create"));
            QCOMPARE(request.json.value(QStringLiteral("actor")).toString(), QStringLiteral("alice"));
            QCOMPARE(request.json.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
        }
        // One delivery, tried twice: the same id and body.
        QCOMPARE(receiver.requests.at(0).headers.value("webhook-id"), receiver.requests.at(1).headers.value("webhook-id"));
        QCOMPARE(receiver.requests.at(0).body, receiver.requests.at(1).body);
        // A signature with another secret does not match.
        QVERIFY(receiver.requests.at(0).headers.value("webhook-signature")
                != expectedSignature(QStringLiteral("whsec_") + QString::fromLatin1(QByteArray(32, 'x').toBase64()), receiver.requests.at(0)));

        QList<QJsonObject> log;
        QTRY_VERIFY_WITH_TIMEOUT((log = deliveryLog(f, admin, endpoint), statuses(log) == QStringList{QStringLiteral("delivered")}), 30000);
        const QJsonObject delivery = log.first();
        QCOMPARE(delivery.value(QStringLiteral("id")).toString().toLatin1(), receiver.requests.at(0).headers.value("webhook-id"));
        QCOMPARE(delivery.value(QStringLiteral("attempt_count")).toInt(), 2);
        QCOMPARE(delivery.value(QStringLiteral("last_response_code")).toInt(), 200);
        const QJsonArray attempts = delivery.value(QStringLiteral("attempts")).toArray();
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("retry"));
        QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("response_code")).toInt(), 500);
        // The answer's start, with its escape characters made harmless.
        QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("response")).toString(), QStringLiteral("no \uFFFD[1mthanks\uFFFD[0m"));
        QVERIFY(attempts.at(0).toObject().value(QStringLiteral("duration_ms")).toInteger(-1) >= 0);
        QCOMPARE(attempts.at(1).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("delivered"));
        QCOMPARE(attempts.at(1).toObject().value(QStringLiteral("response_code")).toInt(), 200);
        QCOMPARE(attempts.at(1).toObject().value(QStringLiteral("response")).toString(), QStringLiteral("ok"));
        dispatcher.stop();
    }

    // A failing head holds back the endpoint's later events; a final 4xx
    // does not; an endpoint that is not asked about an event is not sent it.
    void inOrderPerEndpointAndFinalFourHundreds()
    {
        Receiver receiver;
        receiver.script = {503, 503, 200, 410, 200};
        RestFixture f(RestFixture::testConfig(), deliveryOptions());
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("ada"), Role::Admin);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        const Endpoint endpoint = registerEndpoint(f, admin, receiver.url(), {QStringLiteral("feature.created")});
        const QString first = createFeature(f, alice, QStringLiteral("First"));
        const QString second = createFeature(f, alice, QStringLiteral("Second"));
        const QString third = createFeature(f, alice, QStringLiteral("Third"));
        QCOMPARE(f.call("POST", QStringLiteral("/api/v1/feature/%1/submit").arg(first), alice).status, 200); // not asked for
        WebhookDispatcher dispatcher(f.services());
        dispatcher.start();

        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 5, 30000);
        QStringList order;
        for (const Received &request : std::as_const(receiver.requests))
            order.append(request.json.value(QStringLiteral("entity_id")).toString());
        QCOMPARE(order, (QStringList{first, first, first, second, third}));
        QList<QJsonObject> log;
        QTRY_VERIFY_WITH_TIMEOUT((log = deliveryLog(f, admin, endpoint),
                                  statuses(log) == QStringList({QStringLiteral("delivered"), QStringLiteral("failed"), QStringLiteral("delivered")})),
                                 30000);
        QCOMPARE(log.at(1).value(QStringLiteral("attempt_count")).toInt(), 1);
        QCOMPARE(log.at(1).value(QStringLiteral("last_response_code")).toInt(), 410);
        QTest::qWait(200);
        QCOMPARE(receiver.requests.size(), 5); // nothing more

        // Redelivery: the failed one again, with its id.
        const QString failedId = log.at(1).value(QStringLiteral("id")).toString();
        const Reply retried = f.call("POST", endpoint.path + QStringLiteral("/delivery/") + failedId + QStringLiteral("/retry"), admin);
        QCOMPARE(retried.status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 6, 30000);
        QCOMPARE(receiver.requests.last().headers.value("webhook-id"), failedId.toLatin1());
        QCOMPARE(receiver.requests.last().json.value(QStringLiteral("entity_id")).toString(), second);
        QTRY_VERIFY_WITH_TIMEOUT((log = deliveryLog(f, admin, endpoint), statuses(log) == QStringList(3, QStringLiteral("delivered"))), 30000);
        QCOMPARE(log.at(1).value(QStringLiteral("attempts")).toArray().size(), 2);
        dispatcher.stop();
    }

    // A receiver that never succeeds for the whole retry window (24 hours;
    // here 400 ms): the delivery is given up and the endpoint paused, by
    // "system" in the audit log; nothing is queued for it while it is.
    void anEndpointFailingForTheWholeWindowIsPaused()
    {
        Receiver receiver;
        receiver.script = QList<int>(200, 500);
        ServiceOptions options = deliveryOptions();
        options.webhooks.retryWindow = std::chrono::milliseconds(400);
        RestFixture f(RestFixture::testConfig(), options);
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("ada"), Role::Admin);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        const Endpoint endpoint = registerEndpoint(f, admin, receiver.url(), {QStringLiteral("feature.*")});
        WebhookDispatcher dispatcher(f.services());
        dispatcher.start();

        createFeature(f, alice, QStringLiteral("Never heard of"));
        QList<QJsonObject> log;
        QTRY_VERIFY_WITH_TIMEOUT((log = deliveryLog(f, admin, endpoint), statuses(log) == QStringList{QStringLiteral("failed")}), 30000);
        QVERIFY(log.first().value(QStringLiteral("attempt_count")).toInt() > 1);
        const Reply paused = f.call("GET", endpoint.path, admin);
        QCOMPARE(paused.status, 200);
        QCOMPARE(paused.json.value(QStringLiteral("active")).toBool(true), false);
        QCOMPARE(paused.json.value(QStringLiteral("version")).toInt(), 2);
        const Reply audit = f.call("GET", QStringLiteral("/api/v1/audit?entity_type=webhook"), admin);
        const QJsonObject newest = audit.json.value(QStringLiteral("items")).toArray().first().toObject();
        QCOMPARE(newest.value(QStringLiteral("action")).toString(), QStringLiteral("pause"));
        QCOMPARE(newest.value(QStringLiteral("actor")).toString(), QStringLiteral("system"));

        const qsizetype sent = receiver.requests.size();
        createFeature(f, alice, QStringLiteral("While paused"));
        QTest::qWait(300);
        QCOMPARE(receiver.requests.size(), sent);
        QCOMPARE(deliveryLog(f, admin, endpoint).size(), 1);

        // Set active again, it receives what comes next.
        QCOMPARE(f.call("PATCH", endpoint.path, admin, QJsonObject{{QStringLiteral("active"), true}}, {{"If-Match", "\"2\""}}).status, 200);
        receiver.script.clear();
        createFeature(f, alice, QStringLiteral("After the pause"));
        QTRY_VERIFY_WITH_TIMEOUT(!receiver.requests.isEmpty()
                                     && receiver.requests.last().json.value(QStringLiteral("status")).toString() == QStringLiteral("draft")
                                     && receiver.requests.size() > sent,
                                 30000);
        QTRY_VERIFY_WITH_TIMEOUT((log = deliveryLog(f, admin, endpoint),
                                  statuses(log) == QStringList({QStringLiteral("failed"), QStringLiteral("delivered")})),
                                 30000);
        dispatcher.stop();
    }

    // A redirect is an answer, not an address to go to: a receiver cannot
    // send Signoff's signed request on to where it may not go itself.
    void redirectsAreNotFollowed()
    {
        Receiver elsewhere;
        Receiver redirecting;
        redirecting.script = {307};
        redirecting.location = elsewhere.url(QStringLiteral("/internal")).toLatin1();
        RestFixture f(RestFixture::testConfig(), deliveryOptions());
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("ada"), Role::Admin);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        const Endpoint endpoint = registerEndpoint(f, admin, redirecting.url(), {QStringLiteral("feature.*")});
        WebhookDispatcher dispatcher(f.services());
        dispatcher.start();

        createFeature(f, alice, QStringLiteral("Sent once, to one place"));
        QList<QJsonObject> log;
        QTRY_VERIFY_WITH_TIMEOUT((log = deliveryLog(f, admin, endpoint), statuses(log) == QStringList{QStringLiteral("failed")}), 30000);
        QCOMPARE(log.first().value(QStringLiteral("last_response_code")).toInt(), 307);
        QCOMPARE(redirecting.requests.size(), 1);
        QTest::qWait(300);
        QVERIFY(elsewhere.requests.isEmpty());
        dispatcher.stop();
    }

    // DNS rebinding: the name resolved to a public address at registration,
    // to a private one at delivery: nothing is sent, the attempt is logged.
    void checksTheTargetAgainAtDelivery()
    {
        flipToPrivate = false;
        RestFixture f(RestFixture::testConfig(), deliveryOptions(false));
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("ada"), Role::Admin);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        const Endpoint endpoint = registerEndpoint(f, admin, QStringLiteral("https://flip.example.com/hook"), {QStringLiteral("feature.*")});
        QVERIFY(!endpoint.secret.isEmpty());
        flipToPrivate = true;
        createFeature(f, alice, QStringLiteral("Rebound"));
        WebhookDispatcher dispatcher(f.services());
        dispatcher.start();
        QList<QJsonObject> log;
        QTRY_VERIFY_WITH_TIMEOUT((log = deliveryLog(f, admin, endpoint),
                                  !log.isEmpty() && !log.first().value(QStringLiteral("attempts")).toArray().isEmpty()),
                                 30000);
        dispatcher.stop();
        const QJsonObject attempt = log.first().value(QStringLiteral("attempts")).toArray().at(0).toObject();
        QVERIFY(attempt.value(QStringLiteral("response_code")).isNull());
        QVERIFY2(attempt.value(QStringLiteral("error")).toString().contains(QStringLiteral("10.0.0.1")),
                 qPrintable(attempt.value(QStringLiteral("error")).toString()));
        QCOMPARE(log.first().value(QStringLiteral("status")).toString(), QStringLiteral("pending")); // it may be allowed again later
        flipToPrivate = false;
    }

    // Two dispatchers (as two server instances) on one database: each
    // delivery reaches the receiver once, and in order.
    void twoDispatchersSendEachDeliveryOnce()
    {
        Receiver receiver;
        RestFixture f(RestFixture::testConfig(), deliveryOptions());
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("ada"), Role::Admin);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        registerEndpoint(f, admin, receiver.url(QStringLiteral("/a")), {QStringLiteral("feature.created")});
        // By name: whatever localhost resolves to first, the receiver listens on 127.0.0.1.
        registerEndpoint(f, admin, receiver.url(QStringLiteral("/b")).replace(QStringLiteral("127.0.0.1"), QStringLiteral("localhost")),
                         {QStringLiteral("feature.*")});
        WebhookDispatcher one(f.services());
        WebhookDispatcher two(f.services());
        QVERIFY(one.owner() != two.owner());
        one.start();
        two.start();
        QStringList created;
        for (int i = 0; i < 8; ++i)
            created.append(createFeature(f, alice, QStringLiteral("Twice %1").arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 16, 30000);
        QTest::qWait(300);
        one.stop();
        two.stop();
        QCOMPARE(receiver.requests.size(), 16);
        QSet<QByteArray> ids;
        QStringList toA;
        QStringList toB;
        for (const Received &request : std::as_const(receiver.requests)) {
            ids.insert(request.headers.value("webhook-id"));
            (request.target == "/a" ? toA : toB).append(request.json.value(QStringLiteral("entity_id")).toString());
        }
        QCOMPARE(ids.size(), 16);
        QCOMPARE(toA, created);
        QCOMPARE(toB, created);
    }

    // `signoff serve --allow-private-webhooks` sends what is in the outbox,
    // also what another process wrote while no server ran (here `signoff
    // user add` after the server was killed).
    void serveDeliversWhatWasCommittedWhileItWasDown()
    {
        if (binary().isEmpty())
            QSKIP("SIGNOFF_BINARY is not set");
        Receiver receiver;
        TestDatabase database;
        SIGNOFF_REQUIRE_DATABASE(database);
        QNetworkAccessManager network;
        QByteArray token;
        QString secret;
        {
            QProcess serve;
            QString output;
            const QUrl url = startServe(serve, database, &output);
            QVERIFY2(url.isValid(), qPrintable(output));
            const QRegularExpressionMatch password =
                QRegularExpression(QStringLiteral("created user admin with password (\\S+)")).match(output);
            QVERIFY2(password.hasMatch(), qPrintable(output));
            const Reply signedIn = post(network, QUrl(url.toString() + QStringLiteral("/api/v1/auth/token")), {},
                                        QJsonObject{{QStringLiteral("username"), QStringLiteral("admin")},
                                                    {QStringLiteral("password"), password.captured(1)}});
            QCOMPARE(signedIn.status, 200);
            token = signedIn.json.value(QStringLiteral("token")).toString().toLatin1();
            const Reply created = post(network, QUrl(url.toString() + QStringLiteral("/api/v1/webhook")), token,
                                       QJsonObject{{QStringLiteral("url"), receiver.url()},
                                                   {QStringLiteral("events"), QJsonArray{QStringLiteral("user.created")}}});
            QCOMPARE(created.status, 201);
            secret = created.json.value(QStringLiteral("secret")).toString();
            ::kill(pid_t(serve.processId()), SIGKILL);
            QVERIFY(serve.waitForFinished(15000));
        }
        QProcess add;
        add.start(binary(), {QStringLiteral("--database"), database.urlString(), QStringLiteral("user"), QStringLiteral("add"),
                             QStringLiteral("bob"), QStringLiteral("--role"), QStringLiteral("requester")});
        add.write("correct horse 42\n");
        add.closeWriteChannel();
        QVERIFY(add.waitForFinished(30000));
        QCOMPARE(add.exitCode(), 0);
        QVERIFY(receiver.requests.isEmpty());

        QProcess serve;
        QString output;
        QVERIFY2(startServe(serve, database, &output).isValid(), qPrintable(output));
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests.size(), 1, 30000);
        const Received &request = receiver.requests.first();
        QCOMPARE(request.json.value(QStringLiteral("type")).toString(), QStringLiteral("user.created"));
        QCOMPARE(request.headers.value("webhook-signature"), expectedSignature(secret, request));
        ::kill(pid_t(serve.processId()), SIGTERM);
        QVERIFY(serve.waitForFinished(15000));
        QCOMPARE(serve.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRestWebhookDelivery)
#include "tst_rest_webhook_delivery.moc"
