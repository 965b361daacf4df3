// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Connection.h"
#include "domain/Result.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace signoff {

// Sign-in attempts per user name, in the database so that every process on it
// counts the same ones (docs/design.md, "Several instances"). Names are kept
// only as their SHA-256 (`nameKey`).
class SignInAttemptRepository
{
public:
    explicit SignInAttemptRepository(Connection &connection) : m_connection(connection) {}

    // Makes the name's attempts take turns across processes until the
    // transaction ends (PostgreSQL; SQLite's writes take turns anyway).
    Result<void> lockName(const QString &nameKey);
    // Forgets every attempt that started before `cutoff`, of every name.
    Result<void> removeBefore(const QDateTime &cutoff);
    // The name's attempts since `cutoff` and the oldest one's start.
    struct Recent
    {
        int count = 0;
        QDateTime oldest;
    };
    Result<Recent> recentFor(const QString &nameKey, const QDateTime &cutoff);
    // Records an attempt; its id.
    Result<qint64> insert(const QString &nameKey, const QDateTime &at);
    Result<void> remove(qint64 id);
    Result<void> removeAllFor(const QString &nameKey);

private:
    Connection &m_connection;
};

} // namespace signoff
