// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// JsonWriter, which writes the representations served most: what it writes
// is the JSON QJsonDocument writes for the same members, every string comes
// back as it went in (quotes, backslashes, every control character, NUL,
// U+2028 and U+2029, characters beyond the BMP), the output is always valid
// UTF-8 with no raw control byte in it (half a surrogate pair is escaped),
// and numbers, booleans, null, timestamps and raw JSON are written exactly.

#include "rest/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <QtTest>

#include <algorithm>
#include <limits>

using namespace signoff::rest;
using namespace Qt::StringLiterals;

namespace {

// {"s": text}, written by JsonWriter.
QByteArray written(const QString &text)
{
    JsonWriter writer;
    writer.beginObject();
    writer.key("s"_L1);
    writer.string(text);
    writer.endObject();
    return writer.take();
}

// What a client reads back from `json`'s member "s"; a null QString when
// the document does not parse.
QString readBack(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return {};
    return document.object().value("s"_L1).toString();
}

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    return !decoder.hasError() && decoded.toUtf8() == bytes;
}

bool hasRawControlByte(const QByteArray &bytes)
{
    return std::any_of(bytes.cbegin(), bytes.cend(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

} // namespace

class TestRestJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    // Members in the order QJsonDocument keeps (alphabetical), nested values,
    // empty containers: byte for byte what QJsonDocument writes.
    void writesWhatQJsonDocumentWrites()
    {
        JsonWriter writer;
        writer.beginObject();
        writer.key("a_list"_L1);
        writer.beginArray();
        writer.number(1);
        writer.string(u"two"_s);
        writer.boolean(false);
        writer.null();
        writer.beginObject();
        writer.endObject();
        writer.beginArray();
        writer.endArray();
        writer.endArray();
        writer.key("b_nested"_L1);
        writer.beginObject();
        writer.key("inner"_L1);
        writer.beginArray();
        writer.beginArray();
        writer.number(-3);
        writer.endArray();
        writer.endArray();
        writer.key("ok"_L1);
        writer.boolean(true);
        writer.endObject();
        writer.key("c_empty"_L1);
        writer.string(QString());
        writer.endObject();

        // Appended, not braced: QJsonArray{QJsonArray{-3}} is a copy to clang
        // and a nesting to GCC.
        QJsonArray nested;
        nested.append(QJsonArray{-3});
        const QJsonObject expected{
            {u"a_list"_s, QJsonArray{1, u"two"_s, false, QJsonValue::Null, QJsonObject{}, QJsonArray{}}},
            {u"b_nested"_s, QJsonObject{{u"inner"_s, nested}, {u"ok"_s, true}}},
            {u"c_empty"_s, u""_s},
        };
        QCOMPARE(writer.take(), QJsonDocument(expected).toJson(QJsonDocument::Compact));
    }

    void topLevelValuesAndEmptyContainers()
    {
        JsonWriter array;
        array.beginArray();
        array.endArray();
        QCOMPARE(array.take(), QByteArray("[]"));
        JsonWriter object;
        object.beginObject();
        object.endObject();
        QCOMPARE(object.take(), QByteArray("{}"));
        JsonWriter twoObjects;
        twoObjects.beginArray();
        twoObjects.beginObject();
        twoObjects.key("a"_L1);
        twoObjects.number(1);
        twoObjects.endObject();
        twoObjects.beginObject();
        twoObjects.endObject();
        twoObjects.endArray();
        QCOMPARE(twoObjects.take(), QByteArray("[{\"a\":1},{}]"));
    }

    void stringsComeBackAsTheyWentIn_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("expected"); // the member as written; empty: not checked byte for byte
        QTest::newRow("plain") << u"Hello, world"_s << QByteArray("{\"s\":\"Hello, world\"}");
        QTest::newRow("quote and backslash") << u"say \"hi\" \\ bye"_s << QByteArray("{\"s\":\"say \\\"hi\\\" \\\\ bye\"}");
        QTest::newRow("short escapes") << u"\b\f\n\r\t"_s << QByteArray("{\"s\":\"\\b\\f\\n\\r\\t\"}");
        QTest::newRow("NUL") << QString(QChar(u'\0')) + u"after"_s << QByteArray("{\"s\":\"\\u0000after\"}");
        QTest::newRow("other controls") << u"\x01\x1f\x0b\x1b"_s << QByteArray("{\"s\":\"\\u0001\\u001f\\u000b\\u001b\"}");
        QTest::newRow("DEL is not a control in JSON") << u"\x7f"_s << QByteArray("{\"s\":\"\x7f\"}");
        QTest::newRow("slash is left alone") << u"</script>"_s << QByteArray("{\"s\":\"</script>\"}");
        QTest::newRow("U+2028 and U+2029") << u"line\u2028paragraph\u2029"_s << QByteArray();
        QTest::newRow("accents") << u"Gr\u00fc\u00dfe, caf\u00e9"_s << QByteArray("{\"s\":\"Gr\xc3\xbc\xc3\x9f" "e, caf\xc3\xa9\"}");
        QTest::newRow("beyond the BMP") << u"\U0001F600 and \U00010348"_s << QByteArray("{\"s\":\"\xf0\x9f\x98\x80 and \xf0\x90\x8d\x88\"}");
        QTest::newRow("direction controls") << u"\u202eevil\u202c"_s << QByteArray();
        QTest::newRow("escapes among non-ASCII") << u"\u00e9\"\n\u00e9\\"_s << QByteArray("{\"s\":\"\xc3\xa9\\\"\\n\xc3\xa9\\\\\"}");
        QString everyControl;
        for (char16_t c = 0; c < 0x20; ++c)
            everyControl += QChar(c);
        QTest::newRow("every control") << everyControl << QByteArray();
        QTest::newRow("long") << QString(100000, u'x') + u"\n"_s << QByteArray();
    }

    void stringsComeBackAsTheyWentIn()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, expected);
        const QByteArray json = written(text);
        if (!expected.isEmpty())
            QCOMPARE(json, expected);
        QVERIFY(isValidUtf8(json));
        QVERIFY(!hasRawControlByte(json));
        QCOMPARE(readBack(json), text);
        QCOMPARE(json, QJsonDocument(QJsonObject{{u"s"_s, text}}).toJson(QJsonDocument::Compact));
    }

    // Half of a surrogate pair is no character and has no UTF-8: it is
    // escaped as QJsonDocument escapes it, so it comes back as sent and the
    // output stays valid UTF-8.
    void brokenSurrogatesAreEscaped_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("expected");
        const QChar high(char16_t(0xd83d));
        const QChar low(char16_t(0xde00));
        QTest::newRow("lone high") << u"a"_s + high + u"b"_s << QByteArray("{\"s\":\"a\\ud83db\"}");
        QTest::newRow("lone low") << u"a"_s + low + u"b"_s << QByteArray("{\"s\":\"a\\ude00b\"}");
        QTest::newRow("high at the end") << u"a"_s + high << QByteArray("{\"s\":\"a\\ud83d\"}");
        QTest::newRow("reversed pair") << QString(low) + high << QByteArray("{\"s\":\"\\ude00\\ud83d\"}");
        QTest::newRow("two highs, then a pair") << QString(high) + high + low << QByteArray("{\"s\":\"\\ud83d\xf0\x9f\x98\x80\"}");
        QTest::newRow("with an escape") << u"\""_s + high << QByteArray("{\"s\":\"\\\"\\ud83d\"}");
    }

    void brokenSurrogatesAreEscaped()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, expected);
        const QByteArray json = written(text);
        QCOMPARE(json, expected);
        QVERIFY(isValidUtf8(json));
        QCOMPARE(readBack(json), text);
        QCOMPARE(json, QJsonDocument(QJsonObject{{u"s"_s, text}}).toJson(QJsonDocument::Compact));
    }

    void numbersAreWrittenExactly()
    {
        JsonWriter writer;
        writer.beginArray();
        for (qint64 value : {Q_INT64_C(0), Q_INT64_C(-1), Q_INT64_C(42), Q_INT64_C(9007199254740993),
                             std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min()})
            writer.number(value);
        writer.endArray();
        QCOMPARE(writer.take(),
                 QByteArray("[0,-1,42,9007199254740993,9223372036854775807,-9223372036854775808]"));
    }

    // RFC 3339 in UTC with milliseconds, whatever zone the time was in;
    // null for no time.
    void timestampsAreUtcWithMilliseconds()
    {
        JsonWriter writer;
        writer.beginObject();
        writer.key("at"_L1);
        writer.timestamp(QDateTime(QDate(2026, 12, 6), QTime(9, 30, 5, 7), Qt::OffsetFromUTC, 2 * 3600));
        writer.key("none"_L1);
        writer.timestamp(QDateTime());
        writer.key("utc"_L1);
        writer.timestamp(QDateTime(QDate(1999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC));
        writer.endObject();
        QCOMPARE(writer.take(), QByteArray("{\"at\":\"2026-12-06T07:30:05.007Z\",\"none\":null,\"utc\":\"1999-12-31T23:59:59.999Z\"}"));
    }

    // Raw JSON is a value like any other: commas and keys fall around it.
    void rawJsonIsInsertedAsAValue()
    {
        JsonWriter writer;
        writer.beginArray();
        writer.raw("{\"x\":[1,2]}");
        writer.raw("3");
        writer.beginObject();
        writer.key("options"_L1);
        writer.raw("{}");
        writer.key("after"_L1);
        writer.boolean(true);
        writer.endObject();
        writer.endArray();
        QCOMPARE(writer.take(), QByteArray("[{\"x\":[1,2]},3,{\"options\":{},\"after\":true}]"));
    }
};

QTEST_GUILESS_MAIN(TestRestJsonWriter)
#include "tst_rest_jsonwriter.moc"
