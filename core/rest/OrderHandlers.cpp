#include "Handlers.h"
#include "ItemHandlers.h"

#include <limits>

namespace signoff::rest::handlers {

namespace {

constexpr auto orders = &Services::orders;

// "lines": [{"product_id", "quantity"}, ...] as core's NewLines. A quantity
// beyond int is clamped, so core's range check rejects it with its message.
QList<NewLine> readLines(JsonFields &fields, const QJsonArray &array)
{
    QList<NewLine> lines;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("lines[%1]").arg(i);
        if (!array.at(i).isObject()) {
            fields.addProblems({FieldError{path, Message(QT_TRANSLATE_NOOP("Rest", "This must be a JSON object."))}});
            continue;
        }
        JsonFields line(array.at(i).toObject(), path);
        NewLine parsed;
        parsed.productId = line.uuid(QStringLiteral("product_id"), Presence::Required).value_or(QUuid());
        const qint64 quantity = line.integer(QStringLiteral("quantity"), Presence::Required).value_or(1);
        parsed.quantity = int(qBound(qint64(std::numeric_limits<int>::min()), quantity,
                                     qint64(std::numeric_limits<int>::max())));
        fields.addProblems(line.problems());
        lines.append(parsed);
    }
    return lines;
}

} // namespace

HttpResponse createOrder(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    JsonFields fields(body.value());
    NewOrder input;
    if (auto lines = fields.array(QStringLiteral("lines"), Presence::Required))
        input.lines = readLines(fields, *lines);
    input.note = fields.text(QStringLiteral("note")).value_or(QString());
    if (!fields.problems().isEmpty())
        return invalidResponse(fields.problems());

    auto order = context.services.orders().create(context.user(), input);
    if (!order)
        return toResponse(order.error());
    return createdResponse(order.value(), QStringLiteral("/api/v1/order/") + idString(order->id));
}

HttpResponse updateOrder(RequestContext &context)
{
    auto body = context.jsonObject();
    if (!body)
        return toResponse(body.error());
    JsonFields fields(body.value());
    OrderPatch patch;
    if (auto lines = fields.array(QStringLiteral("lines")))
        patch.lines = readLines(fields, *lines);
    patch.note = fields.text(QStringLiteral("note"));
    if (!fields.problems().isEmpty())
        return invalidResponse(fields.problems());
    auto version = context.expectedVersion();
    if (!version)
        return toResponse(version.error());

    auto order = context.services.orders().update(context.user(), context.id(), patch, version.value());
    if (!order)
        return toResponse(order.error());
    return itemResponse(200, order.value());
}

HttpResponse listOrders(RequestContext &context) { return items::list<orders>(context); }
HttpResponse getOrder(RequestContext &context) { return items::get<orders>(context); }
HttpResponse deleteOrder(RequestContext &context) { return items::remove<orders>(context); }
HttpResponse orderHistory(RequestContext &context) { return items::history<orders>(context); }

HttpResponse submitOrder(RequestContext &context)
{
    return items::transition<orders, WorkflowAction::Submit>(context);
}

HttpResponse approveOrder(RequestContext &context)
{
    return items::transition<orders, WorkflowAction::Approve>(context);
}

HttpResponse rejectOrder(RequestContext &context)
{
    return items::transition<orders, WorkflowAction::Reject>(context);
}

HttpResponse reviseOrder(RequestContext &context)
{
    return items::transition<orders, WorkflowAction::Revise>(context);
}

} // namespace signoff::rest::handlers
