// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// What an edit changed, as JSON Pointer paths (RFC 6901): the `changes` of
// an update's audit event.

#include "domain/JsonChanges.h"

#include <QJsonDocument>
#include <QtTest>

using namespace signoff;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

// `Undefined` leaves the member out: nothing was there, or nothing is now.
QJsonObject change(const QString &path, const QJsonValue &from, const QJsonValue &to)
{
    QJsonObject entry{{QStringLiteral("path"), path}};
    if (!from.isUndefined())
        entry.insert(QStringLiteral("from"), from);
    if (!to.isUndefined())
        entry.insert(QStringLiteral("to"), to);
    return entry;
}

} // namespace

class TestJsonChanges : public QObject
{
    Q_OBJECT

private slots:
    void equalValuesChangeNothing()
    {
        const QJsonObject fields = object(R"({"name":"A","options":{"beta":true,"tags":["x"]}})");
        QCOMPARE(jsonChanges(fields, fields), QJsonArray());
        QCOMPARE(jsonChanges({}, {}), QJsonArray());
    }

    void nestedMembersAreNamedByTheirPath()
    {
        const QJsonArray changes = jsonChanges(object(R"({"name":"A","options":{"beta":false,"mode":{"x":1}}})"),
                                               object(R"({"name":"A","options":{"beta":true,"mode":{"x":2}}})"));
        QCOMPARE(changes, (QJsonArray{change(QStringLiteral("/options/beta"), false, true),
                                      change(QStringLiteral("/options/mode/x"), 1, 2)}));
        QCOMPARE(changedFields(changes), QStringList{QStringLiteral("options")});
    }

    void arraysAreComparedByIndex()
    {
        const QJsonArray changes = jsonChanges(
            object(R"({"lines":[{"quantity":1},{"quantity":2},{"quantity":3}]})"),
            object(R"({"lines":[{"quantity":1},{"quantity":5}]})"));
        QCOMPARE(changes, (QJsonArray{change(QStringLiteral("/lines/1/quantity"), 2, 5),
                                      change(QStringLiteral("/lines/2"), QJsonObject{{QStringLiteral("quantity"), 3}},
                                             QJsonValue::Undefined)}));
    }

    void addedAndRemovedMembersLackTheMissingSide()
    {
        const QJsonArray changes = jsonChanges(object(R"({"options":{"old":1}})"), object(R"({"options":{"new":[1]}})"));
        QCOMPARE(changes, (QJsonArray{change(QStringLiteral("/options/new"), QJsonValue::Undefined, QJsonArray{1}),
                                      change(QStringLiteral("/options/old"), 1, QJsonValue::Undefined)}));
        QVERIFY(!changes.at(0).toObject().contains(QStringLiteral("from")));
        QVERIFY(!changes.at(1).toObject().contains(QStringLiteral("to")));
        // A null value is a value.
        QCOMPARE(jsonChanges(object(R"({"options":{"a":null}})"), object(R"({"options":{"a":1}})")),
                 (QJsonArray{change(QStringLiteral("/options/a"), QJsonValue::Null, 1)}));
    }

    void aValueOfAnotherTypeIsOneChange()
    {
        const QJsonArray changes = jsonChanges(object(R"({"options":{"a":{"b":1}}})"), object(R"({"options":{"a":[1]}})"));
        QCOMPARE(changes, (QJsonArray{change(QStringLiteral("/options/a"), QJsonObject{{QStringLiteral("b"), 1}},
                                             QJsonArray{1})}));
        QCOMPARE(jsonChanges(object(R"({"note":""})"), object(R"({"note":null})")),
                 (QJsonArray{change(QStringLiteral("/note"), QString(), QJsonValue::Null)}));
    }

    void tildeAndSlashAreEscaped()
    {
        const QJsonArray changes = jsonChanges(object(R"({"options":{"a/b":1,"m~n":1}})"), object(R"({"options":{"a/b":2,"m~n":2}})"));
        QCOMPARE(changes.at(0).toObject().value(QStringLiteral("path")).toString(), QStringLiteral("/options/a~1b"));
        QCOMPARE(changes.at(1).toObject().value(QStringLiteral("path")).toString(), QStringLiteral("/options/m~0n"));
        QCOMPARE(jsonPointerToken(QStringLiteral("~/")), QStringLiteral("~0~1"));
        QCOMPARE(changedFields(jsonChanges(object(R"({"a/b":1})"), object(R"({"a/b":2})"))), QStringList{QStringLiteral("a/b")});
    }

    void changedFieldsNamesEachTopLevelFieldOnce()
    {
        const QJsonArray changes = jsonChanges(object(R"({"name":"A","options":{"x":1,"y":1}})"),
                                               object(R"({"name":"B","options":{"x":2,"y":2}})"));
        QCOMPARE(changes.size(), 3);
        QCOMPARE(changedFields(changes), (QStringList{QStringLiteral("name"), QStringLiteral("options")}));
    }
};

QTEST_GUILESS_MAIN(TestJsonChanges)
#include "tst_jsonchanges.moc"
