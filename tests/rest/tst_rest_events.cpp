// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// GET /api/v1/events (docs/design.md, "The event stream") over real sockets:
// events in commit order with the audit feed's positions as ids, resuming with
// Last-Event-ID, "reset" for ids that cannot be resumed, the stream limits,
// keep-alive comments past the idle timeout, the end of a stream when its token
// is revoked, its user disabled or the server stopped, events another process
// made, and what each role may see.

#include "RestTestSupport.h"
#include "service/AuditSealer.h"
#include "storage/OpenDatabase.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

struct StreamEvent
{
    qint64 id = -1;
    QByteArray type;
    QJsonObject data;
};

// A client of the event stream on a socket of its own (QNetworkAccessManager
// would queue more than six streams to one host).
class EventClient
{
public:
    EventClient(const QUrl &url, const QByteArray &token, const QByteArray &lastEventId = {})
    {
        m_socket.connectToHost(url.host(), quint16(url.port()));
        QByteArray request = "GET /api/v1/events HTTP/1.1\r\nHost: " + url.host().toLatin1() + "\r\nAccept: text/event-stream\r\n";
        if (!token.isEmpty())
            request += "Authorization: Bearer " + token + "\r\n";
        if (!lastEventId.isNull())
            request += "Last-Event-ID: " + lastEventId + "\r\n";
        m_socket.write(request + "\r\n");
    }

    // The status of the answer (0: none in time); the head is read then.
    int status(int timeoutMs = 10000)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_status == 0 && timer.elapsed() < timeoutMs) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end >= 0) {
                m_head = m_buffer.left(end);
                m_buffer.remove(0, end + 4);
                m_status = m_head.mid(9, 3).toInt();
                break;
            }
            if (!read(int(timeoutMs - timer.elapsed())))
                break;
        }
        return m_status;
    }
    QByteArray head() const { return m_head; }

    // Waits until `count` events (not comments) have come; false if not in time.
    bool waitForEvents(int count, int timeoutMs = 10000)
    {
        QElapsedTimer timer;
        timer.start();
        if (status(timeoutMs) == 0)
            return false;
        while (events.size() < count) {
            parse();
            if (events.size() >= count)
                break;
            if (timer.elapsed() >= timeoutMs || !read(int(timeoutMs - timer.elapsed())))
                return events.size() >= count;
        }
        return true;
    }

    // Reads for `ms` whatever comes (events and comments).
    void readFor(int ms)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms) {
            read(int(ms - timer.elapsed()));
            parse();
        }
    }

    // Whether the server closed the stream within the time.
    bool waitForClosed(int timeoutMs = 10000)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_socket.state() != QAbstractSocket::UnconnectedState && timer.elapsed() < timeoutMs) {
            if (!m_socket.waitForReadyRead(int(qMax<qint64>(1, timeoutMs - timer.elapsed()))) && m_socket.state() != QAbstractSocket::ConnectedState)
                break;
            m_buffer += m_socket.readAll();
        }
        m_buffer += m_socket.readAll();
        parse();
        return m_socket.state() != QAbstractSocket::ConnectedState;
    }

    void close() { m_socket.abort(); }

    QList<StreamEvent> events;
    QList<QByteArray> comments;

private:
    bool read(int timeoutMs)
    {
        if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(qMax(1, timeoutMs)))
            return false;
        m_buffer += m_socket.readAll();
        return true;
    }

    void parse()
    {
        if (m_status == 0)
            return;
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\n\n");
            if (end < 0)
                return;
            const QByteArray block = m_buffer.left(end);
            m_buffer.remove(0, end + 2);
            StreamEvent event;
            bool isEvent = false;
            for (const QByteArray &line : block.split('\n')) {
                if (line.startsWith(':')) {
                    comments.append(line.mid(1).trimmed());
                } else if (line.startsWith("id: ")) {
                    event.id = line.mid(4).toLongLong();
                } else if (line.startsWith("event: ")) {
                    event.type = line.mid(7);
                    isEvent = true;
                } else if (line.startsWith("data: ")) {
                    event.data = QJsonDocument::fromJson(line.mid(6)).object();
                }
            }
            if (isEvent)
                events.append(event);
        }
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_head;
    int m_status = 0;
};

