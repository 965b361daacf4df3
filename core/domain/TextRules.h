// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace signoff::text {

// What people cannot see in text, and what makes text look like other text.
// Validation refuses with these; storage keys uniqueness with them.

// Whether `text` holds a character that reorders what is shown (U+061C,
// U+200E, U+200F, U+202A–U+202E, U+2066–U+2069): U+202E followed by
// "txt.exe" shows as "exe.txt".
bool hasBidiControl(const QString &text);

// Whether nothing in `text` is visible: only white space, format characters
// (zero-width space, joiners, U+FEFF), control characters, combining marks
// with nothing to combine with, and the Hangul and Braille fillers. Empty
// text is blank.
bool isBlank(const QString &text);

// The key under which two names are the same name: compatibility
// decomposition and composition (NFKC, so "ﬁ" is "fi" and a full-width "Ａ"
// is "A"), case folded ("Dark mode" is "dark mode"), with format characters
// (a zero-width space inside a name) left out. For ASCII text it is the text
// in lower case, which is what the migration that introduced the keys
// computed for names already stored.
QString uniquenessKey(const QString &text);

} // namespace signoff::text
