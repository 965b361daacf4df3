// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Error.h"

#include <QtGlobal>

namespace signoff {

QString toString(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Invalid: return QStringLiteral("Invalid");
    case ErrorKind::Unauthenticated: return QStringLiteral("Unauthenticated");
    case ErrorKind::Forbidden: return QStringLiteral("Forbidden");
    case ErrorKind::NotFound: return QStringLiteral("NotFound");
    case ErrorKind::Conflict: return QStringLiteral("Conflict");
    case ErrorKind::PreconditionFailed: return QStringLiteral("PreconditionFailed");
    case ErrorKind::RateLimited: return QStringLiteral("RateLimited");
    case ErrorKind::Unavailable: return QStringLiteral("Unavailable");
    }
    Q_UNREACHABLE();
    return {};
}

Error Error::invalid(QList<FieldError> fields)
{
    Error error{ErrorKind::Invalid, QStringLiteral("validation"),
                Message(QT_TRANSLATE_NOOP("Core", "The input is not valid.")), std::move(fields), 0};
    return error;
}

Error Error::invalidField(const QString &field, Message message)
{
    return invalid({FieldError{field, std::move(message)}});
}

Error Error::unauthenticated(Message message)
{
    return Error{ErrorKind::Unauthenticated, QStringLiteral("unauthenticated"), std::move(message), {}, 0};
}

Error Error::forbidden(Message message)
{
    return Error{ErrorKind::Forbidden, QStringLiteral("forbidden"), std::move(message), {}, 0};
}

Error Error::notFound(Message message)
{
    return Error{ErrorKind::NotFound, QStringLiteral("not-found"), std::move(message), {}, 0};
}

Error Error::conflict(const QString &reason, Message message)
{
    return Error{ErrorKind::Conflict, reason, std::move(message), {}, 0};
}

Error Error::preconditionFailed()
{
    return Error{ErrorKind::PreconditionFailed, QStringLiteral("stale-version"),
                 Message(QT_TRANSLATE_NOOP("Core", "Someone changed this item; reload it.")), {}, 0};
}

Error Error::preconditionRequired()
{
    return Error{ErrorKind::PreconditionFailed, QStringLiteral("precondition-required"),
                 Message(QT_TRANSLATE_NOOP("Core", "A decision must name the version it is about; reload the item and decide again.")),
                 {}, 0};
}

Error Error::rateLimited(int retryAfterSeconds, Message message)
{
    return Error{ErrorKind::RateLimited, QStringLiteral("rate-limited"), std::move(message), {},
                 qMax(1, retryAfterSeconds)};
}

Error Error::unavailable(Message message)
{
    return Error{ErrorKind::Unavailable, QStringLiteral("unavailable"), std::move(message), {}, 0};
}

QString Error::englishSummary() const
{
    return fields.isEmpty() ? message.english() : fields.first().message.english();
}

QString Error::translatedSummary() const
{
    return fields.isEmpty() ? message.translated() : fields.first().message.translated();
}

} // namespace signoff
