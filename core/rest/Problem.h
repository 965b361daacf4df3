// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "HttpResponse.h"
#include "domain/Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace signoff::rest {

// An RFC 9457 problem document: every error the server sends, whether it
// comes from core (an Error) or from HTTP itself (405, 413, 415, 431, ...).
// `type` is https://signoff.example/problems/<slug>; `title` is the status's
// reason phrase, `detail` says what happened this time.
struct Problem
{
    int status = 500;
    QString slug;            // the problem type's last segment
    QString detail;
    // Where `detail` came from core: its English source and arguments, sent
    // as "detail_template" so a desktop client shows it in its own
    // language (docs/design.md, "Team mode"), as "message_template" for fields.
    Message detailMessage;
    QList<FieldError> fields; // validation: "errors": [{"field", "message"}]
    int retryAfterSeconds = 0; // 429 (and 503 when known): Retry-After
    bool challenge = false;    // 401: WWW-Authenticate: Bearer
    HeaderList headers;        // anything else the status needs (Allow for 405)
};

inline constexpr char problemTypeBase[] = "https://signoff.example/problems/";

// THE mapping of core's typed errors to HTTP: the only place that decides
// which status an ErrorKind gets.
Problem problemFor(const Error &error);

// Problems that only HTTP knows.
Problem httpProblem(int status, const QString &slug, const QString &detail);

// The document alone ({"type","title","status","detail","errors"?}), for
// answers that hold several (a batch's results).
QJsonObject problemDocument(const Problem &problem);
HttpResponse toResponse(const Problem &problem);
// Also notes the error (kind, reason, message) for the log line of a 5xx.
HttpResponse toResponse(const Error &error);

} // namespace signoff::rest
