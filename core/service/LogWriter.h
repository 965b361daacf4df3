// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QtGlobal>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace signoff {

// Qt's message handler for the process while it lives: formats each line as
// Qt would (qFormatLogMessage, so QT_MESSAGE_PATTERN applies) and writes it
// to a file descriptor (standard error) from a thread of its own, many lines
// per write. Qt's own handler writes and flushes every line in the thread
// that logs it, a system call in every request the server answers.
//
// Lines keep their order. Warnings, errors and fatal messages are written
// before the call that logged them returns (with what was queued before
// them), so a crash right after loses no error. Other lines are written in
// batches, at most 20 ms after they were logged; a process killed outright
// can lose those still queued. When the descriptor does not keep up, logging
// waits instead of queuing more than a mebibyte.
class LogWriter
{
public:
    explicit LogWriter(int fileDescriptor = 2);
    ~LogWriter(); // writes what is queued and gives the handler back
    LogWriter(const LogWriter &) = delete;
    LogWriter &operator=(const LogWriter &) = delete;

    // Returns once every line logged before the call is written.
    void flush();
    // flush() on the writer that handles messages now, if there is one: for
    // output that goes to the same place around the log (the command line's
    // own messages), so that it keeps its place among the lines.
    static void flushActive();

private:
    static void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message);
    void append(const QByteArray &line, bool waitUntilWritten);
    void writeLoop();

    const int m_fileDescriptor;
    QtMessageHandler m_previousHandler = nullptr;
    std::mutex m_mutex;
    std::condition_variable m_linesQueued;
    std::condition_variable m_linesWritten;
    QByteArray m_queue;
    quint64 m_bytesQueued = 0;  // since the start, written or not
    quint64 m_bytesWritten = 0; // since the start
    bool m_flushWanted = false; // someone waits for the queue to be written
    bool m_stopping = false;
    bool m_stopped = false; // the thread is gone: write in the caller's
    std::thread m_thread;
};

} // namespace signoff
