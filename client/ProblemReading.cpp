// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ProblemReading.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <set>

namespace signoff::client {

namespace {

// Message keeps its source as a `const char *` that lives as long as the
// program (core's are literals). A server's sources are kept here, once
// each; a server cannot make this grow without bound.
constexpr std::size_t maxKeptSources = 2048;
constexpr qsizetype maxSourceLength = 4096;

const char *keptSource(const QString &source)
{
    static QMutex mutex;
    static std::set<QByteArray> kept;
    const QByteArray utf8 = source.left(maxSourceLength).toUtf8();
    const QMutexLocker lock(&mutex);
    auto found = kept.find(utf8);
    if (found == kept.end()) {
        if (kept.size() >= maxKeptSources)
            return nullptr;
        found = kept.insert(utf8).first;
    }
    return found->constData();
}

const char plainText[] = "%1";

Message messageFrom(const QJsonValue &text, const QJsonValue &sourced)
{
    const QJsonObject templ = sourced.toObject();
    const QString source = templ.value(QStringLiteral("text")).toString();
    if (!source.isEmpty()) {
        QStringList arguments;
        for (const QJsonValue &argument : templ.value(QStringLiteral("arguments")).toArray())
            arguments.append(argument.toString());
        return serverMessage(source, arguments);
    }
    return serverText(text.toString());
}

ErrorKind kindOf(int status)
{
    switch (status) {
    case 400: return ErrorKind::Invalid;
    case 401: return ErrorKind::Unauthenticated;
    case 403: return ErrorKind::Forbidden;
    case 404: return ErrorKind::NotFound;
    case 409: return ErrorKind::Conflict;
    case 412: return ErrorKind::PreconditionFailed;
    case 428: return ErrorKind::PreconditionFailed;
    case 429: return ErrorKind::RateLimited;
    default: return status >= 400 && status < 500 ? ErrorKind::Invalid : ErrorKind::Unavailable;
    }
}

} // namespace

Message serverMessage(const QString &source, const QStringList &arguments)
{
    if (const char *kept = keptSource(source))
        return Message(kept, arguments);
    // Too many different sources (a server gone wild): the text as it came.
    QString text = source;
    for (qsizetype i = 0; i < arguments.size() && i < 9; ++i)
        text.replace(QStringLiteral("%%1").arg(i + 1), arguments.at(i));
    return serverText(text);
}

Message serverText(const QString &text)
{
    return Message(plainText, {text});
}

Error errorFromProblem(int status, const QByteArray &body, const QByteArray &retryAfter)
{
    const QJsonObject problem = QJsonDocument::fromJson(body).object();
    Error error;
    error.kind = kindOf(status);
    const QString type = problem.value(QStringLiteral("type")).toString();
    error.reason = type.section(u'/', -1);
    error.message = messageFrom(problem.value(QStringLiteral("detail")), problem.value(QStringLiteral("detail_template")));
    if (error.message.english().isEmpty()) {
        const QString title = problem.value(QStringLiteral("title")).toString();
        error.message = serverText(title.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : title);
    }
    for (const QJsonValue &value : problem.value(QStringLiteral("errors")).toArray()) {
        const QJsonObject field = value.toObject();
        error.fields.append(FieldError{field.value(QStringLiteral("field")).toString(),
                                       messageFrom(field.value(QStringLiteral("message")),
                                                   field.value(QStringLiteral("message_template")))});
    }
    if (error.kind == ErrorKind::RateLimited) {
        bool ok = false;
        const int seconds = retryAfter.trimmed().toInt(&ok);
        error.retryAfterSeconds = ok && seconds > 0 ? seconds : 1;
    }
    return error;
}

} // namespace signoff::client