QStringList typesOf(const QList<StreamEvent> &events)
{
    QStringList types;
    for (const StreamEvent &event : events)
        types.append(QString::fromLatin1(event.type));
    return types;
}

} // namespace

class TestRestEvents : public QObject
{
    Q_OBJECT

    static QString createFeature(RestFixture &f, const QByteArray &token, const QString &name)
    {
        const Reply created = f.call("POST", QStringLiteral("/api/v1/feature"), token, QJsonObject{{QStringLiteral("name"), name}});
        return created.json.value(QStringLiteral("id")).toString();
    }

private slots:
    void eventsArriveInCommitOrder()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        const QByteArray rita = f.signIn(QStringLiteral("rita"), Role::Reviewer);
        EventClient stream(f.url(), alice);
        QCOMPARE(stream.status(), 200);
        QVERIFY(stream.head().toLower().contains("content-type: text/event-stream"));

        const QString id = createFeature(f, alice, QStringLiteral("Streamed"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(f.call("POST", QStringLiteral("/api/v1/feature/%1/submit").arg(id), alice).status, 200);
        const Reply rejected = f.call("POST", QStringLiteral("/api/v1/feature/%1/reject").arg(id), rita,
                                      QJsonObject{{QStringLiteral("reason"), QStringLiteral("Too vague")}}, {{"If-Match", "\"2\""}});
        QCOMPARE(rejected.status, 200);

        QVERIFY(stream.waitForEvents(3));
        QCOMPARE(typesOf(stream.events),
                 (QStringList{QStringLiteral("feature.created"), QStringLiteral("feature.submitted"), QStringLiteral("feature.rejected")}));
        for (qsizetype i = 1; i < stream.events.size(); ++i)
            QVERIFY(stream.events.at(i).id > stream.events.at(i - 1).id);
        const QJsonObject &last = stream.events.last().data;
        QCOMPARE(last.value(QStringLiteral("entity_type")).toString(), QStringLiteral("feature"));
        QCOMPARE(last.value(QStringLiteral("entity_id")).toString(), id);
        QCOMPARE(last.value(QStringLiteral("action")).toString(), QStringLiteral("reject"));
        QCOMPARE(last.value(QStringLiteral("actor")).toString(), QStringLiteral("rita"));
        QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(last.value(QStringLiteral("comment")).toString(), QStringLiteral("Too vague"));
        QVERIFY(last.value(QStringLiteral("at")).toString().endsWith(u'Z'));
        QVERIFY(last.contains(QStringLiteral("version")));
    }

    void resumesAfterLastEventIdAndResetsWhatItCannotResume()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        qint64 firstId = 0;
        {
            EventClient stream(f.url(), alice);
            QCOMPARE(stream.status(), 200);
            createFeature(f, alice, QStringLiteral("One"));
            QVERIFY(stream.waitForEvents(1));
            firstId = stream.events.first().id;
            stream.close();
        }
        // Missed while away.
        createFeature(f, alice, QStringLiteral("Two"));
        createFeature(f, alice, QStringLiteral("Three"));
        QVERIFY(static_cast<bool>(AuditSealer::sealPending(f.database())));

        EventClient resumed(f.url(), alice, QByteArray::number(firstId));
        QCOMPARE(resumed.status(), 200);
        QVERIFY(resumed.waitForEvents(2));
        QCOMPARE(resumed.events.at(0).id, firstId + 1);
        QCOMPARE(resumed.events.at(0).type, QByteArray("feature.created"));
        QCOMPARE(resumed.events.at(1).id, firstId + 2);

        for (const QByteArray &unknown : {QByteArray("garbage"), QByteArray("99999999"), QByteArray("-4")}) {
            EventClient reset(f.url(), alice, unknown);
            QCOMPARE(reset.status(), 200);
            QVERIFY(reset.waitForEvents(1));
            QCOMPARE(reset.events.first().type, QByteArray("reset"));
            QCOMPARE(reset.events.first().id, firstId + 2); // go on from the end
            // And it goes on.
            createFeature(f, alice, QStringLiteral("After reset ") + QString::fromLatin1(unknown));
            QVERIFY(reset.waitForEvents(2));
            QCOMPARE(reset.events.at(1).type, QByteArray("feature.created"));
            QVERIFY(static_cast<bool>(AuditSealer::sealPending(f.database())));
            firstId = reset.events.at(1).id - 2;
        }
    }

