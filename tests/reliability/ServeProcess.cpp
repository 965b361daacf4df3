// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ServeProcess.h"

#include "service/Services.h"
#include "storage/OpenDatabase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

#include <csignal>
#include <unistd.h>

namespace signoff::test {

QString signoffBinary()
{
    return qEnvironmentVariable("SIGNOFF_BINARY");
}

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

ServeProcess::~ServeProcess()
{
    if (isRunning())
        kill();
}

bool ServeProcess::start(const QString &databaseUrl, const QStringList &extraArguments, int timeoutMs)
{
    return launch(databaseUrl, extraArguments) && waitUntilListening(timeoutMs);
}

bool ServeProcess::launch(const QString &databaseUrl, const QStringList &extraArguments)
{
    m_process = std::make_unique<QProcess>();
    m_output.clear();
    m_url.clear();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setStandardOutputFile(QProcess::nullDevice());
    m_process->setStandardErrorFile(m_logFolder.filePath(QStringLiteral("stderr.log")));
    m_process->start(signoffBinary(), QStringList{QStringLiteral("--database"), databaseUrl, QStringLiteral("serve"),
                                                  QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                                  QStringLiteral("--rate-limit"), QStringLiteral("0")}
                                          + extraArguments);
    return m_process->waitForStarted(10000);
}

bool ServeProcess::waitUntilListening(int timeoutMs)
{
    if (!m_process)
        return false;
    static const QRegularExpression listening(QStringLiteral("listening on (https?://[0-9.]+:\\d+)"));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        const QRegularExpressionMatch match = listening.match(output());
        if (match.hasMatch()) {
            m_url = QUrl(match.captured(1));
            return true;
        }
        if (m_process->state() == QProcess::NotRunning)
            return false;
        m_process->waitForFinished(100);
    }
    return false;
}

qint64 ServeProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

bool ServeProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QString ServeProcess::output()
{
    QFile log(m_logFolder.filePath(QStringLiteral("stderr.log")));
    if (log.open(QIODevice::ReadOnly))
        m_output = QString::fromUtf8(log.readAll());
    return m_output;
}

void ServeProcess::kill()
{
    if (!isRunning())
        return;
    ::kill(pid_t(pid()), SIGKILL);
    m_process->waitForFinished(30000);
    output();
}

bool ServeProcess::terminate(int timeoutMs)
{
    if (!isRunning())
        return false;
    ::kill(pid_t(pid()), SIGTERM);
    const bool finished = m_process->waitForFinished(timeoutMs);
    output();
    return finished && m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
}

namespace {

qint64 statusField(qint64 pid, const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (pid <= 0 || !status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

qint64 ServeProcess::residentKiB() const
{
    return statusField(pid(), "VmRSS");
}

qint64 ServeProcess::peakResidentKiB() const
{
    return statusField(pid(), "VmHWM");
}

Reply HttpClient::send(const QByteArray &method, const QString &path, const QByteArray &token, const QJsonObject &body,
                       const QList<std::pair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    return send(method, path, token, QJsonDocument(body).toJson(QJsonDocument::Compact), headers, timeoutMs);
}

Reply HttpClient::send(const QByteArray &method, const QString &path, const QByteArray &token, const QByteArray &body,
                       const QList<std::pair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QByteArray request = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: " + m_url.host().toLatin1() + "\r\n";
    bool hasContentType = false;
    for (const auto &[name, value] : headers) {
        request += name + ": " + value + "\r\n";
        hasContentType = hasContentType || name.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty() && !hasContentType)
        request += "Content-Type: application/json\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PATCH" || method == "PUT")
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n" + body;

    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!m_connection || !m_connection->isConnected())
            m_connection = std::make_unique<RawClient>(m_url);
        if (!m_connection->isConnected())
            break;
        m_connection->send(request);
        Reply reply = m_connection->readResponse(timeoutMs, method == "HEAD");
        if (reply.status != 0) {
            if (reply.header("connection").toLower() == "close")
                m_connection.reset();
            return reply;
        }
        // A kept-alive connection the server closed meanwhile: one retry on a
        // fresh one, but never of a request that may have been acted on.
        m_connection.reset();
        if (method != "GET")
            break;
    }
    Reply failed;
    failed.transportError = QStringLiteral("no answer");
    return failed;
}

QByteArray HttpClient::signIn(const QString &username, const QString &password)
{
    const Reply reply = send("POST", QStringLiteral("/api/v1/auth/token"), {},
                             QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    return reply.status == 200 ? reply.json.value(QStringLiteral("token")).toString().toLatin1() : QByteArray();
}

TmpfsMount::TmpfsMount(int sizeKiB)
{
    if (!m_folder.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return;
    }
    QString output;
    const int status = runProgram(QStringLiteral("mount"),
                                  {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                   QStringLiteral("size=%1k,mode=0700").arg(sizeKiB), QStringLiteral("tmpfs"), m_folder.path()},
                                  &output);
    m_mounted = status == 0;
    if (!m_mounted)
        m_error = QStringLiteral("mount -t tmpfs failed: %1").arg(output.trimmed());
}

TmpfsMount::~TmpfsMount()
{
    if (m_mounted && runProgram(QStringLiteral("umount"), {m_folder.path()}) != 0)
        runProgram(QStringLiteral("umount"), {QStringLiteral("-l"), m_folder.path()});
}

int runProgram(const QString &program, const QStringList &arguments, QString *output, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        if (output)
            *output = QStringLiteral("%1 did not start").arg(program);
        return -1;
    }
    process.waitForFinished(timeoutMs);
    if (output)
        *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QString seedUsersAndProduct(const DatabaseUrl &url, const QString &password, QString *error)
{
    auto database = openDatabase(url);
    if (!database) {
        *error = describe(database.error());
        return {};
    }
    ChangeNotifier notifier;
    ServiceOptions options;
    options.passwordCost = PasswordHasher::Cost::Minimum;
    Services services(*database.value(), notifier, options);
    const QList<std::pair<QString, Role>> users{{QStringLiteral("admin"), Role::Admin},
                                                {QStringLiteral("alice"), Role::Requester},
                                                {QStringLiteral("bob"), Role::Requester},
                                                {QStringLiteral("carol"), Role::Reviewer},
                                                {QStringLiteral("dave"), Role::Reviewer}};
    for (const auto &[name, role] : users) {
        auto user = services.users().create(Actor::system(), NewUser{name, name.toUpper(), role, password});
        if (!user) {
            *error = describe(user.error());
            return {};
        }
    }
    auto admin = services.auth().signIn(QStringLiteral("admin"), password);
    if (!admin) {
        *error = describe(admin.error());
        return {};
    }
    auto product = services.products().create(admin->actor(), NewProduct{QStringLiteral("SKU-1"), QStringLiteral("Widget"), 250, true});
    if (!product) {
        *error = describe(product.error());
        return {};
    }
    return product->id.toString(QUuid::WithoutBraces);
}

} // namespace signoff::test
