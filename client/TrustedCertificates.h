// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

namespace signoff::client {

// Certificates a person chose to trust for a server that the system does
// not trust (a self-signed one, a company's own authority): per host and
// port, the SHA-256 of the certificate, kept in the settings, like SSH's
// known hosts (docs/design.md, "Team mode"). A server that later presents another
// certificate is refused, never silently accepted.
namespace TrustedCertificates {

// The SHA-256 of a certificate (its DER bytes).
QByteArray fingerprint(const QSslCertificate &certificate);
// "AB:CD:…", as people compare them.
QString readable(const QByteArray &fingerprint);

// The fingerprint trusted for `server`'s host and port; empty: none.
QByteArray pinned(const QUrl &server);
void pin(const QUrl &server, const QByteArray &fingerprint);
void forget(const QUrl &server);

} // namespace TrustedCertificates

} // namespace signoff::client
