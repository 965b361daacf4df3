// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RequestFramer.h"

#include <QByteArrayList>

namespace signoff::rest {

namespace {

constexpr qsizetype maxChunkSizeLine = 1024;

bool isTokenCharacter(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenCharacter(c))
            return false;
    }
    return true;
}

// Field values and targets: visible characters, spaces and tabs (values only).
bool hasForbiddenByte(const QByteArray &text, bool allowBlanks)
{
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == 0x7f || (byte < 0x20 && !(allowBlanks && byte == '\t')) || (!allowBlanks && byte == ' '))
            return true;
    }
    return false;
}

QByteArray lowerTrimmed(const QByteArray &text)
{
    return text.trimmed().toLower();
}

// The methods Signoff's router knows; anything else is answered here with 501,
// so that Qt's parser (which drops the connection on a method it does not
// know) never sees it.
bool isImplementedMethod(const QByteArray &method)
{
    static const QByteArrayList methods{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    return methods.contains(method);
}

} // namespace

RequestFramer::RequestFramer(qsizetype maxHeadBytes, qint64 maxBodyBytes)
    : m_maxHeadBytes(maxHeadBytes)
    , m_maxBodyBytes(maxBodyBytes)
{
}

RequestFramer::Status RequestFramer::consume(QByteArray &input)
{
    if (m_state == State::Rejected)
        return Status::Rejected;
    if (m_state == State::Complete)
        return Status::Complete;
    m_raw.append(input);
    input.clear();

    Status status = Status::NeedMore;
    if (m_state == State::Head)
        status = parseHeadIfComplete();
    if (status == Status::NeedMore && m_state != State::Head)
        status = continueBody();
    if (status == Status::Complete) {
        input = m_raw.mid(m_pos);
        m_raw.truncate(m_pos);
    }
    return status;
}

QByteArray RequestFramer::takeRequest()
{
    QByteArray request = std::move(m_raw);
    m_raw.clear();
    m_state = State::Head;
    m_pos = 0;
    m_headStart = 0;
    m_headEnd = 0;
    m_scanFrom = 0;
    m_bodyBytes = 0;
    m_chunkLeft = 0;
    m_trailerBytes = 0;
    m_head = RequestHead();
    m_rejection = FramingRejection();
    return request;
}

RequestFramer::Status RequestFramer::reject(int status, const QString &type, const QString &detail)
{
    m_state = State::Rejected;
    m_rejection = FramingRejection{status, type, detail};
    return Status::Rejected;
}

RequestFramer::Status RequestFramer::parseHeadIfComplete()
{
    // Empty lines before the request line are tolerated (RFC 9112 section 2.2).
    while (m_headStart < m_raw.size() && (m_raw.at(m_headStart) == '\r' || m_raw.at(m_headStart) == '\n'))
        ++m_headStart;
    if (m_headStart > 64)
        return reject(400, QStringLiteral("malformed-request"), QStringLiteral("The request does not start with a request line."));

    qsizetype from = qMax(m_scanFrom, m_headStart);
    qsizetype end = -1;
    while (end < 0) {
        const qsizetype newline = m_raw.indexOf('\n', from);
        if (newline < 0) {
            m_scanFrom = m_raw.size();
            break;
        }
        // The head ends with an empty line: "\n\n" or "\n\r\n".
        if (newline + 1 < m_raw.size() && m_raw.at(newline + 1) == '\n') {
            end = newline + 2;
        } else if (newline + 2 < m_raw.size() && m_raw.at(newline + 1) == '\r' && m_raw.at(newline + 2) == '\n') {
            end = newline + 3;
        } else if (newline + 1 == m_raw.size() || (newline + 2 == m_raw.size() && m_raw.at(newline + 1) == '\r')) {
            m_scanFrom = newline; // the empty line may still be coming
            break;
        } else {
            from = newline + 1;
        }
    }

    const qsizetype headSize = (end < 0 ? m_raw.size() : end) - m_headStart;
    if (headSize > m_maxHeadBytes)
        return reject(431, QStringLiteral("headers-too-large"),
                      QStringLiteral("The request line and headers are larger than %1 KiB.").arg(m_maxHeadBytes / 1024));
    if (end < 0)
        return Status::NeedMore;
    return parseHead(end);
}

