// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LogText.h"

namespace signoff {

namespace {

bool needsEscape(QChar c)
{
    switch (c.category()) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return c == u'\\';
    }
}

void appendEscaped(QString &out, QChar c)
{
    switch (c.unicode()) {
    case u'\\': out += QLatin1String("\\\\"); return;
    case u'\n': out += QLatin1String("\\n"); return;
    case u'\r': out += QLatin1String("\\r"); return;
    case u'\t': out += QLatin1String("\\t"); return;
    default: break;
    }
    const bool byte = c.unicode() < 0x100;
    out += byte ? QLatin1String("\\x") : QLatin1String("\\u");
    out += QString::number(c.unicode(), 16).toUpper().rightJustified(byte ? 2 : 4, u'0');
}

} // namespace

QString logText(QStringView text, qsizetype maxLength)
{
    const QStringView kept = text.left(maxLength);
    QString out;
    out.reserve(kept.size() + 8);
    for (qsizetype i = 0; i < kept.size(); ++i) {
        const QChar c = kept.at(i);
        // A well-formed pair is one printable character, not two surrogates.
        if (c.isHighSurrogate() && i + 1 < kept.size() && kept.at(i + 1).isLowSurrogate()) {
            out += c;
            out += kept.at(++i);
        } else if (needsEscape(c)) {
            appendEscaped(out, c);
        } else {
            out += c;
        }
    }
    if (text.size() > maxLength)
        out += QChar(0x2026);
    return out;
}

} // namespace signoff
