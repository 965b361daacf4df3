// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AuditExport.h"

#include "domain/Csv.h"
#include "domain/Timestamp.h"

#include <QJsonDocument>

namespace signoff::audit_export {

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString timestamp(const QDateTime &at)
{
    return QString::fromLatin1(utcTimestampText(at));
}

} // namespace

QJsonObject eventJson(const AuditEvent &event)
{
    QJsonObject json{
        {QStringLiteral("id"), event.id},
        {QStringLiteral("at"), textOrNull(timestamp(event.at))},
        {QStringLiteral("actor"), event.actorUsername},
        {QStringLiteral("action"), event.action},
        {QStringLiteral("entity_type"), event.entityType},
        {QStringLiteral("entity_id"), event.entityId},
        {QStringLiteral("from_status"), textOrNull(event.fromStatus)},
        {QStringLiteral("to_status"), textOrNull(event.toStatus)},
        {QStringLiteral("version"), event.version ? QJsonValue(*event.version) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("comment"), textOrNull(event.comment)},
        {QStringLiteral("detail"), event.detail},
    };
    // What an update changed (docs/design.md, "History"): on the event itself.
    if (const QJsonValue changes = event.detail.value(QStringLiteral("changes")); changes.isArray())
        json.insert(QStringLiteral("changes"), changes);
    return json;
}

QByteArray jsonLine(const AuditEvent &event)
{
    return QJsonDocument(eventJson(event)).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray csvHeader()
{
    return "id,at,actor,action,entity_type,entity_id,from_status,to_status,version,comment,detail\r\n";
}

QByteArray csvRow(const AuditEvent &event)
{
    const QStringList cells{
        QString::number(event.id),
        timestamp(event.at),
        event.actorUsername,
        event.action,
        event.entityType,
        event.entityId,
        event.fromStatus,
        event.toStatus,
        event.version ? QString::number(*event.version) : QString(),
        event.comment,
        event.detail.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(event.detail).toJson(QJsonDocument::Compact)),
    };
    return csvRecord(cells);
}

QJsonObject feedEventJson(const AuditEvent &event)
{
    QJsonObject data{
        {QStringLiteral("entity_type"), event.entityType},
        {QStringLiteral("entity_id"), event.entityId},
        {QStringLiteral("action"), event.action},
        {QStringLiteral("actor"), event.actorUsername},
        {QStringLiteral("status"), textOrNull(event.toStatus)},
        {QStringLiteral("version"), event.version ? QJsonValue(*event.version) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("at"), textOrNull(timestamp(event.at))},
    };
    if (!event.comment.isEmpty())
        data.insert(QStringLiteral("comment"), event.comment);
    return data;
}

} // namespace signoff::audit_export
