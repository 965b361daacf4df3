// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "JsonWriter.h"

#include "domain/Timestamp.h"

namespace signoff::rest {

void JsonWriter::open(char bracket)
{
    beforeValue();
    m_out.append(bracket);
    m_first = true;
}

void JsonWriter::close(char bracket)
{
    m_out.append(bracket);
    m_first = false;
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first)
        m_out.append(',');
    m_first = false;
}

void JsonWriter::key(QLatin1StringView name)
{
    beforeValue();
    m_out.append('"');
    m_out.append(name.data(), name.size());
    m_out.append("\":", 2);
    m_afterKey = true;
}

void JsonWriter::string(const QString &text)
{
    beforeValue();
    // Most text is printable ASCII with nothing to escape: copied as it is.
    const char16_t *units = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype length = text.size();
    bool plainAscii = true;
    for (qsizetype i = 0; plainAscii && i < length; ++i)
        plainAscii = units[i] >= 0x20 && units[i] < 0x80 && units[i] != u'"' && units[i] != u'\\';
    if (plainAscii) {
        const qsizetype start = m_out.size();
        m_out.resize(start + length + 2);
        char *out = m_out.data() + start;
        *out++ = '"';
        for (qsizetype i = 0; i < length; ++i)
            *out++ = char(units[i]);
        *out = '"';
        return;
    }
    // Otherwise UTF-8, unit by unit: controls escaped, and half a surrogate
    // pair (no character, and not encodable in UTF-8) as \uXXXX, as
    // QJsonDocument writes it, so that both kinds of representation agree.
    static constexpr char hex[] = "0123456789abcdef";
    m_out.append('"');
    qsizetype plain = 0; // start of a run that needs no escaping
    const auto appendPlain = [&](qsizetype end) {
        if (end > plain)
            m_out.append(QStringView(units + plain, end - plain).toUtf8());
    };
    for (qsizetype i = 0; i < length; ++i) {
        const char16_t c = units[i];
        if (QChar::isHighSurrogate(c) && i + 1 < length && QChar::isLowSurrogate(units[i + 1])) {
            ++i;
            continue;
        }
        if (c >= 0x20 && c != u'"' && c != u'\\' && !QChar::isSurrogate(c))
            continue;
        appendPlain(i);
        plain = i + 1;
        switch (c) {
        case u'"': m_out.append("\\\"", 2); break;
        case u'\\': m_out.append("\\\\", 2); break;
        case u'\b': m_out.append("\\b", 2); break;
        case u'\f': m_out.append("\\f", 2); break;
        case u'\n': m_out.append("\\n", 2); break;
        case u'\r': m_out.append("\\r", 2); break;
        case u'\t': m_out.append("\\t", 2); break;
        default: {
            const char escaped[] = {'\\', 'u', hex[(c >> 12) & 0xf], hex[(c >> 8) & 0xf], hex[(c >> 4) & 0xf], hex[c & 0xf]};
            m_out.append(escaped, 6);
        }
        }
    }
    appendPlain(length);
    m_out.append('"');
}

void JsonWriter::number(qint64 value)
{
    beforeValue();
    m_out.append(QByteArray::number(value));
}

void JsonWriter::boolean(bool value)
{
    beforeValue();
    m_out.append(value ? QByteArrayView("true") : QByteArrayView("false"));
}

void JsonWriter::null()
{
    beforeValue();
    m_out.append("null", 4);
}

void JsonWriter::timestamp(const QDateTime &at)
{
    if (!at.isValid()) {
        null();
        return;
    }
    beforeValue();
    m_out.append('"');
    m_out.append(utcTimestampText(at));
    m_out.append('"');
}

void JsonWriter::raw(const QByteArray &json)
{
    beforeValue();
    m_out.append(json);
}

} // namespace signoff::rest
