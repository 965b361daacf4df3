// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The guard's HTTP/1.1 framing in front of QHttpServer (core/rest/
// RequestFramer): the bytes of one connection, delivered in pieces whose
// sizes the first bytes choose, as TCP may split them. Invariants: no crash,
// no sanitizer finding; the requests handed on, followed by what is still
// buffered, are exactly the bytes that arrived, in order; no request handed
// on has a head over 16 KiB or a body over 1 MiB; a rejection carries a
// 4xx or 5xx status and stops the connection.

#include "FuzzCheck.h"
#include "rest/RequestFramer.h"

#include <cstdint>

using namespace signoff::rest;

namespace {

// Small limits so that the fuzzer reaches them with small inputs.
constexpr qsizetype headLimit = 512;
constexpr qint64 bodyLimit = 1024;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const int pieceSizes[] = {1, 2, 3, 7, 16, 64, 512, 1 << 20};
    const int firstPiece = pieceSizes[data[0] & 7];
    const int laterPieces = pieceSizes[(data[0] >> 3) & 7];
    const bool smallLimits = data[1] & 1;
    const QByteArray stream(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));

    RequestFramer framer = smallLimits ? RequestFramer(headLimit, bodyLimit) : RequestFramer();
    QByteArray handedOn; // every complete request, in order
    qsizetype offset = 0;
    bool rejected = false;
    while (offset < stream.size() && !rejected) {
        const qsizetype length = qMin<qsizetype>(offset == 0 ? firstPiece : laterPieces, stream.size() - offset);
        QByteArray input = stream.mid(offset, length);
        offset += length;
        for (;;) {
            const RequestFramer::Status status = framer.consume(input);
            if (status == RequestFramer::Status::Rejected) {
                const FramingRejection &rejection = framer.rejection();
                FUZZ_CHECK(rejection.status >= 400 && rejection.status < 600);
                FUZZ_CHECK(!rejection.type.isEmpty());
                FUZZ_CHECK(framer.consume(input) == RequestFramer::Status::Rejected);
                rejected = true;
                break;
            }
            if (status == RequestFramer::Status::NeedMore) {
                FUZZ_CHECK(input.isEmpty());
                break;
            }
            const RequestHead head = framer.head();
            const QByteArray request = framer.takeRequest();
            FUZZ_CHECK(!request.isEmpty());
            FUZZ_CHECK(!head.method.isEmpty() && !head.target.isEmpty());
            if (!head.chunked) {
                FUZZ_CHECK(head.contentLength >= 0 && head.contentLength <= (smallLimits ? bodyLimit : http::maxBodyBytes));
                FUZZ_CHECK(request.size() >= head.contentLength);
                // The head (after at most 64 tolerated empty lines) is within its limit.
                FUZZ_CHECK(request.size() - head.contentLength <= (smallLimits ? headLimit : http::maxHeadBytes) + 64);
            }
            handedOn += request;
            if (input.isEmpty())
                break;
        }
    }
    if (!rejected) {
        // Everything delivered is either in a complete request or still held.
        FUZZ_CHECK(stream.startsWith(handedOn));
        FUZZ_CHECK(!framer.inProgress() || handedOn.size() < stream.size());
    }
    return 0;
}
