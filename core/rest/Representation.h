// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/ApprovalPolicy.h"
#include "domain/AuditEvent.h"
#include "domain/Comment.h"
#include "domain/Feature.h"
#include "domain/Order.h"
#include "domain/Page.h"
#include "domain/Product.h"
#include "domain/Stats.h"
#include "domain/User.h"
#include "domain/Webhook.h"
#include "service/AuthService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace signoff::rest {

// The JSON of the API (docs/design.md, "API"): snake_case names, ids as UUIDs without
// braces, timestamps RFC 3339 in UTC with "Z", money in integer cents.
QJsonValue timestamp(const QDateTime &at);
QString idString(const QUuid &id);

QJsonObject toJson(const Feature &feature);
QJsonObject toJson(const Order &order);
QJsonObject toJson(const LineItem &line);
QJsonObject toJson(const Product &product);
QJsonObject toJson(const User &user); // never a password hash: User has none
QJsonObject toJson(const AuditEvent &event);
QJsonObject toJson(const Approval &approval);
QJsonObject toJson(const Comment &comment);
QJsonObject toJson(const ApprovalPolicy &policy);
QJsonObject toJson(const Stats &stats);
QJsonObject toJson(const IssuedToken &token);
// An endpoint; its "secret" only when it carries one (the answer to its creation).
QJsonObject toJson(const WebhookEndpoint &endpoint);
QJsonObject toJson(const WebhookDelivery &delivery);
QJsonObject toJson(const WebhookAttempt &attempt);

// {"items": [...], "next": cursor or null}
template<typename T>
QJsonObject toJson(const Page<T> &page)
{
    QJsonArray items;
    for (const T &item : page.items)
        items.append(toJson(item));
    return {{QStringLiteral("items"), items},
            {QStringLiteral("next"), page.next.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(page.next)}};
}

// The same as bytes: written directly for what is served most (a feature, a
// page of features), through QJsonDocument for the rest. Both give the same
// document, keys in the same (alphabetical) order.
template<typename T>
QByteArray toJsonBytes(const T &value)
{
    return QJsonDocument(toJson(value)).toJson(QJsonDocument::Compact);
}
QByteArray toJsonBytes(const Feature &feature);
QByteArray toJsonBytes(const Page<Feature> &page);

// {"items": [...]} for lists that are not paged (an item's history).
template<typename T>
QJsonObject itemsJson(const QList<T> &list)
{
    QJsonArray items;
    for (const T &item : list)
        items.append(toJson(item));
    return {{QStringLiteral("items"), items}};
}

} // namespace signoff::rest
