// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The database URL parser (core/storage/DatabaseUrl): any text from a command
// line, an environment variable or a settings file. Invariants: no crash, no
// sanitizer finding; a PostgreSQL URL's password never appears in its
// redacted form nor in the message of a rejected URL.

#include "FuzzCheck.h"
#include "storage/DatabaseUrl.h"

#include <QUrl>

#include <cstdint>

using namespace signoff;

namespace {

// Whether `secret` could show up in `text` only because it is made of the
// URL's other, public parts (a password "5432", a user named like it).
bool explainedByPublicParts(const QString &secret, const QStringList &publicParts)
{
    for (const QString &part : publicParts) {
        if (part.contains(secret))
            return true;
    }
    return false;
}

QString messageText(const Message &message)
{
    return QString::fromUtf8(message.source()) + u' ' + message.arguments().join(u' ');
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(text);

    // What the password would be if QUrl read the text as given.
    const QString claimedPassword = QUrl(text, QUrl::TolerantMode).password(QUrl::FullyDecoded);

    if (!parsed) {
        FUZZ_CHECK(parsed.error().kind == ErrorKind::Invalid);
        if (claimedPassword.size() >= 4) {
            const QUrl url(text, QUrl::TolerantMode);
            const QStringList publicParts{QStringLiteral("postgresql://"), url.userName(), url.host(), url.path(),
                                          QString::number(url.port()), url.query(), QString::fromUtf8(parsed.error().message.source())};
            if (!explainedByPublicParts(claimedPassword, publicParts))
                FUZZ_CHECK(!messageText(parsed.error().message).contains(claimedPassword));
        }
        return 0;
    }

    const DatabaseUrl &url = parsed.value();
    if (url.dialect == SqlDialect::Sqlite) {
        FUZZ_CHECK(!url.path.isEmpty());
        FUZZ_CHECK(!url.path.contains(QChar(0)));
        return 0;
    }
    FUZZ_CHECK(!url.host.isEmpty());
    FUZZ_CHECK(url.port > 0 && url.port <= 65535);
    FUZZ_CHECK(!url.databaseName.isEmpty() && !url.databaseName.contains(u'/'));
    for (auto it = url.options.cbegin(); it != url.options.cend(); ++it) {
        // Options go into libpq's "key=value;..." connect string.
        FUZZ_CHECK(!it.value().contains(u';') && !it.value().contains(u' ') && !it.value().contains(u'\''));
    }
    const QString redacted = url.redacted();
    if (url.password.size() >= 4) {
        const QStringList publicParts{
            QStringLiteral("postgresql://@:/"), url.user, url.host, url.databaseName, QString::number(url.port),
            QString::fromUtf8(QUrl::toPercentEncoding(url.user)), QString::fromUtf8(QUrl::toPercentEncoding(url.databaseName)),
            QString::fromUtf8(QUrl::toPercentEncoding(url.host)), redacted.section(u'@', 1)};
        if (!explainedByPublicParts(url.password, publicParts))
            FUZZ_CHECK(!redacted.contains(url.password));
    }
    return 0;
}
