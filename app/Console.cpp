// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Console.h"

#include "service/LogWriter.h"

#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace signoff::console {

void print(const QString &text)
{
    QTextStream out(stdout);
    out << text << Qt::endl;
}

void printError(const QString &text)
{
    LogWriter::flushActive();
    QString line = text.simplified();
    QTextStream err(stderr);
    err << QStringLiteral("signoff: ") << line << Qt::endl;
}

int fail(const QString &message)
{
    printError(message);
    return exitFailure;
}

int fail(const Error &error)
{
    QString summary = error.translatedSummary();
    if (!error.fields.isEmpty() && !error.fields.first().field.isEmpty() && error.fields.first().field != QStringLiteral("database"))
        summary = error.fields.first().field + QStringLiteral(": ") + summary;
    return fail(summary);
}

int usageError(const QString &message)
{
    printError(message + QStringLiteral(" (see signoff --help)"));
    return exitUsage;
}

bool stdinIsTerminal()
{
    return isatty(STDIN_FILENO) == 1;
}

std::optional<QString> readPassword(const QString &prompt)
{
    const bool terminal = stdinIsTerminal();
    termios saved{};
    if (terminal) {
        std::fputs(prompt.toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    std::string line;
    const bool gotLine = static_cast<bool>(std::getline(std::cin, line));
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputs("\n", stderr);
    }
    if (!gotLine && line.empty())
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

} // namespace signoff::console
