// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// RequestFramer, the guard's view of a byte stream: whole requests out,
// limits checked as soon as they can be, the rest of the stream kept.

#include "rest/RequestFramer.h"

#include <QtTest>

using namespace signoff::rest;

class TestRestFramer : public QObject
{
    Q_OBJECT

private slots:
    void completeRequestLeavesTheNextInInput()
    {
        RequestFramer framer;
        QByteArray input = "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\n";
        QCOMPARE(framer.consume(input), RequestFramer::Status::Complete);
        QCOMPARE(framer.head().method, QByteArray("GET"));
        QCOMPARE(framer.head().target, QByteArray("/a"));
        QVERIFY(framer.head().keepAlive);
        QCOMPARE(framer.takeRequest(), QByteArray("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"));
        QCOMPARE(input, QByteArray("GET /b HTTP/1.1\r\n"));
        QCOMPARE(framer.consume(input), RequestFramer::Status::NeedMore);
        QVERIFY(input.isEmpty());
        QVERIFY(framer.inProgress());
    }

    void byteByByte()
    {
        const QByteArray request = "\r\nPOST /f HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello";
        RequestFramer framer;
        for (qsizetype i = 0; i < request.size(); ++i) {
            QByteArray one = request.mid(i, 1);
            const auto status = framer.consume(one);
            QCOMPARE(status, i + 1 == request.size() ? RequestFramer::Status::Complete : RequestFramer::Status::NeedMore);
        }
        QCOMPARE(framer.head().contentLength, qint64(5));
        QVERIFY(framer.takeRequest().endsWith("\r\n\r\nhello"));
    }

    void chunkedBody()
    {
        RequestFramer framer;
        QByteArray input = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nTrailer: 1\r\n\r\nNEXT";
        QCOMPARE(framer.consume(input), RequestFramer::Status::Complete);
        QVERIFY(framer.head().chunked);
        QCOMPARE(input, QByteArray("NEXT"));
    }

