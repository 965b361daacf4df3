// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RequestFramer.h"

#include <QByteArrayList>
#include <QByteArrayView>

#include <optional>

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

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

qsizetype skipBlanks(QByteArrayView text, qsizetype at)
{
    while (at < text.size() && (text.at(at) == ' ' || text.at(at) == '\t'))
        ++at;
    return at;
}

qsizetype skipToken(QByteArrayView text, qsizetype at)
{
    while (at < text.size() && isTokenCharacter(text.at(at)))
        ++at;
    return at;
}

// quoted-string of RFC 9110 section 5.6.4 starting at `at` (a '"'); where it
// ends, or -1 when it is not one.
qsizetype skipQuotedString(QByteArrayView text, qsizetype at)
{
    for (++at; at < text.size(); ++at) {
        const auto byte = static_cast<unsigned char>(text.at(at));
        if (byte == '"')
            return at + 1;
        if (byte == '\\') {
            if (++at >= text.size())
                return -1;
            const auto escaped = static_cast<unsigned char>(text.at(at));
            if (escaped < 0x20 && escaped != '\t')
                return -1;
        } else if ((byte < 0x20 && byte != '\t') || byte == 0x7f) {
            return -1;
        }
    }
    return -1;
}

// One chunk-ext: BWS ";" BWS name [ BWS "=" BWS ( token / quoted-string ) ],
// from `at`; where it ends, or -1.
qsizetype skipChunkExtension(QByteArrayView text, qsizetype at)
{
    at = skipBlanks(text, at);
    if (at >= text.size() || text.at(at) != ';')
        return -1;
    at = skipBlanks(text, at + 1);
    const qsizetype nameEnd = skipToken(text, at);
    if (nameEnd == at)
        return -1;
    const qsizetype afterName = skipBlanks(text, nameEnd);
    if (afterName >= text.size() || text.at(afterName) != '=')
        return nameEnd;
    at = skipBlanks(text, afterName + 1);
    if (at < text.size() && text.at(at) == '"')
        return skipQuotedString(text, at);
    const qsizetype valueEnd = skipToken(text, at);
    return valueEnd == at ? -1 : valueEnd;
}

// A chunk-size line (without its CRLF) exactly as RFC 9112 section 7.1 has
// it: 1*HEXDIG, then only chunk extensions. No sign, no "0x", no blanks
// around the number: parsers that disagree on a chunk's size disagree on
// where the next request starts. The size, or nothing.
std::optional<qint64> chunkSize(QByteArrayView line)
{
    qsizetype digitsEnd = 0;
    while (digitsEnd < line.size() && isHexDigit(line.at(digitsEnd)))
        ++digitsEnd;
    qsizetype firstSignificant = 0;
    while (firstSignificant + 1 < digitsEnd && line.at(firstSignificant) == '0')
        ++firstSignificant;
    if (digitsEnd == 0 || digitsEnd - firstSignificant > 15)
        return std::nullopt;
    for (qsizetype at = digitsEnd; at < line.size();) {
        at = skipChunkExtension(line, at);
        if (at < 0)
            return std::nullopt;
    }
    bool ok = false;
    const qint64 size = line.sliced(firstSignificant, digitsEnd - firstSignificant).toByteArray().toLongLong(&ok, 16);
    return ok ? std::optional<qint64>(size) : std::nullopt;
}

// A trailer field line: "name: value" with a token name and no control characters.
bool isFieldLine(const QByteArray &line)
{
    const qsizetype colon = line.indexOf(':');
    return colon > 0 && isToken(line.left(colon)) && !hasForbiddenByte(line.mid(colon + 1), true);
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

    const qsizetype end = findHeadEnd();
    const qsizetype headSize = (end < 0 ? m_raw.size() : end) - m_headStart;
    if (headSize > m_maxHeadBytes)
        return reject(431, QStringLiteral("headers-too-large"),
                      QStringLiteral("The request line and headers are larger than %1 KiB.").arg(m_maxHeadBytes / 1024));
    if (end < 0)
        return Status::NeedMore;
    return parseHead(end);
}

