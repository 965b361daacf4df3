// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The database goes away under a running `signoff serve`:
//  * PostgreSQL is stopped: every request is a 503 problem document, /healthz
//    is 503, the server keeps running, and it recovers by itself when
//    PostgreSQL is back (core marks a lost connection broken and reconnects).
//  * SQLite's disk is full (a small tmpfs): writes are 503 saying so, reads
//    go on, and writes work again once there is room; nothing acknowledged
//    is lost and the file passes integrity_check.
//  * SQLite's file is read-only for the server (a read-only view of it while
//    another process, the desktop, has it open): reads go on, writes are 503
//    saying so, and when the file is writable again writes work again.
// The tmpfs cases need root (mount); they skip otherwise.

#include "ServeProcess.h"

#include "service/Services.h"
#include "storage/OpenDatabase.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

const QString password = QStringLiteral("correct horse 42");

QString body(const Reply &reply)
{
    return QStringLiteral("%1 %2").arg(reply.status).arg(QString::fromUtf8(reply.body));
}

QJsonObject featureBody(const QString &name, int optionBytes = 0)
{
    QJsonObject options;
    if (optionBytes > 0)
        options.insert(QStringLiteral("padding"), QString(optionBytes, u'x'));
    return {{QStringLiteral("name"), name}, {QStringLiteral("options"), options}};
}

// A 503 problem document, as every "database unavailable" answer must be.
bool isUnavailableProblem(const Reply &reply)
{
    return reply.status == 503 && reply.header("content-type") == "application/problem+json"
        && reply.problemType() == QStringLiteral("unavailable") && !reply.json.value(QStringLiteral("detail")).toString().isEmpty();
}

