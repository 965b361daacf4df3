// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QSslConfiguration>
#include <QString>

namespace signoff::rest {

// HTTPS settings read from PEM files: the server's certificate (followed by
// any intermediate certificates) and its private key (RSA or EC, not
// encrypted). On failure `error` says which file is wrong and why, in
// English for the command line; it never contains the key.
struct TlsFiles
{
    QSslConfiguration configuration;
    QString error;       // empty: the configuration is usable
    QString warning;     // e.g. the certificate has expired (served anyway)
};

TlsFiles loadTlsFiles(const QString &certificateFile, const QString &keyFile);

} // namespace signoff::rest
