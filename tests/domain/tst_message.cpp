// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Messages keep their English source and fill their arguments once.

#include "domain/Error.h"
#include "domain/Message.h"

#include <QtTest>

using namespace signoff;

class TestMessage : public QObject
{
    Q_OBJECT

private slots:
    void argumentsAreFilledInOnePass()
    {
        const Message message("A feature named ‘%1’ already exists in %2.", {QStringLiteral("100%2 done"), QStringLiteral("here")});
        QCOMPARE(message.english(), QStringLiteral("A feature named ‘100%2 done’ already exists in here."));
    }

    void missingArgumentsStayVisible()
    {
        QCOMPARE(Message("%1 and %2", {QStringLiteral("one")}).english(), QStringLiteral("one and %2"));
        QCOMPARE(Message("100% sure").english(), QStringLiteral("100% sure"));
    }

    void withoutATranslatorTheTranslationIsTheSource()
    {
        const Message message("Enter a name.");
        QCOMPARE(message.translated(), message.english());
        QVERIFY(Message().isEmpty());
    }

    void summaryPrefersTheFirstField()
    {
        const Error error = Error::invalid({FieldError{QStringLiteral("name"), Message("Enter a name.")}});
        QCOMPARE(error.englishSummary(), QStringLiteral("Enter a name."));
        QCOMPARE(Error::preconditionFailed().englishSummary(), QStringLiteral("Someone changed this item; reload it."));
        QCOMPARE(Error::rateLimited(0, Message("wait")).retryAfterSeconds, 1);
    }
};

QTEST_GUILESS_MAIN(TestMessage)
#include "tst_message.moc"
