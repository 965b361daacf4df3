// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "JsonBody.h"

#include "domain/Validation.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QList>
#include <QSet>

namespace signoff::rest {

namespace {

Error invalidBody(Message message)
{
    return Error{ErrorKind::Invalid, QStringLiteral("invalid-body"), std::move(message), {}, 0};
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Reads the JSON string that starts at json[*at] (the opening quote) and
// leaves *at after its closing quote. Escapes are decoded, so "a" and
// "\u0061" are the same name, as they are to every JSON parser.
QString readString(const QByteArray &json, qsizetype *at)
{
    QString text;
    QByteArray raw; // undecoded UTF-8 since the last escape
    const auto flush = [&] {
        if (!raw.isEmpty()) {
            text += QString::fromUtf8(raw);
            raw.clear();
        }
    };
    qsizetype i = *at + 1;
    while (i < json.size() && json.at(i) != '"') {
        const char c = json.at(i);
        if (c != '\\') {
            raw += c;
            ++i;
            continue;
        }
        flush();
        const char escaped = i + 1 < json.size() ? json.at(i + 1) : '\0';
        i += 2;
        switch (escaped) {
        case 'b': text += u'\b'; break;
        case 'f': text += u'\f'; break;
        case 'n': text += u'\n'; break;
        case 'r': text += u'\r'; break;
        case 't': text += u'\t'; break;
        case 'u': {
            char16_t unit = 0;
            for (int digit = 0; digit < 4 && i < json.size(); ++digit, ++i)
                unit = char16_t(unit * 16 + qMax(0, hexValue(json.at(i))));
            text += QChar(unit);
            break;
        }
        default: text += QLatin1Char(escaped); break; // \" \\ \/
        }
    }
    flush();
    *at = i + 1;
    return text;
}

} // namespace

std::optional<QString> firstDuplicateName(const QByteArray &json)
{
    struct Level
    {
        bool isObject = false;
        bool expectsName = false;
        QSet<QString> names;
    };
    QList<Level> levels;
    qsizetype at = 0;
    while (at < json.size()) {
        const char c = json.at(at);
        switch (c) {
        case '{':
            levels.append(Level{true, true, {}});
            ++at;
            break;
        case '[':
            levels.append(Level{false, false, {}});
            ++at;
            break;
        case '}':
        case ']':
            if (!levels.isEmpty())
                levels.removeLast();
            ++at;
            break;
        case ',':
            if (!levels.isEmpty() && levels.last().isObject)
                levels.last().expectsName = true;
            ++at;
            break;
        case '"': {
            const QString text = readString(json, &at);
            if (!levels.isEmpty() && levels.last().isObject && levels.last().expectsName) {
                Level &level = levels.last();
                level.expectsName = false;
                if (level.names.contains(text))
                    return text;
                level.names.insert(text);
            }
            break;
        }
        default: // whitespace, ':', numbers, true, false, null
            ++at;
            break;
        }
    }
    return std::nullopt;
}

Result<QJsonObject> parseJsonObject(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalidBody(Message(QT_TRANSLATE_NOOP("Rest", "The body is not valid JSON: %1 at byte %2."),
                                   {parseError.errorString(), QString::number(parseError.offset)}));
    if (!document.isObject())
        return invalidBody(Message(QT_TRANSLATE_NOOP("Rest", "The body must be a JSON object: {\"name\": value, ...}.")));
    if (const std::optional<QString> duplicate = firstDuplicateName(body))
        return invalidBody(Message(QT_TRANSLATE_NOOP("Rest", "The body names the field ‘%1’ more than once."),
                                   {duplicate->left(64)}));
    // A NUL would cut the statement that QPSQL formats (qt-6.4-notes.md),
    // and is no character a person means: refused wherever it is.
    if (const std::optional<QString> field = firstMemberWithNul(document.object()))
        return Error::invalidField(*field, Message(QT_TRANSLATE_NOOP("Rest", "Text cannot contain NUL characters (U+0000).")));
    return document.object();
}

} // namespace signoff::rest
