// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LogWriter.h"

#include <QString>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <unistd.h>

namespace signoff {

namespace {

std::atomic<LogWriter *> activeWriter{nullptr};

constexpr qsizetype batchBytes = 64 * 1024;
constexpr qsizetype queueLimit = 1024 * 1024;
constexpr std::chrono::milliseconds batchWindow{20};

bool mustBeWrittenBeforeReturning(QtMsgType type)
{
    return type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg;
}

void writeAll(int fileDescriptor, const QByteArray &bytes)
{
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(fileDescriptor, data, size_t(left));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return; // nowhere left to log to (a closed pipe, a full disk): the lines are dropped
        data += written;
        left -= written;
    }
}

} // namespace

LogWriter::LogWriter(int fileDescriptor)
    : m_fileDescriptor(fileDescriptor)
{
    m_thread = std::thread([this] { writeLoop(); });
    activeWriter.store(this);
    m_previousHandler = qInstallMessageHandler(&LogWriter::handleMessage);
}

LogWriter::~LogWriter()
{
    qInstallMessageHandler(m_previousHandler);
    activeWriter.store(nullptr);
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_linesQueued.notify_one();
    m_thread.join();
    std::lock_guard lock(m_mutex);
    m_stopped = true;
}

void LogWriter::flush()
{
    std::unique_lock lock(m_mutex);
    if (m_stopped)
        return;
    const quint64 upTo = m_bytesQueued;
    m_flushWanted = true;
    m_linesQueued.notify_one();
    m_linesWritten.wait(lock, [&] { return m_bytesWritten >= upTo; });
}

void LogWriter::flushActive()
{
    if (LogWriter *writer = activeWriter.load())
        writer->flush();
}

void LogWriter::handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString formatted = qFormatLogMessage(type, context, message);
    if (formatted.isNull())
        return; // the pattern left nothing to print (Qt's handler skips these too)
    QByteArray line = formatted.toLocal8Bit();
    line.append('\n');
    if (LogWriter *writer = activeWriter.load())
        writer->append(line, mustBeWrittenBeforeReturning(type));
    else
        writeAll(2, line); // between two handlers, while a writer goes away
}

void LogWriter::append(const QByteArray &line, bool waitUntilWritten)
{
    std::unique_lock lock(m_mutex);
    if (m_stopped) {
        writeAll(m_fileDescriptor, line);
        return;
    }
    m_linesWritten.wait(lock, [&] { return m_queue.size() < queueLimit; });
    const bool wasEmpty = m_queue.isEmpty();
    m_queue.append(line);
    m_bytesQueued += quint64(line.size());
    const quint64 upTo = m_bytesQueued;
    if (waitUntilWritten)
        m_flushWanted = true;
    // The writer sleeps while the queue is empty and then waits one batch
    // window for more lines: it needs waking once per batch, not per line.
    if (wasEmpty || waitUntilWritten || m_queue.size() >= batchBytes)
        m_linesQueued.notify_one();
    if (waitUntilWritten)
        m_linesWritten.wait(lock, [&] { return m_bytesWritten >= upTo; });
}

void LogWriter::writeLoop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_linesQueued.wait(lock, [&] { return !m_queue.isEmpty() || m_stopping; });
        if (m_queue.isEmpty())
            return; // stopping, and everything is written
        m_linesQueued.wait_for(lock, batchWindow,
                               [&] { return m_flushWanted || m_stopping || m_queue.size() >= batchBytes; });
        m_flushWanted = false;
        QByteArray batch;
        batch.swap(m_queue);
        lock.unlock();
        writeAll(m_fileDescriptor, batch);
        lock.lock();
        m_bytesWritten += quint64(batch.size());
        m_linesWritten.notify_all();
    }
}

} // namespace signoff
