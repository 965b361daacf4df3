// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OrderService.h"
#include "domain/LogText.h"

#include "ItemWorkflow.h"
#include "ServiceLog.h"
#include "domain/Clock.h"
#include "domain/Identifier.h"
#include "domain/Validation.h"
#include "storage/AuditRepository.h"
#include "storage/OrderRepository.h"
#include "storage/ProductRepository.h"

#include <QJsonArray>

namespace signoff {

namespace {

struct OrderTraits
{
    using Item = Order;
    using Repository = OrderRepository;
    static constexpr EntityType entityType = EntityType::Order;

    static Message notFound() { return Message(QT_TRANSLATE_NOOP("Core", "There is no such order.")); }

    static std::optional<Error> checkTransition(const Order &order, WorkflowAction action)
    {
        if (action == WorkflowAction::Submit && order.lines.isEmpty())
            return Error::conflict(QStringLiteral("empty-order"),
                                   Message(QT_TRANSLATE_NOOP("Core", "Add at least one line before submitting the order.")));
        return std::nullopt;
    }

    static int requiredApprovals(const ApprovalPolicy &policy, const Order &order)
    {
        return policy.requiredForOrder(order.totalCents());
    }

    static QJsonObject auditSummary(const Order &order)
    {
        return {{QStringLiteral("lines"), order.lines.size()}, {QStringLiteral("total_cents"), order.totalCents()}};
    }
};

using OrderWorkflow = ItemWorkflow<OrderTraits>;

// Turns requested lines into priced lines: each product must exist and be
// on sale, and the total must stay exact in every JSON client.
Result<QList<LineItem>> priceLines(Connection &connection, const QList<NewLine> &requested)
{
    ProductRepository products(connection);
    QList<LineItem> lines;
    qint64 total = 0;
    for (qsizetype i = 0; i < requested.size(); ++i) {
        const QString field = QStringLiteral("lines[%1].product_id").arg(i);
        auto product = products.findById(requested.at(i).productId);
        if (!product)
            return product.error();
        if (!product.value())
            return Error::invalidField(field, Message(QT_TRANSLATE_NOOP("Core", "There is no such product.")));
        if (!product.value()->active)
            return Error::invalidField(field, Message(QT_TRANSLATE_NOOP("Core", "The product ‘%1’ is no longer available."),
                                                      {product.value()->sku}));
        LineItem line;
        line.id = newIdentifier();
        line.productId = product.value()->id;
        line.productSku = product.value()->sku;
        line.productName = product.value()->name;
        line.quantity = requested.at(i).quantity;
        line.unitPriceCents = product.value()->priceCents;
        qint64 lineTotal = 0;
        if (__builtin_mul_overflow(line.unitPriceCents, qint64(line.quantity), &lineTotal)
            || __builtin_add_overflow(total, lineTotal, &total) || total > limits::priceCentsMax)
            return Error::invalidField(QStringLiteral("lines"),
                                       Message(QT_TRANSLATE_NOOP("Core", "The order total is too large.")));
        lines.append(line);
    }
    return lines;
}

} // namespace

OrderService::OrderService(ServiceContext &context)
    : m_context(context)
{
}

Result<Order> OrderService::create(const Actor &actor, const NewOrder &input)
{
    if (const QList<FieldError> problems = validate::newOrder(input); !problems.isEmpty())
        return Error::invalid(problems);

    auto result = m_context.database.write([&](Connection &connection) -> Result<Order> {
        auto lines = priceLines(connection, input.lines);
        if (!lines)
            return lines.error();
        Order order;
        order.id = newIdentifier();
        order.ownerId = actor.id;
        order.ownerUsername = actor.username;
        order.status = Workflow::initialStatus;
        order.note = normalizedText(input.note);
        order.lines = lines.value();
        order.version = 1;
        order.createdAt = utcNow();
        order.updatedAt = order.createdAt;
        if (auto inserted = OrderRepository(connection).insert(order); !inserted)
            return inserted.error();
        AuditEvent event = auditEvent(actor, QStringLiteral("create"), EntityType::Order, idText(order.id), order.createdAt);
        event.toStatus = toString(order.status);
        event.version = order.version;
        event.detail = OrderTraits::auditSummary(order);
        if (auto appended = AuditRepository(connection).append(event); !appended)
            return appended.error();
        return order;
    });
    if (result) {
        qCInfo(lcService).noquote() << "order created:" << idText(result->id) << "by" << logText(actor.username);
        m_context.notifier.announce(EntityType::Order, idText(result->id));
    }
    return result;
}

Result<Order> OrderService::get(const Actor &, const QUuid &id)
{
    return m_context.database.read([&](Connection &connection) { return OrderWorkflow::find(connection, id); });
}

Result<Page<Order>> OrderService::list(const Actor &actor, const ItemQuery &query)
{
    return m_context.database.read(
        [&](Connection &connection) { return OrderRepository(connection).list(query, actor.id); });
}

Result<Order> OrderService::update(const Actor &actor, const QUuid &id, const OrderPatch &patch,
                                   std::optional<int> expectedVersion)
{
    if (const QList<FieldError> problems = validate::orderPatch(patch); !problems.isEmpty())
        return Error::invalid(problems);

    auto result = m_context.database.write([&](Connection &connection) -> Result<Order> {
        auto current = OrderWorkflow::findForEdit(connection, actor, id, expectedVersion);
        if (!current)
            return current;
        Order updated = current.value();
        QJsonArray changed;
        if (patch.note && normalizedText(*patch.note) != updated.note) {
            updated.note = normalizedText(*patch.note);
            changed.append(QStringLiteral("note"));
        }
        if (patch.lines) {
            auto lines = priceLines(connection, *patch.lines);
            if (!lines)
                return lines.error();
            updated.lines = lines.value();
            changed.append(QStringLiteral("lines"));
            if (auto replaced = OrderRepository(connection).replaceLines(id, updated.lines); !replaced)
                return replaced.error();
        }
        if (changed.isEmpty())
            return updated;
        updated.version = current->version + 1;
        updated.updatedAt = utcNow();
        AuditEvent event = auditEvent(actor, QStringLiteral("update"), EntityType::Order, idText(id), updated.updatedAt);
        event.version = updated.version;
        event.detail = OrderTraits::auditSummary(updated);
        event.detail.insert(QStringLiteral("changed"), changed);
        if (auto stored = OrderWorkflow::store(connection, updated, current->version, event); !stored)
            return stored.error();
        return updated;
    });
    if (result) {
        qCInfo(lcService).noquote() << "order updated:" << idText(id) << "by" << logText(actor.username);
        m_context.notifier.announce(EntityType::Order, idText(id));
    }
    return result;
}

Result<void> OrderService::remove(const Actor &actor, const QUuid &id, std::optional<int> expectedVersion)
{
    return OrderWorkflow::remove(m_context, actor, id, expectedVersion);
}

Result<Order> OrderService::transition(const Actor &actor, const QUuid &id, WorkflowAction action,
                                       std::optional<int> expectedVersion, const QString &comment)
{
    return OrderWorkflow::transition(m_context, actor, id, action, expectedVersion, comment);
}

Result<QList<Comment>> OrderService::comments(const Actor &, const QUuid &id)
{
    return OrderWorkflow::comments(m_context, id);
}

Result<Comment> OrderService::addComment(const Actor &actor, const QUuid &id, const QString &body)
{
    return OrderWorkflow::addComment(m_context, actor, id, body);
}

Result<QList<AuditEvent>> OrderService::history(const Actor &, const QUuid &id)
{
    return OrderWorkflow::history(m_context, id);
}

} // namespace signoff
