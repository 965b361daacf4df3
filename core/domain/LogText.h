// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringView>

namespace signoff {

// The one way a string that came from outside (a user name, a SKU, a path
// parameter, an error's summary) enters a log line: on one line, readable,
// unable to pass for something else. Backslash becomes "\\"; line breaks,
// tabs and every other control character (C0, DEL, C1: ANSI escapes
// included) become "\n", "\r", "\t" or "\xNN"; format characters (bidi
// controls such as U+202E, zero-width ones), line and paragraph separators
// and broken surrogates become "\uXXXX". Longer than `maxLength` UTF-16
// units: cut there and ended with "…". A name that holds "\nsignoff.service:
// token issued to eve" thus stays inside its own line.
QString logText(QStringView text, qsizetype maxLength = 256);

} // namespace signoff
