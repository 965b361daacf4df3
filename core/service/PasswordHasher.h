// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>

namespace signoff {

// Argon2id through libsodium's crypto_pwhash_str. Passwords exist in clear
// only in the caller's memory; this class never logs or stores them.
class PasswordHasher
{
public:
    enum class Cost {
        Interactive, // libsodium's interactive limits: the product's setting
        Minimum,     // for tests that create many users; never used by the program
    };

    explicit PasswordHasher(Cost cost = Cost::Interactive);

    QString hash(const QString &password) const;
    bool verify(const QString &hash, const QString &password) const;
    // Spends the time of one verification, so an unknown user name takes as
    // long as a wrong password.
    void verifyAgainstDummy(const QString &password) const;

private:
    unsigned long long m_opsLimit;
    size_t m_memLimit;
    QString m_dummyHash;
};

// Random bytes from the operating system's generator, URL-safe base64.
QString randomToken(int bytes);
// Hex SHA-256, for storing API tokens.
QString sha256Hex(const QString &text);
// Constant-time comparison of two equal-length strings.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace signoff
