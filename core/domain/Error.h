// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Message.h"

#include <QList>
#include <QString>

namespace signoff {

// The typed errors (docs/design.md, "Errors"). REST maps them to status codes,
// the desktop to messages; nothing else decides what went wrong.
enum class ErrorKind {
    Invalid,
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict,
    PreconditionFailed,
    RateLimited,
    Unavailable,
};

QString toString(ErrorKind kind);

// One rejected input field. `field` uses the API's snake_case names and
// JSON-path-like indexes ("lines[2].quantity") so REST can pass it through.
struct FieldError
{
    QString field;
    Message message;
};

struct Error
{
    ErrorKind kind = ErrorKind::Invalid;
    // Stable machine-readable reason, used as the problem document's type
    // ("validation", "invalid-transition", "duplicate", "stale-version", ...).
    QString reason;
    Message message;
    QList<FieldError> fields;
    // For RateLimited (and Unavailable when busy): seconds until a retry can succeed.
    int retryAfterSeconds = 0;

    static Error invalid(QList<FieldError> fields);
    static Error invalidField(const QString &field, Message message);
    static Error unauthenticated(Message message);
    static Error forbidden(Message message);
    static Error notFound(Message message);
    static Error conflict(const QString &reason, Message message);
    static Error preconditionFailed();
    // A decision (approve, reject) made without saying which version it is
    // about: PreconditionFailed with reason "precondition-required" (428).
    static Error preconditionRequired();
    static Error rateLimited(int retryAfterSeconds, Message message);
    static Error unavailable(Message message);

    // The message of the first field error, or the error's own message.
    QString englishSummary() const;
    QString translatedSummary() const;
};

} // namespace signoff
