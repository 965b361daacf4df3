// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The webhook rules that need neither database nor network: event patterns,
// URL shapes, address scopes (no request forgery), the Standard Webhooks
// signature against the specification's own example, the retry schedule.

#include "domain/WebhookRules.h"

#include <QtTest>

using namespace signoff;
using namespace signoff::webhook;

namespace {

IpAddress ip(const char *text)
{
    const QString address = QString::fromLatin1(text);
    if (address.contains(u':')) {
        QByteArray bytes(16, '\0');
        // Parsed without QtNetwork: expand "::" and read the groups.
        QStringList halves = address.split(QStringLiteral("::"));
        QStringList head = halves.value(0).isEmpty() ? QStringList() : halves.value(0).split(u':');
        QStringList tail = halves.size() > 1 && !halves.value(1).isEmpty() ? halves.value(1).split(u':') : QStringList();
        QList<quint16> groups;
        const auto read = [&](const QStringList &parts) {
            QList<quint16> out;
            for (const QString &part : parts) {
                if (part.contains(u'.')) { // embedded IPv4
                    const QStringList octets = part.split(u'.');
                    out.append(quint16(octets.at(0).toUInt() << 8 | octets.at(1).toUInt()));
                    out.append(quint16(octets.at(2).toUInt() << 8 | octets.at(3).toUInt()));
                } else {
                    out.append(quint16(part.toUInt(nullptr, 16)));
                }
            }
            return out;
        };
        const QList<quint16> first = read(head);
        const QList<quint16> last = read(tail);
        groups = first;
        while (groups.size() + last.size() < 8)
            groups.append(0);
        groups += last;
        for (int i = 0; i < 8; ++i) {
            bytes[2 * i] = char(groups.at(i) >> 8);
            bytes[2 * i + 1] = char(groups.at(i) & 0xff);
        }
        return bytes;
    }
    QByteArray bytes;
    for (const QString &octet : address.split(u'.'))
        bytes.append(char(octet.toUInt()));
    return bytes;
}

} // namespace

class TestWebhookRules : public QObject
{
    Q_OBJECT

private slots:
    void patterns()
    {
        QVERIFY(isKnownPattern(QStringLiteral("feature.approved")));
        QVERIFY(isKnownPattern(QStringLiteral("order.*")));
        QVERIFY(isKnownPattern(QStringLiteral("order.approval_recorded")));
        QVERIFY(isKnownPattern(QStringLiteral("*")));
        QVERIFY(isKnownPattern(QStringLiteral("webhook.created")));
        QVERIFY(!isKnownPattern(QStringLiteral("feature.approve")));
        QVERIFY(!isKnownPattern(QStringLiteral("nothing.*")));
        QVERIFY(!isKnownPattern(QStringLiteral("feature.")));
        QVERIFY(!isKnownPattern(QStringLiteral("*.approved")));
        QVERIFY(!isKnownPattern(QString()));
        QCOMPARE(patternsMatching(QStringLiteral("order.submitted")),
                 (QStringList{QStringLiteral("order.submitted"), QStringLiteral("order.*"), QStringLiteral("*")}));
        QVERIFY(eventsProblem({}).has_value());
        QVERIFY(eventsProblem({QStringLiteral("feature.approved"), QStringLiteral("bogus")}).has_value());
        QVERIFY(!eventsProblem({QStringLiteral("feature.approved"), QStringLiteral(" order.* ")}).has_value());
        QCOMPARE(normalizedEvents({QStringLiteral(" order.* "), QStringLiteral("order.*")}), QStringList{QStringLiteral("order.*")});
    }

