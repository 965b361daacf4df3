// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QUuid>
#include <optional>

namespace signoff::rest {

enum class Presence { Optional, Required };

// Reads the fields of one JSON object of a request body the way the OpenAPI
// document describes them: required or not, of the right JSON type, and no
// field that is not in the schema. It does not judge values (length, range,
// format): that is core's validation. Problems are collected, not returned
// one at a time, so one 400 names every field that is wrong.
class JsonFields
{
public:
    // `path` prefixes the field names in errors, e.g. "lines[2]".
    explicit JsonFields(QJsonObject object, QString path = {});

    std::optional<QString> text(const QString &name, Presence presence = Presence::Optional);
    std::optional<qint64> integer(const QString &name, Presence presence = Presence::Optional);
    std::optional<bool> boolean(const QString &name, Presence presence = Presence::Optional);
    std::optional<QJsonObject> object(const QString &name, Presence presence = Presence::Optional);
    std::optional<QJsonArray> array(const QString &name, Presence presence = Presence::Optional);
    // A UUID in its usual text form; anything else is a field error.
    std::optional<QUuid> uuid(const QString &name, Presence presence = Presence::Optional);

    // The name as it appears in errors.
    QString pathOf(const QString &name) const;
    void addProblem(const QString &name, Message message);
    void addProblems(const QList<FieldError> &problems) { m_problems += problems; }

    // Every problem found, fields that are not in the schema included.
    QList<FieldError> problems() const;

private:
    std::optional<QJsonValue> take(const QString &name, Presence presence);

    QJsonObject m_object;
    QString m_path;
    QSet<QString> m_known;
    QList<FieldError> m_problems;
};

} // namespace signoff::rest