    void limitsStreamsPerUserAndPerServer()
    {
        RestConfig config = RestFixture::testConfig();
        config.maxStreams = 10;
        RestFixture f(config);
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        std::vector<std::unique_ptr<EventClient>> streams;
        for (int i = 0; i < 8; ++i) {
            streams.push_back(std::make_unique<EventClient>(f.url(), alice));
            QCOMPARE(streams.back()->status(), 200);
        }
        EventClient ninth(f.url(), alice);
        QCOMPARE(ninth.status(), 429);
        QVERIFY(ninth.head().toLower().contains("retry-after:"));

        const QByteArray bob = f.signIn(QStringLiteral("bob"), Role::Requester);
        EventClient bobs(f.url(), bob);
        QCOMPARE(bobs.status(), 200);
        EventClient bobsSecond(f.url(), bob);
        QCOMPARE(bobsSecond.status(), 200);
        EventClient beyond(f.url(), bob); // 11 on the server
        QCOMPARE(beyond.status(), 503);

        // A closed stream gives its place back.
        streams.front()->close();
        streams.erase(streams.begin());
        QTRY_VERIFY_WITH_TIMEOUT(EventClient(f.url(), alice).status() == 200, 10000);
    }

    void keepAliveCommentsOutlastTheIdleTimeout()
    {
        RestConfig config = RestFixture::testConfig();
        config.idleTimeout = std::chrono::milliseconds(300);
        config.streamKeepAlive = std::chrono::milliseconds(600);
        RestFixture f(config);
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        EventClient stream(f.url(), alice);
        QCOMPARE(stream.status(), 200);
        stream.readFor(2000); // several idle timeouts
        QVERIFY2(stream.comments.count(QByteArray("keep-alive")) >= 2, qPrintable(QString::number(stream.comments.size())));
        createFeature(f, alice, QStringLiteral("Still there"));
        QVERIFY(stream.waitForEvents(1));
    }