// Where the head ends, just after its empty line, or -1 while that has not
// arrived. Remembers how far it looked, so a head that arrives in pieces is
// not searched from its start again each time.
qsizetype RequestFramer::findHeadEnd()
{
    qsizetype from = qMax(m_scanFrom, m_headStart);
    for (;;) {
        const qsizetype newline = m_raw.indexOf('\n', from);
        if (newline < 0) {
            m_scanFrom = m_raw.size();
            return -1;
        }
        // The head ends with an empty line: "\n\n" or "\n\r\n".
        if (newline + 1 < m_raw.size() && m_raw.at(newline + 1) == '\n')
            return newline + 2;
        if (newline + 2 < m_raw.size() && m_raw.at(newline + 1) == '\r' && m_raw.at(newline + 2) == '\n')
            return newline + 3;
        if (newline + 1 == m_raw.size() || (newline + 2 == m_raw.size() && m_raw.at(newline + 1) == '\r')) {
            m_scanFrom = newline; // the empty line may still be coming
            return -1;
        }
        from = newline + 1;
    }
}

RequestFramer::Status RequestFramer::parseHead(qsizetype end)
{
    QByteArrayList lines = m_raw.mid(m_headStart, end - m_headStart).split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    if (const Status status = parseRequestLine(lines.value(0)); status == Status::Rejected)
        return status;
    HeadFields fields;
    // lines: request line, the fields, then the two empty strings around the final "\n".
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (!lines.at(i).isEmpty() && parseField(lines.at(i), &fields) == Status::Rejected)
            return Status::Rejected;
    }
    if (checkFraming(fields) == Status::Rejected)
        return Status::Rejected;
    m_head.keepAlive = m_head.minorVersion == 1 && !fields.close;
    m_pos = end;
    m_headEnd = end;
    return startBody();
}

RequestFramer::Status RequestFramer::parseRequestLine(const QByteArray &line)
{
    const QByteArrayList parts = line.split(' ');
    if (parts.size() != 3 || parts.at(1).isEmpty() || hasForbiddenByte(parts.at(1), false))
        return malformed(QStringLiteral("The request line is not ‘METHOD TARGET HTTP/1.1’."));
    m_head.method = parts.at(0);
    m_head.target = parts.at(1);
    const QByteArray &version = parts.at(2);
    if (!isToken(m_head.method))
        return malformed(QStringLiteral("The request method is not valid."));
    if (version == "HTTP/1.1" || version == "HTTP/1.0") {
        m_head.minorVersion = version == "HTTP/1.1" ? 1 : 0;
        return Status::NeedMore;
    }
    if (version.startsWith("HTTP/") && version.size() == 8 && version.at(6) == '.')
        return reject(505, QStringLiteral("http-version-not-supported"), QStringLiteral("Only HTTP/1.1 and HTTP/1.0 are supported."));
    return malformed(QStringLiteral("The request line is not ‘METHOD TARGET HTTP/1.1’."));
}

