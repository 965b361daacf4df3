// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TlsFiles.h"

#include <QDateTime>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace signoff::rest {

namespace {

bool readFile(const QString &path, QByteArray *contents, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    // Certificates and keys are small; a huge file is a mistake.
    *contents = file.read(1024 * 1024);
    return true;
}

} // namespace

TlsFiles loadTlsFiles(const QString &certificateFile, const QString &keyFile)
{
    TlsFiles result;
    if (!QSslSocket::supportsSsl()) {
        result.error = QStringLiteral("TLS is not available: Qt found no OpenSSL library");
        return result;
    }

    QByteArray certificates;
    if (!readFile(certificateFile, &certificates, &result.error))
        return result;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificates, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        result.error = QStringLiteral("%1 holds no PEM certificate (-----BEGIN CERTIFICATE-----)").arg(certificateFile);
        return result;
    }

    QByteArray keyText;
    if (!readFile(keyFile, &keyText, &result.error))
        return result;
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(keyText, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    keyText.fill('\0');
    if (key.isNull()) {
        result.error = QStringLiteral("%1 holds no unencrypted PEM private key (RSA or EC)").arg(keyFile);
        return result;
    }

    const QSslCertificate &leaf = chain.first();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (leaf.expiryDate() < now)
        result.warning = QStringLiteral("the certificate in %1 expired on %2")
                             .arg(certificateFile, leaf.expiryDate().toString(Qt::ISODate));
    else if (leaf.effectiveDate() > now)
        result.warning = QStringLiteral("the certificate in %1 is valid only from %2")
                             .arg(certificateFile, leaf.effectiveDate().toString(Qt::ISODate));

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    result.configuration = configuration;
    return result;
}

} // namespace signoff::rest
