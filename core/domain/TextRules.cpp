// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TextRules.h"

namespace signoff::text {

namespace {

bool isBidiControl(char32_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool isInvisible(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
        return true;
    default:
        // Hangul fillers and the blank Braille pattern: letters and symbols
        // by category, blank on screen.
        return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800;
    }
}

// Every character these rules name is in the Basic Multilingual Plane; a
// surrogate (half of any other character) counts as visible.
template<typename Predicate>
bool anyUnit(const QString &text, Predicate predicate)
{
    for (const QChar c : text) {
        if (predicate(char32_t(c.unicode())))
            return true;
    }
    return false;
}

} // namespace

bool hasBidiControl(const QString &text)
{
    return anyUnit(text, [](char32_t c) { return isBidiControl(c); });
}

bool isBlank(const QString &text)
{
    return !anyUnit(text, [](char32_t c) { return !isInvisible(c); });
}

QString uniquenessKey(const QString &text)
{
    QString visible;
    visible.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).category() != QChar::Other_Format)
            visible += text.at(i);
    }
    return visible.normalized(QString::NormalizationForm_KC)
        .toCaseFolded()
        .normalized(QString::NormalizationForm_KC);
}

} // namespace signoff::text
