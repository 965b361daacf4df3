// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Two processes, one SQLite file, both writing: this test process plays the
// desktop (core's services called on its main thread, as the window does)
// while `signoff serve` takes HTTP writes from several clients. No
// "database is locked" reaches anyone (busy timeout, BEGIN IMMEDIATE,
// bounded retries), and no update is lost: when both sides change the same
// item from the same version, exactly one wins and the other is told its
// version is stale (412 / PreconditionFailed).

#include "ServeProcess.h"

#include "service/Services.h"
#include "storage/OpenDatabase.h"

#include <QJsonArray>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace signoff;
using namespace signoff::test;

namespace {

const QString password = QStringLiteral("correct horse 42");
constexpr int itemsPerSide = 120;
constexpr int httpClients = 3;

QList<std::pair<QByteArray, QByteArray>> ifMatch(int version)
{
    return {{"If-Match", '"' + QByteArray::number(version) + '"'}};
}

} // namespace

class TestReliabilityTwoProcesses : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY2(QFileInfo::exists(signoffBinary()), "SIGNOFF_BINARY must name the built signoff executable");
        m_database = std::make_unique<TestDatabase>();
        SIGNOFF_REQUIRE_DATABASE(*m_database);
        QString error;
        QVERIFY2(!seedUsersAndProduct(m_database->url(), password, &error).isEmpty(), qPrintable(error));
        auto opened = openDatabase(m_database->url());
        QVERIFY2(opened, qPrintable(opened ? QString() : describe(opened.error())));
        m_desktopDatabase = std::move(opened.value());
        ServiceOptions options;
        options.passwordCost = PasswordHasher::Cost::Minimum;
        m_desktop = std::make_unique<Services>(*m_desktopDatabase, m_notifier, options);
        QVERIFY2(m_serve.start(m_database->urlString()), qPrintable(m_serve.output()));
    }

    void cleanup()
    {
        m_serve.terminate();
        m_desktop.reset();
        m_desktopDatabase.reset();
        m_database.reset();
    }

    void bothWriteAndNothingIsLocked()
    {
        const Actor alice = actorOf(QStringLiteral("alice"));
        std::atomic_int httpFailures{0};
        std::atomic_int httpCreated{0};
        QStringList failures;
        QMutex failuresMutex;

        QList<QThread *> clients;
        for (int index = 0; index < httpClients; ++index) {
            clients.append(QThread::create([&, index] {
                HttpClient http(m_serve.url());
                const QByteArray token = http.signIn(QStringLiteral("bob"), password);
                for (int i = 0; i < itemsPerSide / httpClients; ++i) {
                    const Reply created = http.send("POST", QStringLiteral("/api/v1/feature"), token,
                                                    QJsonObject{{QStringLiteral("name"), QStringLiteral("http %1-%2").arg(index).arg(i)}});
                    Reply submitted;
                    if (created.status == 201)
                        submitted = http.send("POST", QStringLiteral("/api/v1/feature/%1/submit").arg(created.json.value(QStringLiteral("id")).toString()),
                                              token, QByteArray(), ifMatch(1));
                    if (created.status != 201 || submitted.status != 200) {
                        ++httpFailures;
                        QMutexLocker locker(&failuresMutex);
                        failures.append(QString::fromUtf8(created.status != 201 ? created.body : submitted.body));
                    } else {
                        ++httpCreated;
                    }
                }
            }));
            clients.last()->start();
        }

        // Meanwhile the "desktop" writes on its main thread, as the window does.
        int desktopCreated = 0;
        for (int i = 0; i < itemsPerSide; ++i) {
            auto feature = m_desktop->features().create(alice, NewFeature{QStringLiteral("desktop %1").arg(i), {}});
            QVERIFY2(feature, qPrintable(feature ? QString() : describe(feature.error())));
            auto submitted = m_desktop->features().transition(alice, feature->id, WorkflowAction::Submit, feature->version, {});
            QVERIFY2(submitted, qPrintable(submitted ? QString() : describe(submitted.error())));
            ++desktopCreated;
        }
        for (QThread *client : clients) {
            QVERIFY(client->wait(120000));
            delete client;
        }
        QVERIFY2(httpFailures == 0, qPrintable(failures.join(u'\n')));
        QCOMPARE(int(httpCreated), itemsPerSide / httpClients * httpClients);
        QCOMPARE(desktopCreated, itemsPerSide);

        // Both sides see everything, and no "locked" reached the server's log either.
        ItemQuery query;
        query.status = ItemStatus::Pending;
        query.page.limit = 500;
        auto pending = m_desktop->features().list(alice, query);
        QVERIFY(pending);
        QCOMPARE(int(pending->items.size()), desktopCreated + int(httpCreated));
        QVERIFY2(!m_serve.output().contains(QStringLiteral("locked"), Qt::CaseInsensitive), qPrintable(m_serve.output()));
    }

    void sameVersionFromBothSidesHasOneWinner()
    {
        const Actor alice = actorOf(QStringLiteral("alice"));
        const Actor carol = actorOf(QStringLiteral("carol"));
        constexpr int items = 40;
        QList<Feature> features;
        for (int i = 0; i < items; ++i) {
            auto feature = m_desktop->features().create(alice, NewFeature{QStringLiteral("contested %1").arg(i), {}});
            QVERIFY(feature);
            auto submitted = m_desktop->features().transition(alice, feature->id, WorkflowAction::Submit, 1, {});
            QVERIFY(submitted);
            features.append(submitted.value());
        }

        // dave approves over HTTP while carol approves on the desktop, item by
        // item in step (neither starts an item before the other has reached
        // it), each from version 2: every item is contested at the same moment.
        // One approval decides an item; the second finds it approved (409
        // invalid-transition: the version it names is the submitted one, still
        // good) or, should it have read the item before, stale (412).
        std::atomic_int httpAt{-1};
        std::atomic_int desktopAt{-1};
        std::atomic_int httpWins{0};
        std::atomic_int httpStale{0};
        std::atomic_int httpOther{0};
        QThread *client = QThread::create([&] {
            HttpClient http(m_serve.url());
            const QByteArray token = http.signIn(QStringLiteral("dave"), password);
            for (int i = 0; i < features.size(); ++i) {
                const Feature &feature = features.at(i);
                httpAt = i;
                while (desktopAt < i)
                    QThread::yieldCurrentThread();
                const Reply reply = http.send("POST", QStringLiteral("/api/v1/feature/%1/approve").arg(feature.id.toString(QUuid::WithoutBraces)),
                                              token, QByteArray(), ifMatch(2));
                if (reply.status == 200)
                    ++httpWins;
                else if (reply.status == 412 || (reply.status == 409 && reply.body.contains("invalid-transition")))
                    ++httpStale;
                else
                    ++httpOther;
            }
        });
        client->start();
        int desktopWins = 0;
        int desktopStale = 0;
        for (int i = 0; i < features.size(); ++i) {
            const Feature &feature = features.at(i);
            desktopAt = i;
            while (httpAt < i)
                QThread::yieldCurrentThread();
            auto approved = m_desktop->features().transition(carol, feature.id, WorkflowAction::Approve, 2, QStringLiteral("ok"));
            if (approved)
                ++desktopWins;
            else if (approved.error().kind == ErrorKind::PreconditionFailed
                     || approved.error().reason == QStringLiteral("invalid-transition"))
                ++desktopStale;
            else
                QFAIL(qPrintable(describe(approved.error())));
        }
        QVERIFY(client->wait(120000));
        delete client;

        QCOMPARE(int(httpOther), 0);
        QCOMPARE(desktopWins + int(httpWins), items);
        QCOMPARE(desktopStale + int(httpStale), items);
        for (const Feature &feature : features) {
            auto history = m_desktop->features().history(alice, feature.id);
            QVERIFY(history);
            const auto approvals = std::count_if(history->cbegin(), history->cend(),
                                                 [](const AuditEvent &event) { return event.action == QStringLiteral("approve"); });
            QCOMPARE(int(approvals), 1);
            auto current = m_desktop->features().get(alice, feature.id);
            QVERIFY(current);
            QCOMPARE(current->version, 3);
            QCOMPARE(toString(current->status), QStringLiteral("approved"));
        }
        qInfo("approvals: desktop %d, HTTP %d", desktopWins, int(httpWins));
    }

private:
    Actor actorOf(const QString &username)
    {
        auto user = m_desktop->auth().signIn(username, password);
        if (!user)
            qFatal("cannot sign in %s", qPrintable(username));
        return user->actor();
    }

    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<Database> m_desktopDatabase;
    ChangeNotifier m_notifier;
    std::unique_ptr<Services> m_desktop;
    ServeProcess m_serve;
};

QTEST_GUILESS_MAIN(TestReliabilityTwoProcesses)
#include "tst_reliability_two_processes.moc"
