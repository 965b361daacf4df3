// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HistoryText.h"

#include "Format.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace signoff {

namespace {

constexpr int longestValue = 80;

// RFC 6901: "~1" is "/", "~0" is "~" (in that order).
QStringList pointerSegments(const QString &pointer)
{
    QStringList segments = pointer.split(u'/');
    if (!segments.isEmpty() && segments.first().isEmpty())
        segments.removeFirst();
    for (QString &segment : segments)
        segment = segment.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
    return segments;
}

QString fieldLabel(const QString &field)
{
    if (field == QStringLiteral("name"))
        return HistoryText::tr("name");
    if (field == QStringLiteral("note"))
        return HistoryText::tr("note");
    if (field == QStringLiteral("quantity"))
        return HistoryText::tr("quantity");
    if (field == QStringLiteral("product_id") || field == QStringLiteral("sku"))
        return HistoryText::tr("product");
    if (field == QStringLiteral("unit_price_cents"))
        return HistoryText::tr("unit price");
    if (field == QStringLiteral("options"))
        return HistoryText::tr("options");
    return field;
}

QString names(const QJsonValue &list)
{
    QStringList names;
    for (const QJsonValue &name : list.toArray())
        names.append(name.toString());
    return names.join(QStringLiteral(", "));
}

} // namespace

QString HistoryText::summary(const AuditEvent &event)
{
    const QString what = Format::auditAction(event.action);
    const QJsonObject &detail = event.detail;
    if (event.action == QStringLiteral("approve") && detail.contains(QStringLiteral("approvals"))) {
        return tr("%1 (%2)").arg(what, Format::approvalProgress(detail.value(QStringLiteral("approvals")).toInt(),
                                                                 detail.value(QStringLiteral("required_approvals")).toInt()));
    }
    if (event.action == QStringLiteral("submit") && detail.contains(QStringLiteral("required_approvals"))) {
        return tr("%1: needs %n approval(s)", nullptr, detail.value(QStringLiteral("required_approvals")).toInt()).arg(what);
    }
    if ((event.action == QStringLiteral("withdraw") || event.action == QStringLiteral("revise"))
        && detail.contains(QStringLiteral("dropped_approvals"))) {
        return tr("%1; approvals dropped: %2").arg(what, names(detail.value(QStringLiteral("dropped_approvals"))));
    }
    return what;
}

QStringList HistoryText::changes(const AuditEvent &event)
{
    QStringList lines;
    for (const QJsonValue &entry : event.detail.value(QStringLiteral("changes")).toArray()) {
        const QJsonObject change = entry.toObject();
        const QString path = pathLabel(change.value(QStringLiteral("path")).toString());
        const bool hadValue = change.contains(QStringLiteral("from"));
        const bool hasValue = change.contains(QStringLiteral("to"));
        if (hadValue && hasValue)
            lines.append(tr("%1: %2 → %3").arg(path, valueText(change.value(QStringLiteral("from"))),
                                               valueText(change.value(QStringLiteral("to")))));
        else if (hasValue)
            lines.append(tr("%1: added %2").arg(path, valueText(change.value(QStringLiteral("to")))));
        else if (hadValue)
            lines.append(tr("%1: removed (was %2)").arg(path, valueText(change.value(QStringLiteral("from")))));
    }
    return lines;
}

QString HistoryText::pathLabel(const QString &pointer)
{
    const QStringList segments = pointerSegments(pointer);
    if (segments.isEmpty())
        return tr("the whole item");
    // An order's lines are numbered from 1 on screen.
    bool isIndex = false;
    const int index = segments.size() >= 2 && segments.first() == QStringLiteral("lines") ? segments.at(1).toInt(&isIndex) : 0;
    if (isIndex && index >= 0) {
        const QString line = tr("line %1").arg(index + 1);
        if (segments.size() == 2)
            return line;
        return tr("%1 %2").arg(line, fieldLabel(segments.mid(2).join(u'/')));
    }
    if (segments.size() == 1)
        return fieldLabel(segments.first());
    return segments.join(u'/');
}

QString HistoryText::valueText(const QJsonValue &value)
{
    QString text;
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return tr("nothing");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::String:
        text = QStringLiteral("“") + value.toString() + QStringLiteral("”");
        break;
    case QJsonValue::Array:
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        break;
    case QJsonValue::Object:
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        break;
    }
    // One line, not too long: the History tab is a table.
    text.replace(u'\n', u' ');
    if (text.size() > longestValue)
        text = text.left(longestValue - 1) + QStringLiteral("…");
    return text;
}

} // namespace signoff
