// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Error.h"

#include <QByteArray>

namespace signoff::client {

// A refusal from a Signoff server (an application/problem+json document and
// its status) as the core's typed error it came from, so a form shows the
// same field messages and banners as in database mode: the status gives the
// kind, the problem type's last segment the reason ("duplicate",
// "stale-version"), "errors" the fields. Where the server sends a message's
// English source and arguments (the "detail_template" and
// "message_template" members), the message is translated here like core's
// own; otherwise its English text is shown as sent.
Error errorFromProblem(int status, const QByteArray &body, const QByteArray &retryAfter = {});

// A message a server sent: translated by its source when the source is one
// of core's ("Core" context), as it was sent otherwise.
Message serverMessage(const QString &source, const QStringList &arguments);
Message serverText(const QString &text);

} // namespace signoff::client
