// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Several `signoff serve` started at the same moment on one empty database
// (docs/design.md, "Several instances"): all of them come up, the schema is
// migrated once (every migration applied by exactly one of them, the others
// waiting for it), and the first administrator is created once, by one of them,
// whose printed password then signs in through every instance.

#include "ServeProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

#include <array>

using namespace signoff;
using namespace signoff::test;

class TestReliabilityClusterStart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(signoffBinary()), "SIGNOFF_BINARY must name the built signoff executable");
    }

    void startTogether_data()
    {
        QTest::addColumn<int>("round");
        // The race lost about one start in eight: a few rounds, each on a fresh database.
        for (int round = 1; round <= 4; ++round)
            QTest::addRow("round %d", round) << round;
    }

    void startTogether()
    {
        TestDatabase database;
        SIGNOFF_REQUIRE_DATABASE(database);
        std::array<ServeProcess, 3> serves;
        for (ServeProcess &serve : serves)
            QVERIFY(serve.launch(database.urlString(), {QStringLiteral("--drain-seconds"), QStringLiteral("0")}));
        for (ServeProcess &serve : serves)
            QVERIFY2(serve.waitUntilListening(), qPrintable(serve.output()));

        static const QRegularExpression created(QStringLiteral("created user admin with password (\\S+) "));
        static const QRegularExpression applied(QStringLiteral("applied migration (\\S+) to "));
        QStringList passwords;
        QStringList migrations;
        for (ServeProcess &serve : serves) {
            const QString output = serve.output();
            for (auto match = created.globalMatch(output); match.hasNext();)
                passwords.append(match.next().captured(1));
            for (auto match = applied.globalMatch(output); match.hasNext();)
                migrations.append(match.next().captured(1));
        }
        QCOMPARE(passwords.size(), 1);
        QVERIFY(!migrations.isEmpty());
        QCOMPARE(QSet<QString>(migrations.cbegin(), migrations.cend()).size(), migrations.size()); // none twice

        for (ServeProcess &serve : serves) {
            HttpClient http(serve.url());
            QCOMPARE(http.send("GET", QStringLiteral("/readyz")).status, 200);
            const QByteArray token = http.signIn(QStringLiteral("admin"), passwords.first());
            QVERIFY2(!token.isEmpty(), qPrintable(serve.url().toString()));
            const Reply users = http.send("GET", QStringLiteral("/api/v1/user"), token);
            QCOMPARE(users.status, 200);
            QCOMPARE(users.json.value(QStringLiteral("items")).toArray().size(), 1);
        }
        for (ServeProcess &serve : serves)
            QVERIFY2(serve.terminate(), qPrintable(serve.output()));
    }
};

QTEST_GUILESS_MAIN(TestReliabilityClusterStart)
#include "tst_reliability_cluster_start.moc"
