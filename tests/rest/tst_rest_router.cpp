// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Router, which turns a request's method and path into a row of the route
// table: templates with {placeholders}, a literal segment before a
// placeholder whatever the order of the rows, 404 (no template) apart from
// 405 (a template, not this method) with the methods for Allow, HEAD served
// by GET, parameters percent-decoded, and a path that is not exactly a
// template's (a trailing slash, an empty segment, another case) matching
// nothing. Then the real table: every row is reached by its own path.

#include "rest/Router.h"
#include "rest/Routes.h"

#include <QRegularExpression>
#include <QtTest>

using namespace signoff::rest;
using namespace Qt::StringLiterals;

namespace {

// A table shaped like the API's, the placeholders listed before the
// literals they share a position with.
QList<Route> sampleRoutes()
{
    return {
        {"GET", u"/api/v1/user/{username}"_s, Access::Authenticated, nullptr},
        {"PATCH", u"/api/v1/user/{username}"_s, Access::Authenticated, nullptr},
        {"GET", u"/api/v1/user/me"_s, Access::Authenticated, nullptr},
        {"GET", u"/api/v1/user"_s, Access::Authenticated, nullptr},
        {"POST", u"/api/v1/user"_s, Access::Authenticated, nullptr},
        {"GET", u"/api/v1/feature/{id}"_s, Access::Authenticated, nullptr},
        {"PATCH", u"/api/v1/feature/{id}"_s, Access::Authenticated, nullptr},
        {"DELETE", u"/api/v1/feature/{id}"_s, Access::Authenticated, nullptr},
        {"POST", u"/api/v1/feature/batch"_s, Access::Authenticated, nullptr},
        {"POST", u"/api/v1/webhook/{id}/delivery/{delivery_id}/retry"_s, Access::Authenticated, nullptr},
        {"GET", u"/healthz"_s, Access::Probe, nullptr},
    };
}

} // namespace

class TestRestRouter : public QObject
{
    Q_OBJECT

    Router m_router{sampleRoutes()};

