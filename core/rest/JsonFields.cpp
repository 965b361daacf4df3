// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "JsonFields.h"

#include <cmath>

namespace signoff::rest {

namespace {
// Integers beyond this are not exact in every JSON client.
constexpr double maxExactInteger = 9007199254740991.0;
} // namespace

JsonFields::JsonFields(QJsonObject object, QString path)
    : m_object(std::move(object))
    , m_path(std::move(path))
{
}

QString JsonFields::pathOf(const QString &name) const
{
    // A member whose name is empty ({"": 1}) is named as JSON writes it, so
    // that no error points at nothing (found by fuzz_json_bodies).
    const QString shown = name.isEmpty() ? QStringLiteral("\"\"") : name;
    return m_path.isEmpty() ? shown : m_path + u'.' + shown;
}

void JsonFields::addProblem(const QString &name, Message message)
{
    m_problems.append(FieldError{pathOf(name), std::move(message)});
}

std::optional<QJsonValue> JsonFields::take(const QString &name, Presence presence)
{
    m_known.insert(name);
    const auto it = m_object.constFind(name);
    if (it == m_object.constEnd()) {
        if (presence == Presence::Required)
            addProblem(name, Message(QT_TRANSLATE_NOOP("Rest", "This field is required.")));
        return std::nullopt;
    }
    return it.value();
}

std::optional<QString> JsonFields::text(const QString &name, Presence presence)
{
    const auto value = take(name, presence);
    if (!value)
        return std::nullopt;
    if (!value->isString()) {
        addProblem(name, Message(QT_TRANSLATE_NOOP("Rest", "This must be a string.")));
        return std::nullopt;
    }
    return value->toString();
}

std::optional<qint64> JsonFields::integer(const QString &name, Presence presence)
{
    const auto value = take(name, presence);
    if (!value)
        return std::nullopt;
    const double number = value->toDouble();
    if (!value->isDouble() || std::trunc(number) != number || std::fabs(number) > maxExactInteger) {
        addProblem(name, Message(QT_TRANSLATE_NOOP("Rest", "This must be a whole number between -%1 and %1."),
                                 {QString::number(qint64(maxExactInteger))}));
        return std::nullopt;
    }
    return qint64(number);
}

std::optional<bool> JsonFields::boolean(const QString &name, Presence presence)
{
    const auto value = take(name, presence);
    if (!value)
        return std::nullopt;
    if (!value->isBool()) {
        addProblem(name, Message(QT_TRANSLATE_NOOP("Rest", "This must be true or false.")));
        return std::nullopt;
    }
    return value->toBool();
}

std::optional<QJsonObject> JsonFields::object(const QString &name, Presence presence)
{
    const auto value = take(name, presence);
    if (!value)
        return std::nullopt;
    if (!value->isObject()) {
        addProblem(name, Message(QT_TRANSLATE_NOOP("Rest", "This must be a JSON object.")));
        return std::nullopt;
    }
    return value->toObject();
}

std::optional<QJsonArray> JsonFields::array(const QString &name, Presence presence)
{
    const auto value = take(name, presence);
    if (!value)
        return std::nullopt;
    if (!value->isArray()) {
        addProblem(name, Message(QT_TRANSLATE_NOOP("Rest", "This must be an array.")));
        return std::nullopt;
    }
    return value->toArray();
}

std::optional<QUuid> JsonFields::uuid(const QString &name, Presence presence)
{
    const std::optional<QString> value = text(name, presence);
    if (!value)
        return std::nullopt;
    const QUuid id = value->size() == 36 ? QUuid::fromString(*value) : QUuid();
    if (id.isNull()) {
        addProblem(name, Message(QT_TRANSLATE_NOOP("Rest", "This must be an id such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301.")));
        return std::nullopt;
    }
    return id;
}

QList<FieldError> JsonFields::problems() const
{
    QList<FieldError> problems = m_problems;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_known.contains(it.key()))
            problems.append(FieldError{pathOf(it.key()), Message(QT_TRANSLATE_NOOP("Rest", "This field is unknown; remove it."))});
    }
    return problems;
}

} // namespace signoff::rest
