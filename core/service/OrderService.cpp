// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OrderService.h"

#include "WorkItemServiceImpl.h"
#include "domain/Identifier.h"
#include "storage/OrderRepository.h"
#include "storage/ProductRepository.h"

#include <QJsonArray>

namespace signoff {

// Orders as the write path sees them (WritePath.h).
struct OrderKind : StoredInRepository<OrderRepository>, DecidedByWorkflow
{
    using Item = Order;
    static constexpr EntityType entityType = EntityType::Order;

    static Message notFound() { return Message(QT_TRANSLATE_NOOP("Core", "There is no such order.")); }
    static QString logName(const Order &order) { return idText(order.id); }

    // The lines by position, as what they order: a line's id is new
    // whenever the lines are written, and its totals follow from these.
    static QJsonArray lineFields(const Order &order)
    {
        QJsonArray lines;
        for (const LineItem &line : order.lines)
            lines.append(QJsonObject{{QStringLiteral("product_id"), idText(line.productId)},
                                     {QStringLiteral("quantity"), line.quantity},
                                     {QStringLiteral("unit_price_cents"), line.unitPriceCents}});
        return lines;
    }
    static QJsonObject fields(const Order &order)
    {
        return {{QStringLiteral("note"), order.note}, {QStringLiteral("lines"), lineFields(order)}};
    }

    static QJsonObject summary(const Order &order)
    {
        return {{QStringLiteral("lines"), order.lines.size()}, {QStringLiteral("total_cents"), order.totalCents()}};
    }

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
};

template class WorkItemService<Order, OrderKind>;

namespace {

using OrderPath = WritePath<OrderKind>;

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
    : WorkItemService(context, EntityType::Order)
{
}

Result<Order> OrderService::create(const Actor &actor, const NewOrder &input)
{
    const auto timing = m_metrics.time(EntityMetrics::Operation::Create);
    if (const QList<FieldError> problems = validate::newOrder(input); !problems.isEmpty())
        return Error::invalid(problems);

    Order order;
    order.id = newIdentifier();
    order.ownerId = actor.id;
    order.ownerUsername = actor.username;
    order.status = Workflow::initialStatus;
    order.note = normalizedText(input.note);
    order.version = 1;
    order.createdAt = utcNow();
    order.updatedAt = order.createdAt;
    OrderPath::Creation creation;
    creation.prepare = [&](Connection &connection, Order &priced) -> Result<void> {
        auto lines = priceLines(connection, input.lines);
        if (!lines)
            return lines.error();
        priced.lines = std::move(lines.value());
        return {};
    };
    auto created = OrderPath::create(m_context, actor, std::move(order), creation);
    if (created)
        m_metrics.created().increment();
    return created;
}

Result<Order> OrderService::get(const Actor &, const QUuid &id)
{
    const auto timing = m_metrics.time(EntityMetrics::Operation::Get);
    return m_context.database.read([&](Connection &connection) { return OrderPath::find(connection, id); });
}

Result<Page<Order>> OrderService::list(const Actor &actor, const ItemQuery &query)
{
    const auto timing = m_metrics.time(EntityMetrics::Operation::List);
    return m_context.database.read(
        [&](Connection &connection) { return OrderRepository(connection).list(query, actor.id); });
}

Result<Order> OrderService::update(const Actor &actor, const QUuid &id, const OrderPatch &patch,
                                   ExpectedVersion expectedVersion)
{
    const auto timing = m_metrics.time(EntityMetrics::Operation::Update);
    if (const QList<FieldError> problems = validate::orderPatch(patch); !problems.isEmpty())
        return Error::invalid(problems);
    OrderPath::Edit edit;
    edit.apply = [&](Connection &connection, Order &order) -> Result<void> {
        if (patch.note)
            order.note = normalizedText(*patch.note);
        if (patch.lines) {
            auto lines = priceLines(connection, *patch.lines);
            if (!lines)
                return lines.error();
            order.lines = std::move(lines.value());
        }
        return {};
    };
    edit.alongside = [&](Connection &connection, const Order &before, const Order &after) -> Result<void> {
        if (OrderKind::lineFields(before) == OrderKind::lineFields(after))
            return {};
        return OrderRepository(connection).replaceLines(after.id, after.lines);
    };
    return OrderPath::update(m_context, actor, id, expectedVersion, edit);
}

} // namespace signoff
