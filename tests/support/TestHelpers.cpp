// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestHelpers.h"

namespace signoff {

char *toString(SqlDialect dialect)
{
    return qstrdup(dialect == SqlDialect::Sqlite ? "Sqlite" : "Postgresql");
}

} // namespace signoff

namespace signoff::test {

QString describe(const Error &error)
{
    QString text = toString(error.kind);
    if (!error.reason.isEmpty())
        text += QStringLiteral(" (%1)").arg(error.reason);
    text += QStringLiteral(": ") + error.englishSummary();
    for (const FieldError &field : error.fields)
        text += QStringLiteral(" [%1: %2]").arg(field.field, field.message.english());
    return text;
}

} // namespace signoff::test
