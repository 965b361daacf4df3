// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Identifier.h"

#include <QByteArray>
#include <QDateTime>
#include <QRandomGenerator>

namespace signoff {

QUuid newIdentifier()
{
    QByteArray bytes(16, Qt::Uninitialized);
    auto *data = reinterpret_cast<quint32 *>(bytes.data());
    QRandomGenerator::system()->fillRange(data, 4);
    const quint64 milliseconds = quint64(QDateTime::currentMSecsSinceEpoch());
    for (int i = 0; i < 6; ++i)
        bytes[i] = char((milliseconds >> (8 * (5 - i))) & 0xff);
    bytes[6] = char(0x70 | (bytes[6] & 0x0f)); // version 7
    bytes[8] = char(0x80 | (bytes[8] & 0x3f)); // the RFC's variant
    return QUuid::fromRfc4122(bytes);
}

} // namespace signoff