RequestFramer::Status RequestFramer::parseField(const QByteArray &line, HeadFields *fields)
{
    if (line.startsWith(' ') || line.startsWith('\t'))
        return malformed(QStringLiteral("Folded header lines are not accepted."));
    const qsizetype colon = line.indexOf(':');
    const QByteArray name = colon > 0 ? line.left(colon) : QByteArray();
    if (!isToken(name))
        return malformed(QStringLiteral("A header line is not ‘Name: value’."));
    const QByteArray value = line.mid(colon + 1).trimmed();
    if (hasForbiddenByte(value, true))
        return malformed(QStringLiteral("The header %1 contains control characters.").arg(QString::fromLatin1(name)));

    if (name.compare("content-length", Qt::CaseInsensitive) == 0)
        return takeContentLength(value, fields);
    if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
        fields->transferEncoding += (fields->transferEncoding.isEmpty() ? QByteArray() : QByteArray(",")) + value;
    } else if (name.compare("connection", Qt::CaseInsensitive) == 0) {
        for (const QByteArray &option : value.split(','))
            fields->close = fields->close || lowerTrimmed(option) == "close";
    } else if (name.compare("expect", Qt::CaseInsensitive) == 0) {
        if (lowerTrimmed(value) != "100-continue")
            return reject(417, QStringLiteral("expectation-failed"), QStringLiteral("Only ‘Expect: 100-continue’ is supported."));
        m_head.expectsContinue = m_head.minorVersion == 1; // HTTP/1.0 clients do not wait for it
    } else if (name.compare("host", Qt::CaseInsensitive) == 0) {
        ++fields->hosts;
    }
    return Status::NeedMore;
}

RequestFramer::Status RequestFramer::takeContentLength(const QByteArray &value, HeadFields *fields)
{
    bool ok = !value.isEmpty() && value.size() <= 18;
    for (char c : value)
        ok = ok && c >= '0' && c <= '9';
    const qint64 length = ok ? value.toLongLong() : -1;
    if (!ok || (fields->hasContentLength && length != m_head.contentLength))
        return malformed(QStringLiteral("The Content-Length header is not valid."));
    fields->hasContentLength = true;
    m_head.contentLength = length;
    return Status::NeedMore;
}

RequestFramer::Status RequestFramer::checkFraming(const HeadFields &fields)
{
    if (m_head.minorVersion == 1 && fields.hosts != 1)
        return malformed(QStringLiteral("An HTTP/1.1 request needs exactly one Host header."));
    if (!fields.transferEncoding.isEmpty()) {
        // HTTP/1.0 has no transfer codings (RFC 9112 section 6.1): a proxy
        // in between may have read the body by another rule.
        if (m_head.minorVersion == 0)
            return malformed(QStringLiteral("Transfer-Encoding is not allowed in an HTTP/1.0 request."));
        if (lowerTrimmed(fields.transferEncoding) != "chunked")
            return reject(501, QStringLiteral("not-implemented"),
                          QStringLiteral("The transfer coding ‘%1’ is not supported; send Content-Length or chunked.")
                              .arg(QString::fromLatin1(fields.transferEncoding)));
        if (fields.hasContentLength)
            return malformed(QStringLiteral("A request cannot have both Content-Length and Transfer-Encoding."));
        m_head.chunked = true;
    }
    if (!isImplementedMethod(m_head.method))
        return reject(501, QStringLiteral("not-implemented"),
                      QStringLiteral("The method %1 is not implemented.").arg(QString::fromLatin1(m_head.method)));
    return Status::NeedMore;
}

RequestFramer::Status RequestFramer::startBody()
{
    if (m_head.chunked) {
        m_state = State::ChunkSize;
        return Status::NeedMore;
    }
    if (m_head.contentLength > m_maxBodyBytes)
        return bodyTooLarge();
    m_state = State::Body;
    return Status::NeedMore;
}

RequestFramer::Status RequestFramer::malformed(const QString &detail)
{
    return reject(400, QStringLiteral("malformed-request"), detail);
}

RequestFramer::Status RequestFramer::bodyTooLarge()
{
    return reject(413, QStringLiteral("payload-too-large"),
                  QStringLiteral("The body is larger than %1 MiB.").arg(m_maxBodyBytes / (1024 * 1024)));
}

RequestFramer::Line RequestFramer::nextLine(qsizetype maxLength)
{
    const qsizetype newline = m_raw.indexOf('\n', m_pos);
    if (newline < 0)
        return {m_raw.size() - m_pos > maxLength + 1 ? LineState::TooLong : LineState::Incomplete, {}};
    // Chunked framing lines end in CR LF, never in LF alone (RFC 9112 section 7.1).
    if (newline == m_pos || m_raw.at(newline - 1) != '\r')
        return {LineState::Malformed, {}};
    QByteArray line = m_raw.mid(m_pos, newline - 1 - m_pos);
    m_pos = newline + 1;
    return {line.size() > maxLength ? LineState::TooLong : LineState::Complete, line};
}

