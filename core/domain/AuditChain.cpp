// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AuditChain.h"

#include "Timestamp.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace signoff::audit_chain {

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QByteArray canonicalContent(const AuditEvent &event)
{
    // QJsonObject keeps its keys sorted, so the detail's text is canonical too.
    const QJsonArray content{
        textOrNull(QString::fromLatin1(utcTimestampText(event.at))),
        event.actorId.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(event.actorId.toString(QUuid::WithoutBraces)),
        event.actorUsername,
        event.action,
        event.entityType,
        event.entityId,
        textOrNull(event.fromStatus),
        textOrNull(event.toStatus),
        event.version ? QJsonValue(*event.version) : QJsonValue(QJsonValue::Null),
        textOrNull(event.comment),
        event.detail.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(event.detail),
    };
    return QJsonDocument(content).toJson(QJsonDocument::Compact);
}

QString seal(const QString &previousSeal, qint64 position, qint64 eventId, const AuditEvent &event)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(previousSeal.toLatin1());
    hash.addData("\n");
    hash.addData(QByteArray::number(position));
    hash.addData("\n");
    hash.addData(QByteArray::number(eventId));
    hash.addData("\n");
    hash.addData(canonicalContent(event));
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace signoff::audit_chain