    void aRevokedTokenEndsItsStream()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        const QByteArray otherToken = f.tokenFor(QStringLiteral("alice"));
        EventClient stream(f.url(), alice);
        EventClient other(f.url(), otherToken);
        QCOMPARE(stream.status(), 200);
        QCOMPARE(other.status(), 200);
        QCOMPARE(f.call("DELETE", QStringLiteral("/api/v1/auth/token"), alice).status, 204);
        QVERIFY(stream.waitForClosed());
        // The same user's other token streams on.
        createFeature(f, otherToken, QStringLiteral("Still streaming"));
        QVERIFY(other.waitForEvents(1));
        QCOMPARE(EventClient(f.url(), alice).status(), 401);
    }

    void aDisabledUserLosesTheirStream()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("adam"), Role::Admin);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        EventClient stream(f.url(), alice);
        QCOMPARE(stream.status(), 200);
        QCOMPARE(f.call("PATCH", QStringLiteral("/api/v1/user/alice"), admin, QJsonObject{{QStringLiteral("disabled"), true}}).status,
                 200);
        QVERIFY(stream.waitForClosed());
    }

    void stoppingTheServerClosesStreams()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        EventClient stream(f.url(), alice);
        QCOMPARE(stream.status(), 200);
        QElapsedTimer timer;
        timer.start();
        f.server().stop(); // what SIGTERM does in `serve`
        QVERIFY(stream.waitForClosed(1000));
    }

    void eventsFromAnotherProcessArrive()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        EventClient stream(f.url(), alice);
        QCOMPARE(stream.status(), 200);

        // Another process on the same database: its own connections, notifier
        // and services, and no feed of its own running.
        auto database = openDatabase(f.testDatabase().url());
        QVERIFY(static_cast<bool>(database));
        ChangeNotifier notifier;
        Services other(*database.value(), notifier, RestFixture::testOptions());
        auto owner = other.users().get(Actor::system(), QStringLiteral("alice"));
        QVERIFY(static_cast<bool>(owner));
        auto created = other.features().create(owner->actor(), NewFeature{QStringLiteral("From elsewhere"), {}});
        QVERIFY(static_cast<bool>(created));

        QVERIFY(stream.waitForEvents(1));
        QCOMPARE(stream.events.first().type, QByteArray("feature.created"));
        QCOMPARE(stream.events.first().data.value(QStringLiteral("entity_id")).toString(),
                 created->id.toString(QUuid::WithoutBraces));
    }

    void userEventsAreForAdministratorsOnly()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("adam"), Role::Admin);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        EventClient adminStream(f.url(), admin);
        EventClient aliceStream(f.url(), alice);
        QCOMPARE(adminStream.status(), 200);
        QCOMPARE(aliceStream.status(), 200);
        const Reply created = f.call("POST", QStringLiteral("/api/v1/user"), admin,
                                     QJsonObject{{QStringLiteral("username"), QStringLiteral("carol")},
                                                 {QStringLiteral("role"), QStringLiteral("reviewer")},
                                                 {QStringLiteral("password"), QStringLiteral("a long enough password")}});
        QCOMPARE(created.status, 201);
        createFeature(f, alice, QStringLiteral("Seen by both"));
        // (Both may also get the sign-ins made before they opened, when those
        // were sealed after: the feed's end is where the stream starts.)
        const auto untilFeature = [](EventClient &stream) {
            for (int i = 0; i < 10; ++i) {
                if (typesOf(stream.events).contains(QStringLiteral("feature.created")))
                    return true;
                if (!stream.waitForEvents(int(stream.events.size()) + 1))
                    return false;
            }
            return false;
        };
        QVERIFY(untilFeature(adminStream));
        QVERIFY(untilFeature(aliceStream));
        aliceStream.readFor(300);
        const QStringList adminTypes = typesOf(adminStream.events);
        QVERIFY2(adminTypes.indexOf(QStringLiteral("user.created")) >= 0
                     && adminTypes.indexOf(QStringLiteral("user.created")) < adminTypes.indexOf(QStringLiteral("feature.created")),
                 qPrintable(adminTypes.join(u' ')));
        for (const StreamEvent &event : aliceStream.events)
            QVERIFY2(!event.type.startsWith("user."), event.type.constData());
        // One numbering for everyone.
        QCOMPARE(aliceStream.events.last().id, adminStream.events.at(adminTypes.indexOf(QStringLiteral("feature.created"))).id);
    }

    // Made an administrator while their stream is open: the very event that
    // made them one is theirs to see (it was judged by the old role).
    void aPromotedUserSeesUserEventsFromThePromotionOn()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        const QByteArray admin = f.signIn(QStringLiteral("adam"), Role::Admin);
        const QByteArray dave = f.signIn(QStringLiteral("dave"), Role::Reviewer);
        EventClient daveStream(f.url(), dave);
        QCOMPARE(daveStream.status(), 200);
        const Reply before = f.call("GET", QStringLiteral("/api/v1/user/dave"), admin);
        QCOMPARE(before.status, 200);
        const Reply promoted = f.call("PATCH", QStringLiteral("/api/v1/user/dave"), admin,
                                      QJsonObject{{QStringLiteral("role"), QStringLiteral("admin")}},
                                      {{"If-Match", before.header("etag")}});
        QCOMPARE(promoted.status, 200);
        createFeature(f, admin, QStringLiteral("After the promotion"));
        for (int i = 0; i < 10 && !typesOf(daveStream.events).contains(QStringLiteral("feature.created")); ++i)
            QVERIFY(daveStream.waitForEvents(int(daveStream.events.size()) + 1));
        const QStringList types = typesOf(daveStream.events);
        QVERIFY2(types.contains(QStringLiteral("user.updated")), qPrintable(types.join(u' ')));
        QVERIFY(types.indexOf(QStringLiteral("user.updated")) < types.indexOf(QStringLiteral("feature.created")));
    }

    void needsAToken()
    {
        RestFixture f;
        SIGNOFF_REQUIRE_FIXTURE(f);
        EventClient anonymous(f.url(), QByteArray());
        QCOMPARE(anonymous.status(), 401);
        const QByteArray alice = f.signIn(QStringLiteral("alice"), Role::Requester);
        QCOMPARE(f.call("HEAD", QStringLiteral("/api/v1/events"), alice).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestRestEvents)
#include "tst_rest_events.moc"
