// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Problem.h"

#include <QJsonArray>
#include <QJsonObject>

namespace signoff::rest {

namespace {

QJsonObject messageTemplate(const Message &message)
{
    return {{QStringLiteral("text"), QString::fromUtf8(message.source())},
            {QStringLiteral("arguments"), QJsonArray::fromStringList(message.arguments())}};
}

int statusOf(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Invalid: return 400;
    case ErrorKind::Unauthenticated: return 401;
    case ErrorKind::Forbidden: return 403;
    case ErrorKind::NotFound: return 404;
    case ErrorKind::Conflict: return 409;
    case ErrorKind::PreconditionFailed: return 412;
    case ErrorKind::RateLimited: return 429;
    case ErrorKind::Unavailable: return 503;
    }
    return 500;
}

} // namespace

Problem problemFor(const Error &error)
{
    Problem problem;
    problem.status = statusOf(error.kind);
    if (error.reason == QLatin1String("precondition-required"))
        problem.status = 428; // a precondition that was missing, not one that failed
    problem.slug = error.reason.isEmpty() ? QStringLiteral("error") : error.reason;
    problem.detail = error.message.english();
    problem.detailMessage = error.message;
    problem.fields = error.fields;
    if (error.kind == ErrorKind::RateLimited)
        problem.retryAfterSeconds = qMax(1, error.retryAfterSeconds);
    else if (error.retryAfterSeconds > 0) // a busy server says when to come back
        problem.retryAfterSeconds = error.retryAfterSeconds;
    problem.challenge = error.kind == ErrorKind::Unauthenticated;
    return problem;
}

Problem httpProblem(int status, const QString &slug, const QString &detail)
{
    Problem problem;
    problem.status = status;
    problem.slug = slug;
    problem.detail = detail;
    return problem;
}

QJsonObject problemDocument(const Problem &problem)
{
    QJsonObject document{
        {QStringLiteral("type"), QString(QLatin1String(problemTypeBase) + problem.slug)},
        {QStringLiteral("title"), QString::fromLatin1(reasonPhrase(problem.status))},
        {QStringLiteral("status"), problem.status},
        {QStringLiteral("detail"), problem.detail},
    };
    if (!problem.detailMessage.isEmpty())
        document.insert(QStringLiteral("detail_template"), messageTemplate(problem.detailMessage));
    if (!problem.fields.isEmpty()) {
        QJsonArray errors;
        for (const FieldError &field : problem.fields) {
            QJsonObject error{{QStringLiteral("field"), field.field},
                              {QStringLiteral("message"), field.message.english()}};
            if (!field.message.isEmpty())
                error.insert(QStringLiteral("message_template"), messageTemplate(field.message));
            errors.append(error);
        }
        document.insert(QStringLiteral("errors"), errors);
    }
    return document;
}

HttpResponse toResponse(const Problem &problem)
{
    HttpResponse response = HttpResponse::json(problem.status, problemDocument(problem));
    response.contentType = mime::problem;
    if (problem.retryAfterSeconds > 0)
        response.setHeader("Retry-After", QByteArray::number(problem.retryAfterSeconds));
    if (problem.challenge)
        response.setHeader("WWW-Authenticate", "Bearer realm=\"signoff\"");
    for (const auto &[name, value] : problem.headers)
        response.setHeader(name, value);
    return response;
}

HttpResponse toResponse(const Error &error)
{
    HttpResponse response = toResponse(problemFor(error));
    response.failure = QStringLiteral("%1 (%2): %3").arg(toString(error.kind), error.reason, error.englishSummary());
    return response;
}

} // namespace signoff::rest
