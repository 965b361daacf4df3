// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "JsonBody.h"

#include "domain/Validation.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QList>
#include <QLocale>
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

// Significant digits of a number's text: "0.0150" has 2, "1500" has 2.
qsizetype significantDigits(QByteArray text)
{
    if (const qsizetype exponent = qMax(text.indexOf('e'), text.indexOf('E')); exponent >= 0)
        text.truncate(exponent);
    text.replace("-", "").replace(".", "");
    qsizetype first = 0;
    while (first < text.size() && text.at(first) == '0')
        ++first;
    qsizetype last = text.size();
    while (last > first && text.at(last - 1) == '0')
        --last;
    return last - first;
}

// Whether a JSON number literal survives parsing unchanged: Qt keeps whole
// numbers within 64 bits exactly and everything else as a double, which
// comes back as its shortest form. 123456789012345678901234567890 would be
// stored as 1.2345678901234568e+29, and 3.14159265358979323846 as
// 3.141592653589793, without a word: refused instead.
bool keptExactly(const QByteArray &literal)
{
    if (!literal.contains('.') && !literal.contains('e') && !literal.contains('E')) {
        bool fits = false;
        literal.toLongLong(&fits);
        return fits;
    }
    bool ok = false;
    const double value = literal.toDouble(&ok);
    if (!ok)
        return true; // not a number Qt reads: its parser says so
    return significantDigits(literal) <= significantDigits(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
}

std::optional<QByteArray> firstInexactNumber(const QByteArray &json)
{
    qsizetype at = 0;
    while (at < json.size()) {
        const char c = json.at(at);
        if (c == '"') {
            readString(json, &at);
            continue;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            const qsizetype start = at;
            while (at < json.size() && (QByteArrayView("+-.eE").contains(json.at(at)) || (json.at(at) >= '0' && json.at(at) <= '9')))
                ++at;
            const QByteArray literal = json.mid(start, at - start);
            if (!keptExactly(literal))
                return literal;
            continue;
        }
        ++at;
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
    if (const std::optional<QByteArray> number = firstInexactNumber(body))
        return invalidBody(Message(QT_TRANSLATE_NOOP("Rest", "The number %1 cannot be kept exactly: use a whole number of at "
                                                             "most 64 bits, a number of at most 15 significant digits, or a string."),
                                   {QString::fromLatin1(number->left(64))}));
    // A NUL would cut the statement that QPSQL formats (qt-6.4-notes.md),
    // and is no character a person means: refused wherever it is.
    if (const std::optional<QString> field = firstMemberWithNul(document.object()))
        return Error::invalidField(*field, Message(QT_TRANSLATE_NOOP("Rest", "Text cannot contain NUL characters (U+0000).")));
    return document.object();
}

} // namespace signoff::rest
