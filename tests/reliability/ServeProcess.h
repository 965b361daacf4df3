// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RestTestSupport.h"

#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace signoff::test {

// The signoff executable under test (SIGNOFF_BINARY, set by CMake).
QString signoffBinary();
bool runningAsRoot();

// `signoff serve` as a child process, on a free loopback port.
class ServeProcess
{
public:
    ServeProcess() = default;
    ~ServeProcess(); // SIGKILLs a server still running
    ServeProcess(const ServeProcess &) = delete;
    ServeProcess &operator=(const ServeProcess &) = delete;

    // Starts `signoff --database URL serve --listen 127.0.0.1:0 --rate-limit 0
    // EXTRA...` and waits for "listening on URL". False (see output()) when
    // it exited or did not listen in time.
    bool start(const QString &databaseUrl, const QStringList &extraArguments = {}, int timeoutMs = 60000);
    // start() in two halves, for starting several at once: launch() returns
    // when the process runs, waitUntilListening() when it printed its URL.
    bool launch(const QString &databaseUrl, const QStringList &extraArguments = {});
    bool waitUntilListening(int timeoutMs = 60000);

    QUrl url() const { return m_url; }
    qint64 pid() const;
    bool isRunning() const;
    // Everything the process wrote to standard error so far.
    QString output();
    // SIGKILL: no chance to finish anything, as in a crash or power cut of the process.
    void kill();
    // SIGTERM; true when it exited with status 0 in time.
    bool terminate(int timeoutMs = 30000);
    int exitCode() const { return m_process ? m_process->exitCode() : -1; }
    // /proc/PID/status: VmRSS and VmHWM (the peak), in KiB; -1 when unknown.
    qint64 residentKiB() const;
    qint64 peakResidentKiB() const;

private:
    std::unique_ptr<QProcess> m_process;
    // Standard error goes to a file, not a pipe: a pipe nobody drains while
    // the test blocks on HTTP would fill up and stop the server mid-write.
    QTemporaryDir m_logFolder;
    QString m_output;
    QUrl m_url;
};

// A blocking HTTP/1.1 client over one keep-alive connection (reopened when
// the server closed it): usable from any thread, no event loop needed.
class HttpClient
{
public:
    explicit HttpClient(QUrl url) : m_url(std::move(url)) {}

    Reply send(const QByteArray &method, const QString &path, const QByteArray &token = {},
               const QByteArray &body = {}, const QList<std::pair<QByteArray, QByteArray>> &headers = {},
               int timeoutMs = 30000);
    Reply send(const QByteArray &method, const QString &path, const QByteArray &token, const QJsonObject &body,
               const QList<std::pair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 30000);

    // POST /api/v1/auth/token; empty when it failed.
    QByteArray signIn(const QString &username, const QString &password);

private:
    QUrl m_url;
    std::unique_ptr<RawClient> m_connection;
};

// A tmpfs of `sizeKiB` mounted on a fresh folder (root only), unmounted again
// on destruction. Used for a disk that fills up and a file system that turns
// read-only under a running server.
class TmpfsMount
{
public:
    explicit TmpfsMount(int sizeKiB);
    ~TmpfsMount();
    bool isMounted() const { return m_mounted; }
    QString path() const { return m_folder.path(); }
    QString error() const { return m_error; }

private:
    QTemporaryDir m_folder;
    bool m_mounted = false;
    QString m_error;
};

// Runs a program; its exit status (-1 when it did not run), output in *output.
int runProgram(const QString &program, const QStringList &arguments, QString *output = nullptr, int timeoutMs = 60000);

// Users alice and bob (requesters), carol and dave (reviewers), admin, all
// with `password` and the cheapest hashing, and one product; made through
// core on the database at `url` before any server runs. The product's id.
QString seedUsersAndProduct(const DatabaseUrl &url, const QString &password, QString *error);

} // namespace signoff::test
