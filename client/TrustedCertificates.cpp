// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TrustedCertificates.h"

#include <QCryptographicHash>
#include <QSettings>

namespace signoff::client::TrustedCertificates {

namespace {

// "host:port", lower case: the settings key of a server. Keys hold no '/'
// (a group separator in QSettings), so IPv6 brackets are fine.
QString keyOf(const QUrl &server)
{
    const int defaultPort = server.scheme() == QStringLiteral("https") ? 443 : 80;
    return QStringLiteral("trustedCertificates/%1:%2")
        .arg(server.host(QUrl::EncodeUnicode).toLower(), QString::number(server.port(defaultPort)));
}

QSettings settings()
{
    return QSettings(QStringLiteral("signoff"), QStringLiteral("signoff"));
}

} // namespace

QByteArray fingerprint(const QSslCertificate &certificate)
{
    return certificate.isNull() ? QByteArray() : certificate.digest(QCryptographicHash::Sha256);
}

QString readable(const QByteArray &fingerprint)
{
    return QString::fromLatin1(fingerprint.toHex(':').toUpper());
}

QByteArray pinned(const QUrl &server)
{
    return QByteArray::fromHex(settings().value(keyOf(server)).toByteArray());
}

void pin(const QUrl &server, const QByteArray &fingerprint)
{
    settings().setValue(keyOf(server), fingerprint.toHex());
}

void forget(const QUrl &server)
{
    settings().remove(keyOf(server));
}

} // namespace signoff::client::TrustedCertificates
