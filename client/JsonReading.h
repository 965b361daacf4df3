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
#include "domain/Result.h"
#include "domain/Stats.h"
#include "domain/User.h"
#include "domain/Webhook.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <functional>

namespace signoff::client {

// The REST API's representations (docs/design.md, "API"; core/rest/
// Representation.cpp) read back into core's domain values. A server that
// answers something else (a missing field, a wrong type, a status Signoff
// does not know) is a failure of the server, reported as Unavailable with
// what was wrong, never a half-filled value.
Result<Feature> readFeature(const QJsonValue &json);
Result<Order> readOrder(const QJsonValue &json);
Result<Product> readProduct(const QJsonValue &json);
Result<User> readUser(const QJsonValue &json);
Result<AuditEvent> readAuditEvent(const QJsonValue &json);
Result<Comment> readComment(const QJsonValue &json);
Result<ApprovalPolicy> readPolicy(const QJsonValue &json);
Result<Stats> readStats(const QJsonValue &json);
// The secret only where the answer has one (a new endpoint).
Result<WebhookEndpoint> readWebhook(const QJsonValue &json);
Result<WebhookDelivery> readWebhookDelivery(const QJsonValue &json);

// {"items": [...], "next": cursor or null}
template<typename T>
Result<Page<T>> readPage(const QJsonValue &json, const std::function<Result<T>(const QJsonValue &)> &readItem);
// A plain array (history).
template<typename T>
Result<QList<T>> readList(const QJsonValue &json, const std::function<Result<T>(const QJsonValue &)> &readItem);

// The error for an answer that is not what the API promises.
Error unexpectedAnswer(const QString &what);

// What the request bodies say: the JSON a create or a patch sends.
QJsonObject toJson(const NewFeature &input);
QJsonObject toJson(const FeaturePatch &patch);
QJsonObject toJson(const NewOrder &input);
QJsonObject toJson(const OrderPatch &patch);
QJsonObject toJson(const NewProduct &input);
QJsonObject toJson(const ProductPatch &patch);
QJsonObject toJson(const NewUser &input);
QJsonObject toJson(const UserPatch &patch);
QJsonObject toJson(const NewWebhook &input);
QJsonObject toJson(const WebhookPatch &patch);

template<typename T>
Result<Page<T>> readPage(const QJsonValue &json, const std::function<Result<T>(const QJsonValue &)> &readItem)
{
    const QJsonObject object = json.toObject();
    const QJsonValue items = object.value(QStringLiteral("items"));
    const QJsonValue next = object.value(QStringLiteral("next"));
    if (!json.isObject() || !items.isArray() || !(next.isString() || next.isNull()))
        return unexpectedAnswer(QStringLiteral("a page of items"));
    auto list = readList<T>(items, readItem);
    if (!list)
        return list.error();
    return Page<T>{std::move(list.value()), next.toString()};
}

template<typename T>
Result<QList<T>> readList(const QJsonValue &json, const std::function<Result<T>(const QJsonValue &)> &readItem)
{
    if (!json.isArray())
        return unexpectedAnswer(QStringLiteral("a list"));
    QList<T> items;
    const QJsonArray array = json.toArray();
    items.reserve(array.size());
    for (const QJsonValue &value : array) {
        auto item = readItem(value);
        if (!item)
            return item.error();
        items.append(std::move(item.value()));
    }
    return items;
}

} // namespace signoff::client
