// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QLatin1StringView>
#include <QString>

namespace signoff::rest {

// Writes compact JSON straight into bytes, for the representations served
// most (features and pages of them): building a QJsonObject and serialising
// it costs several times more. Keys are written as given (callers keep them
// in the order QJsonDocument would use, alphabetical, so both agree).
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 512) { m_out.reserve(reserve); }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    // A member's name; its value follows. `name` needs no escaping.
    void key(QLatin1StringView name);

    void string(const QString &text);
    void number(qint64 value);
    void boolean(bool value);
    void null();
    // RFC 3339 in UTC with milliseconds and "Z", or null for an invalid time.
    void timestamp(const QDateTime &at);
    // Text that is already JSON (a nested document).
    void raw(const QByteArray &json);

    QByteArray take() { return std::move(m_out); }

private:
    void open(char bracket);
    void close(char bracket);
    void beforeValue();

    QByteArray m_out;
    bool m_first = true;     // nothing written yet in the current object or array
    bool m_afterKey = false; // a key was written; its value comes next
};

} // namespace signoff::rest
