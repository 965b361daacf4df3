// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Identifier.h"

#include <QByteArray>
#include <QDateTime>
#include <QMutex>
#include <QRandomGenerator>

namespace signoff {

QUuid newIdentifier()
{
    // UUIDv7 (RFC 9562) with a counter in rand_a (its method 1): ids made
    // by this process increase strictly, also within one millisecond, so
    // "newest first, then by id" is the order they were made in (the
    // token pruning keeps the newest tokens by it).
    static QMutex mutex;
    static quint64 lastMilliseconds = 0;
    static quint16 counter = 0;
    QByteArray bytes(16, Qt::Uninitialized);
    auto *data = reinterpret_cast<quint32 *>(bytes.data());
    QRandomGenerator::system()->fillRange(data, 4);
    quint64 milliseconds = quint64(QDateTime::currentMSecsSinceEpoch());
    {
        QMutexLocker locker(&mutex);
        if (milliseconds > lastMilliseconds) {
            lastMilliseconds = milliseconds;
            counter = quint16(QRandomGenerator::system()->bounded(0x400)); // room to count up
        } else if (++counter > 0xfff) {
            lastMilliseconds += 1; // the counter ran out: the next millisecond, early
            counter = 0;
        }
        milliseconds = lastMilliseconds;
        bytes[6] = char(0x70 | ((counter >> 8) & 0x0f)); // version 7, then the counter's 12 bits
        bytes[7] = char(counter & 0xff);
    }
    for (int i = 0; i < 6; ++i)
        bytes[i] = char((milliseconds >> (8 * (5 - i))) & 0xff);
    bytes[8] = char(0x80 | (bytes[8] & 0x3f)); // the RFC's variant
    return QUuid::fromRfc4122(bytes);
}

} // namespace signoff
