// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// What the tests of the desktop as a client of a server share: waiting for
// a backend call's answer, and the password RestFixture gives its users.

#include "Call.h"
#include "RestTestSupport.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QTest>
#include <optional>

namespace signoff::test {

inline constexpr int patienceMs = 10000; // a loaded CI machine; nothing here is timed

// Waits for a call's answer.
template<typename T>
Result<T> await(Call<T> call)
{
    QObject context;
    std::optional<Result<T>> answer;
    call.then(&context, [&answer](Result<T> result) { answer = std::move(result); });
    const QDeadlineTimer deadline(patienceMs);
    while (!answer && !deadline.hasExpired())
        QTest::qWait(2);
    if (!answer)
        return Error::unavailable(Message("no answer in time"));
    return std::move(*answer);
}

inline QString password()
{
    return QString::fromLatin1(RestFixture::password);
}

} // namespace signoff::test
