// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "domain/Error.h"
#include "storage/DatabaseUrl.h"

#include <QString>
#include <QtTest/QTest>

namespace signoff {

// QCOMPARE prints this on a mismatch (found through argument-dependent lookup).
// ErrorKind cannot have one: core's QString toString(ErrorKind) is found first,
// so QCOMPARE on two ErrorKinds does not compile. Use SIGNOFF_VERIFY_ERROR, or
// QCOMPARE(toString(kind), toString(ErrorKind::Conflict)).
char *toString(SqlDialect dialect);

} // namespace signoff

namespace signoff::test {

// "Unavailable (unavailable): The database is not available; try again shortly."
QString describe(const Error &error);

} // namespace signoff::test

// Verifies that a signoff::Result holds a value; on failure shows its error.
#define SIGNOFF_VERIFY_OK(expression)                                                              \
    do {                                                                                            \
        const auto &signoffResult_ = (expression);                                                 \
        QVERIFY2(signoffResult_.ok(),                                                               \
                 qPrintable(signoffResult_.ok() ? QString()                                        \
                                                : ::signoff::test::describe(signoffResult_.error()))); \
    } while (false)

// Verifies that a signoff::Result holds an error of the given ErrorKind
// (e.g. SIGNOFF_VERIFY_ERROR(service.approve(...), Forbidden)).
#define SIGNOFF_VERIFY_ERROR(expression, expectedKind)                                             \
    do {                                                                                            \
        const auto &signoffResult_ = (expression);                                                 \
        QVERIFY2(!signoffResult_.ok(), "expected " #expectedKind ", got a value");                 \
        QVERIFY2(signoffResult_.error().kind == ::signoff::ErrorKind::expectedKind,                \
                 qPrintable(QStringLiteral("expected " #expectedKind ", got ")                     \
                            + ::signoff::test::describe(signoffResult_.error())));                 \
    } while (false)