RequestFramer::Status RequestFramer::parseHead(qsizetype end)
{
    QByteArrayList lines = m_raw.mid(m_headStart, end - m_headStart).split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    const QByteArrayList requestLine = lines.value(0).split(' ');
    if (requestLine.size() != 3 || requestLine.at(1).isEmpty() || hasForbiddenByte(requestLine.at(1), false))
        return reject(400, QStringLiteral("malformed-request"), QStringLiteral("The request line is not ‘METHOD TARGET HTTP/1.1’."));
    m_head.method = requestLine.at(0);
    m_head.target = requestLine.at(1);
    const QByteArray &version = requestLine.at(2);
    if (!isToken(m_head.method))
        return reject(400, QStringLiteral("malformed-request"), QStringLiteral("The request method is not valid."));
    if (version == "HTTP/1.1") {
        m_head.minorVersion = 1;
    } else if (version == "HTTP/1.0") {
        m_head.minorVersion = 0;
    } else if (version.startsWith("HTTP/") && version.size() == 8 && version.at(6) == '.') {
        return reject(505, QStringLiteral("http-version-not-supported"), QStringLiteral("Only HTTP/1.1 and HTTP/1.0 are supported."));
    } else {
        return reject(400, QStringLiteral("malformed-request"), QStringLiteral("The request line is not ‘METHOD TARGET HTTP/1.1’."));
    }

    bool close = false;
    bool hasContentLength = false;
    QByteArray transferEncoding;
    int hosts = 0;
    // lines: request line, the fields, then the two empty strings around the final "\n".
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty())
            continue;
        if (line.startsWith(' ') || line.startsWith('\t'))
            return reject(400, QStringLiteral("malformed-request"), QStringLiteral("Folded header lines are not accepted."));
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = colon > 0 ? line.left(colon) : QByteArray();
        if (!isToken(name))
            return reject(400, QStringLiteral("malformed-request"), QStringLiteral("A header line is not ‘Name: value’."));
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (hasForbiddenByte(value, true))
            return reject(400, QStringLiteral("malformed-request"),
                          QStringLiteral("The header %1 contains control characters.").arg(QString::fromLatin1(name)));

        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            bool ok = !value.isEmpty() && value.size() <= 18;
            for (char c : value)
                ok = ok && c >= '0' && c <= '9';
            const qint64 length = ok ? value.toLongLong() : -1;
            if (!ok || (hasContentLength && length != m_head.contentLength))
                return reject(400, QStringLiteral("malformed-request"), QStringLiteral("The Content-Length header is not valid."));
            hasContentLength = true;
            m_head.contentLength = length;
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            transferEncoding += (transferEncoding.isEmpty() ? QByteArray() : QByteArray(",")) + value;
        } else if (name.compare("connection", Qt::CaseInsensitive) == 0) {
            for (const QByteArray &option : value.split(','))
                close = close || lowerTrimmed(option) == "close";
        } else if (name.compare("expect", Qt::CaseInsensitive) == 0) {
            if (lowerTrimmed(value) != "100-continue")
                return reject(417, QStringLiteral("expectation-failed"), QStringLiteral("Only ‘Expect: 100-continue’ is supported."));
            m_head.expectsContinue = m_head.minorVersion == 1; // HTTP/1.0 clients do not wait for it
        } else if (name.compare("host", Qt::CaseInsensitive) == 0) {
            ++hosts;
        }
    }

    if (m_head.minorVersion == 1 && hosts != 1)
        return reject(400, QStringLiteral("malformed-request"), QStringLiteral("An HTTP/1.1 request needs exactly one Host header."));
    if (!transferEncoding.isEmpty()) {
        if (lowerTrimmed(transferEncoding) != "chunked")
            return reject(501, QStringLiteral("not-implemented"),
                          QStringLiteral("The transfer coding ‘%1’ is not supported; send Content-Length or chunked.")
                              .arg(QString::fromLatin1(transferEncoding)));
        if (hasContentLength)
            return reject(400, QStringLiteral("malformed-request"),
                          QStringLiteral("A request cannot have both Content-Length and Transfer-Encoding."));
        m_head.chunked = true;
    }
    if (!isImplementedMethod(m_head.method))
        return reject(501, QStringLiteral("not-implemented"),
                      QStringLiteral("The method %1 is not implemented.").arg(QString::fromLatin1(m_head.method)));
    m_head.keepAlive = m_head.minorVersion == 1 && !close;

    m_pos = end;
    m_headEnd = end;
    if (m_head.chunked) {
        m_state = State::ChunkSize;
        return Status::NeedMore;
    }
    if (m_head.contentLength > m_maxBodyBytes)
        return reject(413, QStringLiteral("payload-too-large"),
                      QStringLiteral("The body is larger than %1 MiB.").arg(m_maxBodyBytes / (1024 * 1024)));
    m_state = State::Body;
    return Status::NeedMore;
}