bool sqliteIntegrityOk(const QString &path, QString *result)
{
    const QString name = QStringLiteral("integrity-check");
    bool ok = false;
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        connection.setDatabaseName(path);
        QSqlQuery query(connection);
        if (connection.open() && query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next()) {
            *result = query.value(0).toString();
            ok = *result == QStringLiteral("ok");
        } else {
            *result = connection.lastError().text() + query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// Seeds the SQLite database at `path` and returns its URL.
QString seededSqlite(const QString &path, QString *error)
{
    auto url = DatabaseUrl::parse(QStringLiteral("sqlite:") + path);
    if (!url) {
        *error = describe(url.error());
        return {};
    }
    if (seedUsersAndProduct(url.value(), password, error).isEmpty())
        return {};
    return QStringLiteral("sqlite:") + path;
}

} // namespace

class TestReliabilityDatabaseGone : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(signoffBinary()), "SIGNOFF_BINARY must name the built signoff executable");
    }

    void postgresqlStoppedAndBack()
    {
        if (backendUnderTest() != SqlDialect::Postgresql)
            QSKIP("PostgreSQL only (the _postgresql variant)");
        QTemporaryDir state;
        QVERIFY(state.isValid());
        const QString script = QFINDTESTDATA("private-postgres.sh");
        const QString urlFile = state.filePath(QStringLiteral("server-url"));
        QString output;
        QVERIFY2(runProgram(QStringLiteral("bash"), {script, QStringLiteral("start"), state.path(), urlFile}, &output, 180000) == 0,
                 qPrintable(output));
        auto stopServer = qScopeGuard([&] { runProgram(QStringLiteral("bash"), {script, QStringLiteral("stop"), state.path(), urlFile}); });
        QFile file(urlFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString url = QString::fromUtf8(file.readAll()).trimmed();
        QString error;
        QVERIFY2(!seededSqliteOrPostgresql(url, &error).isEmpty(), qPrintable(error));

        ServeProcess serve;
        QVERIFY2(serve.start(url), qPrintable(serve.output()));
        HttpClient http(serve.url());
        const QByteArray token = http.signIn(QStringLiteral("alice"), password);
        QVERIFY(!token.isEmpty());
        const Reply created = http.send("POST", QStringLiteral("/api/v1/feature"), token, featureBody(QStringLiteral("before")));
        QVERIFY2(created.status == 201, qPrintable(body(created)));
        const QString path = QStringLiteral("/api/v1/feature/") + created.json.value(QStringLiteral("id")).toString();

        QVERIFY2(runProgram(QStringLiteral("bash"), {script, QStringLiteral("pause"), state.path()}, &output) == 0, qPrintable(output));
        for (int i = 0; i < 3; ++i) {
            const Reply write = http.send("POST", QStringLiteral("/api/v1/feature"), token, featureBody(QStringLiteral("while gone %1").arg(i)));
            QVERIFY2(isUnavailableProblem(write), qPrintable(body(write)));
            const Reply read = http.send("GET", path, token);
            QVERIFY2(isUnavailableProblem(read), qPrintable(body(read)));
            const Reply health = http.send("GET", QStringLiteral("/healthz"));
            QVERIFY2(isUnavailableProblem(health), qPrintable(body(health)));
        }
        QVERIFY2(serve.isRunning(), qPrintable(serve.output()));

        QVERIFY2(runProgram(QStringLiteral("bash"), {script, QStringLiteral("resume"), state.path()}, &output) == 0, qPrintable(output));
        QTRY_VERIFY_WITH_TIMEOUT(http.send("GET", QStringLiteral("/healthz")).status == 200, 30000);
        const Reply after = http.send("POST", QStringLiteral("/api/v1/feature"), token, featureBody(QStringLiteral("after")));
        QVERIFY2(after.status == 201, qPrintable(body(after)));
        const Reply before = http.send("GET", path, token);
        QVERIFY2(before.status == 200, qPrintable(body(before)));
        QVERIFY2(serve.terminate(), qPrintable(serve.output()));
        QVERIFY2(!serve.output().contains(QString::fromLatin1(token)), "a token was logged");
    }

    void sqliteDiskFull()
    {
        if (backendUnderTest() != SqlDialect::Sqlite)
            QSKIP("SQLite only (the _sqlite variant)");
        if (!runningAsRoot())
            QSKIP("mounting a small tmpfs needs root (CI runs as root)");
        TmpfsMount disk(3 * 1024);
        QVERIFY2(disk.isMounted(), qPrintable(disk.error()));
        const QString file = disk.path() + QStringLiteral("/signoff.db");
        QString error;
        const QString url = seededSqlite(file, &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));

        ServeProcess serve;
        QVERIFY2(serve.start(url), qPrintable(serve.output()));
        auto stopServe = qScopeGuard([&] { serve.kill(); });
        HttpClient http(serve.url());
        const QByteArray token = http.signIn(QStringLiteral("alice"), password);
        QVERIFY(!token.isEmpty());
        QStringList acknowledged;
        const auto create = [&](const QString &name, int padding) {
            const Reply reply = http.send("POST", QStringLiteral("/api/v1/feature"), token, featureBody(name, padding));
            if (reply.status == 201)
                acknowledged.append(reply.json.value(QStringLiteral("id")).toString());
            return reply;
        };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(create(QStringLiteral("room %1").arg(i), 1000).status, 201);

        // Fill the disk to the last byte.
        QFile filler(disk.path() + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(64 * 1024, 'f');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
        const QByteArray byte(1, 'f');
        while (filler.write(byte) == 1 && filler.flush()) {
        }
        filler.close();

        int full = 0;
        for (int i = 0; i < 30 && full < 3; ++i) {
            const Reply reply = create(QStringLiteral("no room %1").arg(i), 40000);
            QVERIFY2(reply.status == 201 || isUnavailableProblem(reply), qPrintable(body(reply)));
            if (reply.status == 503) {
                ++full;
                QVERIFY2(reply.json.value(QStringLiteral("detail")).toString().contains(QStringLiteral("full")), qPrintable(body(reply)));
            }
        }
        QVERIFY2(full > 0, "no write failed on a full disk");
        QVERIFY(serve.isRunning());
        const Reply read = http.send("GET", QStringLiteral("/api/v1/feature/") + acknowledged.first(), token);
        QVERIFY2(read.status == 200, qPrintable(body(read)));

        QVERIFY(QFile::remove(filler.fileName()));
        QList<int> statuses;
        for (int i = 0; i < 20 && !statuses.contains(201); ++i) {
            statuses.append(create(QStringLiteral("room again %1").arg(i), 1000).status);
            if (statuses.last() != 201)
                QThread::msleep(200);
        }
        QStringList seen;
        for (const int status : statuses)
            seen.append(QString::number(status));
        QVERIFY2(statuses.contains(201), qPrintable(QStringLiteral("after freeing the disk: ") + seen.join(u' ')));
        for (const QString &id : acknowledged) {
            const Reply reply = http.send("GET", QStringLiteral("/api/v1/feature/") + id, token);
            QVERIFY2(reply.status == 200, qPrintable(id + u' ' + body(reply)));
        }
        QVERIFY2(serve.terminate(), qPrintable(serve.output()));
        QString integrity;
        QVERIFY2(sqliteIntegrityOk(file, &integrity), qPrintable(integrity));
        qInfo("%d writes refused on the full disk, %lld acknowledged", full, qint64(acknowledged.size()));
    }

    void sqliteReadOnly()
    {
        if (backendUnderTest() != SqlDialect::Sqlite)
            QSKIP("SQLite only (the _sqlite variant)");
        if (!runningAsRoot())
            QSKIP("mounting a tmpfs and a read-only view of it needs root (CI runs as root)");
        TmpfsMount disk(16 * 1024);
        QVERIFY2(disk.isMounted(), qPrintable(disk.error()));
        QVERIFY(QDir(disk.path()).mkpath(QStringLiteral("data")));
        const QString writablePath = disk.path() + QStringLiteral("/data/signoff.db");
        QString error;
        QVERIFY2(!seededSqlite(writablePath, &error).isEmpty(), qPrintable(error));

        // The desktop has the file open (so its WAL index exists) and signs alice in.
        auto desktopUrl = DatabaseUrl::parse(QStringLiteral("sqlite:") + writablePath);
        QVERIFY(desktopUrl);
        auto desktopDatabase = openDatabase(desktopUrl.value());
        QVERIFY(desktopDatabase);
        ChangeNotifier notifier;
        Services desktop(*desktopDatabase.value(), notifier);
        auto issued = desktop.auth().issueToken(QStringLiteral("alice"), password);
        QVERIFY(issued);
        const QByteArray token = issued->token.toLatin1();
        auto existing = desktop.features().create(issued->user.actor(), NewFeature{QStringLiteral("written before"), {}});
        QVERIFY(existing);

        // The server sees the same folder through a read-only mount.
        QTemporaryDir view;
        QVERIFY(view.isValid());
        QString output;
        QVERIFY2(runProgram(QStringLiteral("mount"), {QStringLiteral("--bind"), disk.path() + QStringLiteral("/data"), view.path()}, &output) == 0,
                 qPrintable(output));
        auto unmountView = qScopeGuard([&] {
            if (runProgram(QStringLiteral("umount"), {view.path()}) != 0)
                runProgram(QStringLiteral("umount"), {QStringLiteral("-l"), view.path()});
        });
        QVERIFY2(runProgram(QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("remount,bind,ro"), view.path()}, &output) == 0,
                 qPrintable(output));

        ServeProcess serve;
        QVERIFY2(serve.start(QStringLiteral("sqlite:") + view.path() + QStringLiteral("/signoff.db")), qPrintable(serve.output()));
        auto stopServe = qScopeGuard([&] { serve.kill(); });
        HttpClient http(serve.url());
        const QString existingPath = QStringLiteral("/api/v1/feature/") + existing->id.toString(QUuid::WithoutBraces);
        for (int i = 0; i < 3; ++i) {
            const Reply read = http.send("GET", existingPath, token);
            QVERIFY2(read.status == 200, qPrintable(body(read)));
            const Reply write = http.send("POST", QStringLiteral("/api/v1/feature"), token, featureBody(QStringLiteral("refused %1").arg(i)));
            QVERIFY2(isUnavailableProblem(write), qPrintable(body(write)));
            QVERIFY2(write.json.value(QStringLiteral("detail")).toString().contains(QStringLiteral("read-only")), qPrintable(body(write)));
            const Reply signIn = http.send("POST", QStringLiteral("/api/v1/auth/token"), {},
                                           QJsonObject{{QStringLiteral("username"), QStringLiteral("bob")}, {QStringLiteral("password"), password}});
            QVERIFY2(isUnavailableProblem(signIn), qPrintable(body(signIn)));
        }
        QVERIFY(serve.isRunning());

        // Writable again: the server reopens and writes.
        QVERIFY2(runProgram(QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("remount,bind,rw"), view.path()}, &output) == 0,
                 qPrintable(output));
        QList<int> statuses;
        for (int i = 0; i < 20 && !statuses.contains(201); ++i) {
            const Reply reply = http.send("POST", QStringLiteral("/api/v1/feature"), token, featureBody(QStringLiteral("written after %1").arg(i)));
            statuses.append(reply.status);
            if (reply.status != 201) {
                qInfo("after remounting: %s", reply.body.constData());
                QThread::msleep(200);
            }
        }
        if (!statuses.contains(201))
            qInfo("the server's log:\n%s", qPrintable(serve.output().right(6000)));
        QVERIFY2(statuses.contains(201), "writes did not work again once the file was writable");
        QVERIFY2(serve.terminate(), qPrintable(serve.output()));
        QString integrity;
        QVERIFY2(sqliteIntegrityOk(writablePath, &integrity), qPrintable(integrity));
    }

private:
    static QString seededSqliteOrPostgresql(const QString &url, QString *error)
    {
        auto parsed = DatabaseUrl::parse(url);
        if (!parsed) {
            *error = describe(parsed.error());
            return {};
        }
        return seedUsersAndProduct(parsed.value(), password, error);
    }
};

QTEST_GUILESS_MAIN(TestReliabilityDatabaseGone)
#include "tst_reliability_database_gone.moc"
