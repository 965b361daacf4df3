// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "JsonChanges.h"

namespace signoff {

namespace {

void addChange(QJsonArray &changes, const QString &path, const QJsonValue &from, const QJsonValue &to)
{
    QJsonObject change{{QStringLiteral("path"), path}};
    if (!from.isUndefined())
        change.insert(QStringLiteral("from"), from);
    if (!to.isUndefined())
        change.insert(QStringLiteral("to"), to);
    changes.append(change);
}

void compare(QJsonArray &changes, const QString &path, const QJsonValue &from, const QJsonValue &to);

void compareObjects(QJsonArray &changes, const QString &path, const QJsonObject &from, const QJsonObject &to)
{
    // Both key lists are sorted: walk them together.
    const QStringList fromKeys = from.keys();
    const QStringList toKeys = to.keys();
    qsizetype f = 0;
    qsizetype t = 0;
    while (f < fromKeys.size() || t < toKeys.size()) {
        QString key;
        if (t >= toKeys.size() || (f < fromKeys.size() && fromKeys.at(f) < toKeys.at(t)))
            key = fromKeys.at(f++);
        else if (f >= fromKeys.size() || toKeys.at(t) < fromKeys.at(f))
            key = toKeys.at(t++);
        else {
            key = fromKeys.at(f++);
            ++t;
        }
        compare(changes, path + u'/' + jsonPointerToken(key), from.value(key), to.value(key));
    }
}

void compareArrays(QJsonArray &changes, const QString &path, const QJsonArray &from, const QJsonArray &to)
{
    const qsizetype length = qMax(from.size(), to.size());
    for (qsizetype i = 0; i < length; ++i) {
        compare(changes, path + u'/' + QString::number(i), i < from.size() ? from.at(i) : QJsonValue(QJsonValue::Undefined),
                i < to.size() ? to.at(i) : QJsonValue(QJsonValue::Undefined));
    }
}

void compare(QJsonArray &changes, const QString &path, const QJsonValue &from, const QJsonValue &to)
{
    if (from == to)
        return;
    if (from.isObject() && to.isObject())
        compareObjects(changes, path, from.toObject(), to.toObject());
    else if (from.isArray() && to.isArray())
        compareArrays(changes, path, from.toArray(), to.toArray());
    else
        addChange(changes, path, from, to);
}

} // namespace

QJsonArray jsonChanges(const QJsonObject &before, const QJsonObject &after)
{
    QJsonArray changes;
    compareObjects(changes, QString(), before, after);
    return changes;
}

QStringList changedFields(const QJsonArray &changes)
{
    QStringList fields;
    for (const QJsonValue &change : changes) {
        const QString path = change.toObject().value(QStringLiteral("path")).toString();
        // The first token, unescaped (field names hold neither ~ nor /, but be exact).
        QString field = path.section(u'/', 1, 1);
        field.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (!fields.contains(field))
            fields.append(field);
    }
    return fields;
}

QString jsonPointerToken(const QString &name)
{
    QString token = name;
    token.replace(u'~', QStringLiteral("~0")).replace(u'/', QStringLiteral("~1"));
    return token;
}

} // namespace signoff
