#include "Representation.h"

namespace signoff::rest {

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QJsonValue timestamp(const QDateTime &at)
{
    if (!at.isValid())
        return QJsonValue(QJsonValue::Null);
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QString idString(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QJsonObject toJson(const Feature &feature)
{
    return {
        {QStringLiteral("id"), idString(feature.id)},
        {QStringLiteral("name"), feature.name},
        {QStringLiteral("options"), feature.options},
        {QStringLiteral("status"), toString(feature.status)},
        {QStringLiteral("owner"), feature.ownerUsername},
        {QStringLiteral("version"), feature.version},
        {QStringLiteral("created_at"), timestamp(feature.createdAt)},
        {QStringLiteral("updated_at"), timestamp(feature.updatedAt)},
    };
}

QJsonObject toJson(const LineItem &line)
{
    return {
        {QStringLiteral("id"), idString(line.id)},
        {QStringLiteral("product_id"), idString(line.productId)},
        {QStringLiteral("sku"), line.productSku},
        {QStringLiteral("product_name"), line.productName},
        {QStringLiteral("quantity"), line.quantity},
        {QStringLiteral("unit_price_cents"), line.unitPriceCents},
        {QStringLiteral("line_total_cents"), line.lineTotalCents()},
    };
}

QJsonObject toJson(const Order &order)
{
    QJsonArray lines;
    for (const LineItem &line : order.lines)
        lines.append(toJson(line));
    return {
        {QStringLiteral("id"), idString(order.id)},
        {QStringLiteral("status"), toString(order.status)},
        {QStringLiteral("owner"), order.ownerUsername},
        {QStringLiteral("note"), order.note},
        {QStringLiteral("lines"), lines},
        {QStringLiteral("total_cents"), order.totalCents()},
        {QStringLiteral("version"), order.version},
        {QStringLiteral("created_at"), timestamp(order.createdAt)},
        {QStringLiteral("updated_at"), timestamp(order.updatedAt)},
    };
}

QJsonObject toJson(const Product &product)
{
    return {
        {QStringLiteral("id"), idString(product.id)},
        {QStringLiteral("sku"), product.sku},
        {QStringLiteral("name"), product.name},
        {QStringLiteral("price_cents"), product.priceCents},
        {QStringLiteral("active"), product.active},
        {QStringLiteral("version"), product.version},
        {QStringLiteral("created_at"), timestamp(product.createdAt)},
        {QStringLiteral("updated_at"), timestamp(product.updatedAt)},
    };
}

QJsonObject toJson(const User &user)
{
    return {
        {QStringLiteral("id"), idString(user.id)},
        {QStringLiteral("username"), user.username},
        {QStringLiteral("display_name"), user.displayName},
        {QStringLiteral("role"), toString(user.role)},
        {QStringLiteral("disabled"), user.disabled},
        {QStringLiteral("version"), user.version},
        {QStringLiteral("created_at"), timestamp(user.createdAt)},
        {QStringLiteral("updated_at"), timestamp(user.updatedAt)},
        {QStringLiteral("last_login_at"), timestamp(user.lastLoginAt)},
    };
}

QJsonObject toJson(const AuditEvent &event)
{
    return {
        {QStringLiteral("id"), event.id},
        {QStringLiteral("at"), timestamp(event.at)},
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
}

QJsonObject toJson(const IssuedToken &token)
{
    return {
        {QStringLiteral("token"), token.token},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("expires_at"), timestamp(token.expiresAt)},
    };
}

} // namespace signoff::rest