    void urlShapes_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("acceptable");
        QTest::newRow("https") << QStringLiteral("https://hooks.example.com/signoff") << true;
        QTest::newRow("http") << QStringLiteral("http://127.0.0.1:9000/hook") << true; // the address decides (targetRefusal)
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("relative") << QStringLiteral("/hook") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://example.com/") << false;
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
        QTest::newRow("user info") << QStringLiteral("https://user:pw@example.com/") << false;
        QTest::newRow("fragment") << QStringLiteral("https://example.com/#x") << false;
        QTest::newRow("space") << QStringLiteral("https://example.com/a b") << false;
        QTest::newRow("newline") << QStringLiteral("https://example.com/\nHost: x") << false;
        QTest::newRow("bidi") << QStringLiteral("https://example.com/\u202e") << false;
        QTest::newRow("too long") << QStringLiteral("https://example.com/") + QString(3000, u'a') << false;
    }

    void urlShapes()
    {
        QFETCH(QString, url);
        QFETCH(bool, acceptable);
        QCOMPARE(!urlProblem(url).has_value(), acceptable);
    }

    void addressScopes_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("scope");
        const auto row = [](const char *address, AddressScope scope) {
            QTest::newRow(address) << QString::fromLatin1(address) << int(scope);
        };
        row("93.184.216.34", AddressScope::Public);
        row("8.8.8.8", AddressScope::Public);
        row("127.0.0.1", AddressScope::Loopback);
        row("127.255.0.9", AddressScope::Loopback);
        row("10.0.0.1", AddressScope::Private);
        row("172.16.5.4", AddressScope::Private);
        row("172.32.0.1", AddressScope::Public);
        row("192.168.1.1", AddressScope::Private);
        row("100.64.0.1", AddressScope::Private);
        row("169.254.169.254", AddressScope::LinkLocal);
        row("224.0.0.1", AddressScope::Multicast);
        row("0.0.0.0", AddressScope::Unusable);
        row("255.255.255.255", AddressScope::Unusable);
        row("::1", AddressScope::Loopback);
        row("::", AddressScope::Unusable);
        row("::ffff:127.0.0.1", AddressScope::Loopback);
        row("::ffff:169.254.169.254", AddressScope::LinkLocal);
        row("::ffff:93.184.216.34", AddressScope::Public);
        row("64:ff9b::10.0.0.1", AddressScope::Private);
        row("2002:a00:1::", AddressScope::Private); // 6to4 of 10.0.0.1
        row("fd00::1", AddressScope::Private);
        row("fe80::1", AddressScope::LinkLocal);
        row("ff02::1", AddressScope::Multicast);
        row("2606:4700:4700::1111", AddressScope::Public);
    }

    void addressScopes()
    {
        QFETCH(QString, address);
        QFETCH(int, scope);
        QCOMPARE(int(addressScope(ip(qPrintable(address)))), scope);
    }

    void targets()
    {
        const QUrl https(QStringLiteral("https://hooks.example.com/x"));
        QVERIFY(!targetRefusal(https, {ip("93.184.216.34")}, false));
        QVERIFY(targetRefusal(https, {}, false)); // does not resolve
        QVERIFY(targetRefusal(https, {ip("10.0.0.1")}, false));
        QVERIFY(!targetRefusal(https, {ip("10.0.0.1")}, true));
        // One private address among public ones is enough to refuse.
        QVERIFY(targetRefusal(https, {ip("93.184.216.34"), ip("127.0.0.1")}, false));
        QVERIFY(targetRefusal(https, {ip("0.0.0.0")}, true)); // never, even when private ones are allowed
        const QUrl metadata(QStringLiteral("https://169.254.169.254/latest/meta-data/"));
        QVERIFY(targetRefusal(metadata, {ip("169.254.169.254")}, false));
        // Plain http only to loopback, and loopback only when allowed.
        const QUrl loopback(QStringLiteral("http://127.0.0.1:8000/hook"));
        QVERIFY(targetRefusal(loopback, {ip("127.0.0.1")}, false));
        QVERIFY(!targetRefusal(loopback, {ip("127.0.0.1")}, true));
        QVERIFY(!targetRefusal(QUrl(QStringLiteral("http://[::1]:8000/")), {ip("::1")}, true));
        QVERIFY(!targetRefusal(QUrl(QStringLiteral("http://localhost:8000/")), {ip("127.0.0.1"), ip("::1")}, true));
        QVERIFY(targetRefusal(QUrl(QStringLiteral("http://10.0.0.1/")), {ip("10.0.0.1")}, true));
        QVERIFY(targetRefusal(QUrl(QStringLiteral("http://hooks.example.com/")), {ip("93.184.216.34")}, true));
        // A loopback name that a resolver sends elsewhere stays refused.
        QVERIFY(targetRefusal(QUrl(QStringLiteral("https://localhost./")), {ip("93.184.216.34")}, true));
        QVERIFY(isLoopbackName(QStringLiteral("localhost.")));
        QVERIFY(isLoopbackName(QStringLiteral("a.LOCALHOST")));
        QVERIFY(!isLoopbackName(QStringLiteral("localhost.example.com")));
    }

    // The example of the Standard Webhooks specification (and of svix's libraries).
    void signatureMatchesTheSpecification()
    {
        const QString secret = QStringLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        QCOMPARE(signature(secret, QStringLiteral("msg_p5jXN8AQM9LWM0D4loKWxJek"), 1614265330, QByteArray("{\"test\": 2432232314}")),
                 QByteArray("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    void secretsAreRandomAndLongEnough()
    {
        const QString one = newSecret();
        const QString two = newSecret();
        QVERIFY(one.startsWith(QStringLiteral("whsec_")));
        QVERIFY(one != two);
        QCOMPARE(secretKey(one).size(), limits::secretBytes);
        QVERIFY(secretKey(QStringLiteral("nope")).isEmpty());
        QVERIFY(secretKey(QStringLiteral("whsec_!!!")).isEmpty());
    }

    void outcomes()
    {
        QCOMPARE(signoff::toString(outcomeOf(200)), signoff::toString(AttemptOutcome::Delivered));
        QCOMPARE(signoff::toString(outcomeOf(204)), signoff::toString(AttemptOutcome::Delivered));
        QCOMPARE(signoff::toString(outcomeOf(std::nullopt)), signoff::toString(AttemptOutcome::Retry));
        QCOMPARE(signoff::toString(outcomeOf(500)), signoff::toString(AttemptOutcome::Retry));
        QCOMPARE(signoff::toString(outcomeOf(503)), signoff::toString(AttemptOutcome::Retry));
        QCOMPARE(signoff::toString(outcomeOf(408)), signoff::toString(AttemptOutcome::Retry));
        QCOMPARE(signoff::toString(outcomeOf(429)), signoff::toString(AttemptOutcome::Retry));
        QCOMPARE(signoff::toString(outcomeOf(400)), signoff::toString(AttemptOutcome::Failed));
        QCOMPARE(signoff::toString(outcomeOf(404)), signoff::toString(AttemptOutcome::Failed));
        QCOMPARE(signoff::toString(outcomeOf(410)), signoff::toString(AttemptOutcome::Failed));
        QCOMPARE(signoff::toString(outcomeOf(301)), signoff::toString(AttemptOutcome::Failed)); // redirects are not followed
    }

    void backoff()
    {
        using namespace std::chrono;
        const auto schedule = defaultRetrySchedule();
        QCOMPARE(retryDelay(1, schedule, 0), milliseconds(seconds(1)));
        QCOMPARE(retryDelay(2, schedule, 0), milliseconds(seconds(5)));
        QCOMPARE(retryDelay(3, schedule, 0), milliseconds(seconds(30)));
        QCOMPARE(retryDelay(50, schedule, 0), milliseconds(hours(1)));
        QCOMPARE(retryDelay(1, schedule, 1.0), milliseconds(1200));
        QCOMPARE(retryDelay(1, schedule, -1.0), milliseconds(800));
        QCOMPARE(retryDelay(50, schedule, 5.0), milliseconds(hours(1)) * 12 / 10); // jitter is bounded
        // The whole schedule retries for about a day before the 24 hours run out.
        milliseconds total(0);
        int attempts = 0;
        while (total < hours(24))
            total += retryDelay(++attempts, schedule, 0);
        QVERIFY(attempts > 20 && attempts < 40);
    }

    void responseExcerpts()
    {
        QCOMPARE(responseExcerpt(QByteArray(5000, 'a')).size(), limits::responseExcerptBytes);
        QCOMPARE(responseExcerpt(QByteArray("ok\x1b[31m\0!", 9)), QStringLiteral("ok\uFFFD[31m\uFFFD!"));
        QCOMPARE(responseExcerpt("line\nnext\ttab"), QStringLiteral("line\nnext\ttab"));
    }
};

QTEST_GUILESS_MAIN(TestWebhookRules)
#include "tst_webhookrules.moc"
