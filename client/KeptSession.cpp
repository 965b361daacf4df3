// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "KeptSession.h"

#include <qt6keychain/keychain.h>

namespace signoff::client::KeptSession {

namespace {

const QString service = QStringLiteral("Signoff");

QString keyOf(const QUrl &server, const QString &username)
{
    return server.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash) + u' ' + username;
}

Error keyringError(const QKeychain::Job &job)
{
    return Error::unavailable(Message(QT_TRANSLATE_NOOP("Core", "The system keyring is not available (%1)."),
                                      {job.errorString()}));
}

} // namespace

Call<void> keep(const QUrl &server, const QString &username, const QString &token)
{
    Promise<void> promise;
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setKey(keyOf(server, username));
    job->setTextData(token);
    QObject::connect(job, &QKeychain::Job::finished, [promise](QKeychain::Job *done) {
        promise.finish(done->error() == QKeychain::NoError ? Result<void>() : Result<void>(keyringError(*done)));
    });
    job->start(); // deletes itself once finished
    return promise.call();
}

Call<QString> find(const QUrl &server, const QString &username)
{
    Promise<QString> promise;
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setKey(keyOf(server, username));
    QObject::connect(job, &QKeychain::Job::finished, [promise](QKeychain::Job *done) {
        if (done->error() == QKeychain::EntryNotFound) {
            promise.finish(Error::notFound(Message(QT_TRANSLATE_NOOP("Core", "No session is kept for this server."))));
            return;
        }
        if (done->error() != QKeychain::NoError) {
            promise.finish(keyringError(*done));
            return;
        }
        promise.finish(static_cast<QKeychain::ReadPasswordJob *>(done)->textData());
    });
    job->start();
    return promise.call();
}

Call<void> forget(const QUrl &server, const QString &username)
{
    Promise<void> promise;
    auto *job = new QKeychain::DeletePasswordJob(service);
    job->setKey(keyOf(server, username));
    QObject::connect(job, &QKeychain::Job::finished, [promise](QKeychain::Job *done) {
        const bool gone = done->error() == QKeychain::NoError || done->error() == QKeychain::EntryNotFound;
        promise.finish(gone ? Result<void>() : Result<void>(keyringError(*done)));
    });
    job->start();
    return promise.call();
}

} // namespace signoff::client::KeptSession