bool RequestFramer::nextLine(QByteArray *line, qsizetype maxLength, bool *tooLong)
{
    *tooLong = false;
    const qsizetype newline = m_raw.indexOf('\n', m_pos);
    if (newline < 0) {
        *tooLong = m_raw.size() - m_pos > maxLength + 1;
        return false;
    }
    *line = m_raw.mid(m_pos, newline - m_pos);
    if (line->endsWith('\r'))
        line->chop(1);
    *tooLong = line->size() > maxLength;
    m_pos = newline + 1;
    return true;
}

RequestFramer::Status RequestFramer::continueBody()
{
    for (;;) {
        switch (m_state) {
        case State::Body: {
            const qint64 take = qMin(m_head.contentLength - m_bodyBytes, qint64(m_raw.size() - m_pos));
            m_pos += take;
            m_bodyBytes += take;
            if (m_bodyBytes < m_head.contentLength)
                return Status::NeedMore;
            m_state = State::Complete;
            return Status::Complete;
        }
        case State::ChunkSize: {
            QByteArray line;
            bool tooLong = false;
            const bool got = nextLine(&line, maxChunkSizeLine, &tooLong);
            if (tooLong)
                return reject(400, QStringLiteral("malformed-request"), QStringLiteral("A chunk size line is too long."));
            if (!got)
                return Status::NeedMore;
            const qsizetype extension = line.indexOf(';');
            const QByteArray digits = (extension < 0 ? line : line.left(extension)).trimmed();
            bool ok = !digits.isEmpty() && digits.size() <= 15;
            const qint64 size = ok ? digits.toLongLong(&ok, 16) : 0;
            if (!ok || size < 0)
                return reject(400, QStringLiteral("malformed-request"), QStringLiteral("A chunk size is not valid."));
            if (m_bodyBytes + size > m_maxBodyBytes)
                return reject(413, QStringLiteral("payload-too-large"),
                              QStringLiteral("The body is larger than %1 MiB.").arg(m_maxBodyBytes / (1024 * 1024)));
            m_chunkLeft = size;
            m_state = size == 0 ? State::Trailers : State::ChunkData;
            break;
        }
        case State::ChunkData: {
            const qint64 take = qMin(m_chunkLeft, qint64(m_raw.size() - m_pos));
            m_pos += take;
            m_bodyBytes += take;
            m_chunkLeft -= take;
            if (m_chunkLeft > 0)
                return Status::NeedMore;
            m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd: {
            QByteArray line;
            bool tooLong = false;
            const bool got = nextLine(&line, 0, &tooLong);
            if (tooLong)
                return reject(400, QStringLiteral("malformed-request"), QStringLiteral("A chunk does not end where its size says."));
            if (!got)
                return Status::NeedMore;
            m_state = State::ChunkSize;
            break;
        }
        case State::Trailers: {
            QByteArray line;
            bool tooLong = false;
            const bool got = nextLine(&line, m_maxHeadBytes, &tooLong);
            m_trailerBytes += got ? line.size() + 2 : 0;
            if (tooLong || m_trailerBytes > m_maxHeadBytes)
                return reject(431, QStringLiteral("headers-too-large"),
                              QStringLiteral("The trailer fields are larger than %1 KiB.").arg(m_maxHeadBytes / 1024));
            if (!got)
                return Status::NeedMore;
            if (line.isEmpty()) {
                m_state = State::Complete;
                return Status::Complete;
            }
            break;
        }
        case State::Head:
        case State::Complete:
        case State::Rejected:
            return Status::NeedMore;
        }
    }
}

} // namespace signoff::rest