    void limits_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::newRow("head too large, unterminated") << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(17000, 'a')) << 431 << "headers-too-large";
        QTest::newRow("head too large") << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(17000, 'a') + "\r\n\r\n") << 431 << "headers-too-large";
        QTest::newRow("declared body too large") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1048577\r\n\r\n") << 413 << "payload-too-large";
        QTest::newRow("chunk too large") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n100001\r\n") << 413 << "payload-too-large";
        QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400 << "malformed-request";
        QTest::newRow("two hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400 << "malformed-request";
        QTest::newRow("bad request line") << QByteArray("GET /\r\n\r\n") << 400 << "malformed-request";
        QTest::newRow("space in target") << QByteArray("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n") << 400 << "malformed-request";
        QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n b\r\n\r\n") << 400 << "malformed-request";
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400 << "malformed-request";
        QTest::newRow("bad content length") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n") << 400 << "malformed-request";
        QTest::newRow("conflicting lengths") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << 400 << "malformed-request";
        QTest::newRow("length and chunked") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n") << 400 << "malformed-request";
        QTest::newRow("gzip coding") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n") << 501 << "not-implemented";
        QTest::newRow("unknown method") << QByteArray("BREW / HTTP/1.1\r\nHost: x\r\n\r\n") << 501 << "not-implemented";
        QTest::newRow("http/2") << QByteArray("GET / HTTP/2.0\r\nHost: x\r\n\r\n") << 505 << "http-version-not-supported";
        QTest::newRow("expectation") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\n\r\n") << 417 << "expectation-failed";
        QTest::newRow("bad chunk size") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400 << "malformed-request";
        QTest::newRow("control character") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX: a\x01" "b\r\n\r\n") << 400 << "malformed-request";
    }

    void limits()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, status);
        QFETCH(QString, type);
        RequestFramer framer;
        QCOMPARE(framer.consume(input), RequestFramer::Status::Rejected);
        QCOMPARE(framer.rejection().status, status);
        QCOMPARE(framer.rejection().type, type);
        QVERIFY(!framer.rejection().detail.isEmpty());
    }

    // RFC 9112 section 7.1 and nothing more (issue 13): a chunk size that
    // one parser reads one way and another another way splits requests
    // differently, which is request smuggling.
    void chunkSizesFollowTheGrammar_data()
    {
        QTest::addColumn<QByteArray>("chunks");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("hex digits") << QByteArray("a\r\n0123456789\r\n0\r\n\r\n") << true;
        QTest::newRow("upper case") << QByteArray("A\r\n0123456789\r\n0\r\n\r\n") << true;
        QTest::newRow("leading zeros") << QByteArray("0000000000000000000003\r\nabc\r\n0\r\n\r\n") << true;
        QTest::newRow("extension") << QByteArray("3;name\r\nabc\r\n0\r\n\r\n") << true;
        QTest::newRow("extension with value") << QByteArray("3 ; a=b;c = \"d;\\\"e\"\r\nabc\r\n0\r\n\r\n") << true;
        QTest::newRow("trailer field") << QByteArray("3\r\nabc\r\n0\r\nX-Sum: 1\r\n\r\n") << true;
        QTest::newRow("0x prefix") << QByteArray("0x3\r\nabc\r\n0\r\n\r\n") << false;
        QTest::newRow("plus sign") << QByteArray("+3\r\nabc\r\n0\r\n\r\n") << false;
        QTest::newRow("minus sign") << QByteArray("-3\r\nabc\r\n0\r\n\r\n") << false;
        QTest::newRow("space before") << QByteArray(" 3\r\nabc\r\n0\r\n\r\n") << false;
        QTest::newRow("space after") << QByteArray("3 \r\nabc\r\n0\r\n\r\n") << false;
        QTest::newRow("tab after") << QByteArray("3\t\r\nabc\r\n0\r\n\r\n") << false;
        QTest::newRow("empty size") << QByteArray("\r\nabc\r\n0\r\n\r\n") << false;
        QTest::newRow("only an extension") << QByteArray(";x\r\nabc\r\n0\r\n\r\n") << false;
        QTest::newRow("empty extension name") << QByteArray("3;\r\nabc\r\n0\r\n\r\n") << false;
        QTest::newRow("extension without value") << QByteArray("3;a=\r\nabc\r\n0\r\n\r\n") << false;
        QTest::newRow("unterminated quote") << QByteArray("3;a=\"b\r\nabc\r\n0\r\n\r\n") << false;
        QTest::newRow("garbage after size") << QByteArray("3x\r\nabc\r\n0\r\n\r\n") << false;
        QTest::newRow("more than 60 bits") << QByteArray("1000000000000000\r\n") << false;
        QTest::newRow("bare LF after the size") << QByteArray("3\nabc\r\n0\r\n\r\n") << false;
        QTest::newRow("bare LF after the data") << QByteArray("3\r\nabc\n0\r\n\r\n") << false;
        QTest::newRow("data longer than its size") << QByteArray("3\r\nabcd\r\n0\r\n\r\n") << false;
        QTest::newRow("bare LF after the trailers") << QByteArray("3\r\nabc\r\n0\r\n\n") << false;
        QTest::newRow("trailer that is no field") << QByteArray("3\r\nabc\r\n0\r\ngarbage\r\n\r\n") << false;
    }
    void chunkSizesFollowTheGrammar()
    {
        QFETCH(QByteArray, chunks);
        QFETCH(bool, accepted);
        RequestFramer framer;
        QByteArray input = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks;
        const RequestFramer::Status status = framer.consume(input);
        if (accepted) {
            QCOMPARE(status, RequestFramer::Status::Complete);
            return;
        }
        QCOMPARE(status, RequestFramer::Status::Rejected);
        QCOMPARE(framer.rejection().status, 400);
        QCOMPARE(framer.rejection().type, QStringLiteral("malformed-request"));
    }

    // Byte by byte, a valid chunked body frames the same way.
    void chunkedByteByByte()
    {
        const QByteArray request = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                   "3;a=\"b\"\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\nX: y\r\n\r\n";
        RequestFramer framer;
        for (qsizetype i = 0; i < request.size(); ++i) {
            QByteArray one = request.mid(i, 1);
            QCOMPARE(framer.consume(one), i + 1 == request.size() ? RequestFramer::Status::Complete : RequestFramer::Status::NeedMore);
        }
    }

    // HTTP/1.0 has no transfer codings: a chunked HTTP/1.0 request is refused.
    void chunkedHttp10IsRefused()
    {
        RequestFramer framer;
        QByteArray input = "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
        QCOMPARE(framer.consume(input), RequestFramer::Status::Rejected);
        QCOMPARE(framer.rejection().status, 400);
    }

    void withinTheLimits()
    {
        RequestFramer framer;
        QByteArray input = "POST / HTTP/1.1\r\nHost: x\r\nX: " + QByteArray(16000, 'a') + "\r\nContent-Length: 1048576\r\n\r\n";
        QCOMPARE(framer.consume(input), RequestFramer::Status::NeedMore);
        QVERIFY(framer.hasHead());
        QVERIFY(!framer.bodyStarted());
        QByteArray body(1048576, 'b');
        QCOMPARE(framer.consume(body), RequestFramer::Status::Complete);
    }

    void connectionAndExpect()
    {
        RequestFramer framer;
        QByteArray input = "POST / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, Close\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\n";
        QCOMPARE(framer.consume(input), RequestFramer::Status::NeedMore);
        QVERIFY(!framer.head().keepAlive);
        QVERIFY(framer.head().expectsContinue);
        QByteArray old = "GET / HTTP/1.0\r\n\r\n";
        RequestFramer http10;
        QCOMPARE(http10.consume(old), RequestFramer::Status::Complete);
        QVERIFY(!http10.head().keepAlive);
    }
};

QTEST_GUILESS_MAIN(TestRestFramer)
#include "tst_rest_framer.moc"