    // "METHOD template" of the row that serves the request, "405 ..." with
    // the allowed methods, or "404".
    QString served(const QByteArray &method, const QString &path) const
    {
        const RouteMatch match = m_router.match(method, path);
        if (match.route)
            return QString::fromLatin1(match.route->method) + u' ' + match.route->path;
        if (!match.pathTemplate.isEmpty()) {
            QStringList allowed;
            for (const QByteArray &m : match.allowed)
                allowed.append(QString::fromLatin1(m));
            return u"405 "_s + match.pathTemplate + u" allow "_s + allowed.join(u", "_s);
        }
        return match.allowed.isEmpty() ? u"404"_s : u"404, yet with an Allow"_s;
    }

private slots:
    void templatesAreMatched_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("literal") << QByteArray("GET") << u"/api/v1/user"_s << u"GET /api/v1/user"_s;
        QTest::newRow("second method of a literal") << QByteArray("POST") << u"/api/v1/user"_s << u"POST /api/v1/user"_s;
        QTest::newRow("placeholder") << QByteArray("GET") << u"/api/v1/user/bob"_s << u"GET /api/v1/user/{username}"_s;
        QTest::newRow("literal before placeholder") << QByteArray("GET") << u"/api/v1/user/me"_s << u"GET /api/v1/user/me"_s;
        QTest::newRow("two placeholders") << QByteArray("POST") << u"/api/v1/webhook/7/delivery/9/retry"_s
                                          << u"POST /api/v1/webhook/{id}/delivery/{delivery_id}/retry"_s;
        QTest::newRow("HEAD by GET") << QByteArray("HEAD") << u"/healthz"_s << u"GET /healthz"_s;
        QTest::newRow("HEAD of a placeholder") << QByteArray("HEAD") << u"/api/v1/feature/x"_s << u"GET /api/v1/feature/{id}"_s;
    }

    void templatesAreMatched()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QCOMPARE(served(method, path), expected);
    }

    // A path that exists answers 405 with every method it has (HEAD with
    // GET); one that does not is 404. A literal owns its path for every
    // method: PATCH /user/me is not the user named "me".
    void notFoundIsApartFromMethodNotAllowed_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown path") << QByteArray("GET") << u"/api/v1/nothing"_s << u"404"_s;
        QTest::newRow("unknown method of a placeholder") << QByteArray("POST") << u"/api/v1/feature/1"_s
                                                         << u"405 /api/v1/feature/{id} allow GET, HEAD, PATCH, DELETE"_s;
        QTest::newRow("literal owns its other methods") << QByteArray("PATCH") << u"/api/v1/user/me"_s
                                                        << u"405 /api/v1/user/me allow GET, HEAD"_s;
        QTest::newRow("batch is not an id") << QByteArray("GET") << u"/api/v1/feature/batch"_s
                                            << u"405 /api/v1/feature/batch allow POST"_s;
        QTest::newRow("DELETE of a literal") << QByteArray("DELETE") << u"/api/v1/user"_s << u"405 /api/v1/user allow GET, HEAD, POST"_s;
        QTest::newRow("no HEAD without GET") << QByteArray("HEAD") << u"/api/v1/webhook/1/delivery/2/retry"_s
                                             << u"405 /api/v1/webhook/{id}/delivery/{delivery_id}/retry allow POST"_s;
        QTest::newRow("methods are case-sensitive") << QByteArray("get") << u"/healthz"_s << u"405 /healthz allow GET, HEAD"_s;
        QTest::newRow("too long") << QByteArray("GET") << u"/api/v1/user/bob/more"_s << u"404"_s;
        QTest::newRow("too short") << QByteArray("GET") << u"/api/v1"_s << u"404"_s;
        QTest::newRow("root") << QByteArray("GET") << u"/"_s << u"404"_s;
    }

    void notFoundIsApartFromMethodNotAllowed()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QCOMPARE(served(method, path), expected);
    }

    // A path is a template's exactly or not at all.
    void aPathMatchesExactlyOrNotAtAll_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("trailing slash of a literal") << u"/api/v1/user/"_s;
        QTest::newRow("trailing slash of a placeholder") << u"/api/v1/user/bob/"_s;
        QTest::newRow("trailing slash of the health check") << u"/healthz/"_s;
        QTest::newRow("empty placeholder") << u"/api/v1/feature/"_s;
        QTest::newRow("empty segment") << u"/api//v1/user"_s;
        QTest::newRow("double slash in front") << u"//api/v1/user"_s;
        QTest::newRow("another case") << u"/API/v1/user"_s;
        QTest::newRow("dot segment") << u"/api/v1/./user"_s;
        QTest::newRow("no leading slash") << u"api/v1/user"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("absolute form") << u"http://host/api/v1/user"_s;
    }

    void aPathMatchesExactlyOrNotAtAll()
    {
        QFETCH(QString, path);
        QCOMPARE(served("GET", path), u"404"_s);
        QCOMPARE(m_router.routeLabel("GET", path.toUtf8()), unmatchedRoute);
    }

    // Parameters are percent-decoded (UTF-8), after the path was split: an
    // encoded slash is part of the value, not a separator.
    void parametersArePercentDecoded_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("parameters");
        QTest::newRow("plain") << u"/api/v1/user/bob"_s << QStringList{u"bob"_s};
        QTest::newRow("space") << u"/api/v1/user/al%20ice"_s << QStringList{u"al ice"_s};
        QTest::newRow("UTF-8") << u"/api/v1/user/ren%C3%A9e"_s << QStringList{u"ren\u00e9e"_s};
        QTest::newRow("lower-case hex") << u"/api/v1/user/ren%c3%a9e"_s << QStringList{u"ren\u00e9e"_s};
        QTest::newRow("encoded slash") << u"/api/v1/user/a%2Fb"_s << QStringList{u"a/b"_s};
        QTest::newRow("encoded percent") << u"/api/v1/user/100%25"_s << QStringList{u"100%"_s};
        QTest::newRow("plus is a plus") << u"/api/v1/user/a+b"_s << QStringList{u"a+b"_s};
        QTest::newRow("encoded me is a name") << u"/api/v1/user/%6De"_s << QStringList{u"me"_s};
        QTest::newRow("two, in order") << u"/api/v1/webhook/w%201/delivery/d%202/retry"_s << QStringList{u"w 1"_s, u"d 2"_s};
    }

    void parametersArePercentDecoded()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, parameters);
        const QByteArray method = path.contains(u"/retry"_s) ? QByteArray("POST") : QByteArray("GET");
        const RouteMatch match = m_router.match(method, path);
        QVERIFY(match.route);
        QCOMPARE(match.parameters, parameters);
    }

    // Percent-encoded NUL and malformed escapes reach the handler as text,
    // for it to refuse as it refuses any bad value; they never cut the path.
    void oddEscapesStayInTheirParameter()
    {
        const RouteMatch nul = m_router.match("GET", u"/api/v1/user/a%00b"_s);
        QVERIFY(nul.route);
        QCOMPARE(nul.parameters, QStringList{QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b")});
        const RouteMatch malformed = m_router.match("GET", u"/api/v1/feature/%zz"_s);
        QVERIFY(malformed.route);
        QCOMPARE(malformed.route->path, u"/api/v1/feature/{id}"_s);
        QCOMPARE(malformed.parameters.size(), qsizetype(1));
    }

    // The metrics' route label: the template, also for 405, else "unmatched";
    // the query is not part of the path.
    void routeLabels()
    {
        QCOMPARE(m_router.routeLabel("GET", "/api/v1/feature/abc?fields=name"), u"/api/v1/feature/{id}"_s);
        QCOMPARE(m_router.routeLabel("PUT", "/api/v1/feature/abc"), u"/api/v1/feature/{id}"_s);
        QCOMPARE(m_router.routeLabel("GET", "/api/v1/user/me?x=/y"), u"/api/v1/user/me"_s);
        QCOMPARE(m_router.routeLabel("GET", "/nothing"), unmatchedRoute);
        QCOMPARE(m_router.routeLabel("GET", "*"), unmatchedRoute);
        QCOMPARE(m_router.routeLabel("GET", "?/healthz"), unmatchedRoute);
    }

    // Every row of the real table is what its own path reaches (placeholders
    // filled in), and the table has no row another one hides.
    void everyRouteOfTheApiIsReachable()
    {
        const Router router(routeTable());
        QVERIFY(router.routes().size() > 20);
        for (const Route &route : router.routes()) {
            QString path = route.path;
            path.replace(QRegularExpression(u"\\{[a-z_]+\\}"_s), u"x1"_s);
            const RouteMatch match = router.match(route.method, path);
            QVERIFY2(match.route == &route, qPrintable(QString::fromLatin1(route.method) + u' ' + route.path));
            QCOMPARE(match.pathTemplate, route.path);
            QVERIFY(match.allowed.contains(route.method));
        }
    }
};

QTEST_GUILESS_MAIN(TestRestRouter)
#include "tst_rest_router.moc"
