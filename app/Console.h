// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Error.h"

#include <QString>
#include <optional>

namespace signoff::console {

// Exit statuses of the command line: 1 for anything that went wrong with the
// data or the database, 2 for a command line that makes no sense.
constexpr int exitOk = 0;
constexpr int exitFailure = 1;
constexpr int exitUsage = 2;

void print(const QString &text);      // a line on standard output
void printError(const QString &text); // "signoff: <text>" on standard error, one line

int fail(const QString &message);     // printError, then exitFailure
int fail(const Error &error);         // the error's summary, then exitFailure
int usageError(const QString &message);

// Reads a password from standard input: prompts without echo on a terminal,
// otherwise takes the first line. Nothing when input ends first.
std::optional<QString> readPassword(const QString &prompt);
bool stdinIsTerminal();

} // namespace signoff::console