RequestFramer::Status RequestFramer::continueBody()
{
    // Each step takes what it can; the loop goes on while they make progress.
    for (;;) {
        const State state = m_state;
        const qsizetype position = m_pos;
        const Status status = bodyStep();
        if (status != Status::NeedMore || (m_state == state && m_pos == position))
            return status;
    }
}

RequestFramer::Status RequestFramer::bodyStep()
{
    switch (m_state) {
    case State::Body: return readFixedBody();
    case State::ChunkSize: return readChunkSize();
    case State::ChunkData: return readChunkData();
    case State::ChunkDataEnd: return readChunkDataEnd();
    case State::Trailers: return readTrailer();
    case State::Head:
    case State::Complete:
    case State::Rejected: break;
    }
    return Status::NeedMore;
}

RequestFramer::Status RequestFramer::readFixedBody()
{
    const qint64 take = qMin(m_head.contentLength - m_bodyBytes, qint64(m_raw.size() - m_pos));
    m_pos += take;
    m_bodyBytes += take;
    if (m_bodyBytes < m_head.contentLength)
        return Status::NeedMore;
    m_state = State::Complete;
    return Status::Complete;
}

RequestFramer::Status RequestFramer::readChunkSize()
{
    const Line line = nextLine(maxChunkSizeLine);
    if (line.state == LineState::Incomplete)
        return Status::NeedMore;
    if (line.state == LineState::TooLong)
        return malformed(QStringLiteral("A chunk size line is too long."));
    const std::optional<qint64> size = line.state == LineState::Complete ? chunkSize(line.text) : std::nullopt;
    if (!size)
        return malformed(QStringLiteral("A chunk size line is not HEX-DIGITS[;extensions] CR LF."));
    if (m_bodyBytes + *size > m_maxBodyBytes)
        return bodyTooLarge();
    m_chunkLeft = *size;
    m_state = *size == 0 ? State::Trailers : State::ChunkData;
    return Status::NeedMore;
}

RequestFramer::Status RequestFramer::readChunkData()
{
    const qint64 take = qMin(m_chunkLeft, qint64(m_raw.size() - m_pos));
    m_pos += take;
    m_bodyBytes += take;
    m_chunkLeft -= take;
    if (m_chunkLeft == 0)
        m_state = State::ChunkDataEnd;
    return Status::NeedMore;
}

RequestFramer::Status RequestFramer::readChunkDataEnd()
{
    const Line line = nextLine(0);
    if (line.state == LineState::Incomplete)
        return Status::NeedMore;
    if (line.state != LineState::Complete)
        return malformed(QStringLiteral("A chunk does not end with CR LF where its size says."));
    m_state = State::ChunkSize;
    return Status::NeedMore;
}

RequestFramer::Status RequestFramer::readTrailer()
{
    const Line line = nextLine(m_maxHeadBytes);
    m_trailerBytes += line.state == LineState::Complete ? line.text.size() + 2 : 0;
    if (line.state == LineState::TooLong || m_trailerBytes > m_maxHeadBytes)
        return reject(431, QStringLiteral("headers-too-large"),
                      QStringLiteral("The trailer fields are larger than %1 KiB.").arg(m_maxHeadBytes / 1024));
    if (line.state == LineState::Incomplete)
        return Status::NeedMore;
    if (line.state == LineState::Malformed || (!line.text.isEmpty() && !isFieldLine(line.text)))
        return malformed(QStringLiteral("A trailer line is not ‘Name: value’ CR LF."));
    if (!line.text.isEmpty())
        return Status::NeedMore;
    m_state = State::Complete;
    return Status::Complete;
}

} // namespace signoff::rest
