// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The field rules (docs/design.md, "Data model"), each at its boundary.

#include "domain/TextRules.h"
#include "domain/Validation.h"
#include "TestHelpers.h"

#include <QJsonArray>
#include <QtTest>

using namespace signoff;

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void featureName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("one character") << QStringLiteral("a") << true;
        QTest::newRow("255 characters") << QString(255, u'x') << true;
        QTest::newRow("256 characters") << QString(256, u'x') << false;
        QTest::newRow("255 after trimming") << (QStringLiteral("  ") + QString(255, u'x') + QStringLiteral("  ")) << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("only spaces") << QStringLiteral("    ") << false;
        QTest::newRow("only whitespace") << QStringLiteral("\t \n ") << false;
        QTest::newRow("tab inside") << QStringLiteral("a\tb") << false;
        QTest::newRow("newline inside") << QStringLiteral("a\nb") << false;
        QTest::newRow("NUL inside") << QString::fromUtf16(u"a\u0000b", 3) << false;
        QTest::newRow("DEL") << QStringLiteral("a\x7f") << false;
        QTest::newRow("C1 control") << QString::fromUtf16(u"a\u0085b") << false;
        QTest::newRow("umlauts") << QStringLiteral("Größenänderung") << true;
        // 255 code points outside the BMP are 510 UTF-16 units: still 255 characters.
        QTest::newRow("255 emoji") << QString::fromUcs4(std::u32string(255, U'\U0001F600').c_str(), 255) << true;
        QTest::newRow("256 emoji") << QString::fromUcs4(std::u32string(256, U'\U0001F600').c_str(), 256) << false;
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << false;
        QTest::newRow("SQL text is just text") << QStringLiteral("x'); DROP TABLE feature_data; --") << true;
    }

    void featureName()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(!validate::featureName(name).has_value(), valid);
    }

    void featureNameMessagesNameTheProblem()
    {
        QCOMPARE(validate::featureName(QString())->english(), QStringLiteral("Enter a name."));
        QCOMPARE(validate::featureName(QString(256, u'x'))->english(),
                 QStringLiteral("The name can be at most 255 characters long."));
    }

    void options()
    {
        QVERIFY(!validate::options(QJsonObject()));
        // {"k":"xxx…"} serialises to 8 bytes plus the value: fill up to exactly 64 KiB.
        const int overhead = int(QByteArrayLiteral("{\"k\":\"\"}").size());
        QJsonObject atLimit{{QStringLiteral("k"), QString(64 * 1024 - overhead, u'x')}};
        QVERIFY(!validate::options(atLimit));
        QJsonObject overLimit{{QStringLiteral("k"), QString(64 * 1024 - overhead + 1, u'x')}};
        QVERIFY(validate::options(overLimit));
        QJsonObject nested{{QStringLiteral("list"), QJsonArray{1, 2, QJsonObject{{QStringLiteral("a"), true}}}}};
        QVERIFY(!validate::options(nested));
    }

    void parseOptions()
    {
        Message problem;
        QVERIFY(signoff::parseOptions(QStringLiteral("{\"a\": 1}"), &problem));
        QVERIFY(signoff::parseOptions(QStringLiteral("   "), &problem)->isEmpty());
        QVERIFY(!signoff::parseOptions(QStringLiteral("[1, 2]"), &problem));
        QVERIFY(problem.english().contains(QStringLiteral("JSON object")));
        QVERIFY(!signoff::parseOptions(QStringLiteral("{\"a\": }"), &problem));
        QVERIFY(problem.english().contains(QStringLiteral("not valid JSON")));
    }

    void username_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << QStringLiteral("alice") << true;
        QTest::newRow("all allowed characters") << QStringLiteral("a.b_c-d0") << true;
        QTest::newRow("64") << QString(64, u'a') << true;
        QTest::newRow("65") << QString(65, u'a') << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("upper case") << QStringLiteral("Alice") << false;
        QTest::newRow("space") << QStringLiteral("al ice") << false;
        QTest::newRow("at sign") << QStringLiteral("alice@example") << false;
        QTest::newRow("non-ASCII letter") << QStringLiteral("jürgen") << false;
    }

    void username()
    {
        QFETCH(QString, username);
        QFETCH(bool, valid);
        QCOMPARE(!validate::username(username).has_value(), valid);
        QCOMPARE(!validate::newUsername(username).has_value(), valid); // every valid name but "me" is free
    }

    // "me" names the signed-in user in /api/v1/user/me: no new user gets it,
    // while one who has it already can still be found and sign in.
    void meIsReservedForNewUsers()
    {
        QVERIFY(!validate::username(QStringLiteral("me")));
        const auto problem = validate::newUsername(QStringLiteral("me"));
        QVERIFY(problem);
        QVERIFY(problem->english().contains(QStringLiteral("reserved")));
        QVERIFY(!validate::newUsername(QStringLiteral("meg")));
        QVERIFY(!validate::newUsername(QStringLiteral("me2")));
        NewUser user;
        user.username = QStringLiteral("me");
        user.password = QStringLiteral("long enough");
        QCOMPARE(validate::newUser(user).size(), 1);
        QCOMPARE(validate::newUser(user).first().field, QStringLiteral("username"));
    }

    void credentialsAreBothNeeded()
    {
        QVERIFY(validate::credentials(QStringLiteral("alice"), QStringLiteral("x")).isEmpty());
        QCOMPARE(validate::credentials(QString(), QStringLiteral("x")).first().field, QStringLiteral("username"));
        QCOMPARE(validate::credentials(QStringLiteral("alice"), QString()).first().field, QStringLiteral("password"));
        QCOMPARE(validate::credentials(QString(), QString()).size(), 2);
    }

    void password()
    {
        QVERIFY(validate::password(QStringLiteral("1234567")));
        QVERIFY(!validate::password(QStringLiteral("12345678")));
        QVERIFY(validate::password(QString()));
        QVERIFY(!validate::password(QString(1024, u'p')));
        QVERIFY(validate::password(QString(1025, u'p')));
    }

    void sku_data()
    {
        QTest::addColumn<QString>("sku");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << QStringLiteral("ABC-123") << true;
        QTest::newRow("mixed case, dot, underscore") << QStringLiteral("Ab.c_1") << true;
        QTest::newRow("64") << QString(64, u'A') << true;
        QTest::newRow("65") << QString(65, u'A') << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("space") << QStringLiteral("AB 1") << false;
        QTest::newRow("slash") << QStringLiteral("AB/1") << false;
        QTest::newRow("quote") << QStringLiteral("AB'1") << false;
        QTest::newRow("non-ASCII") << QStringLiteral("ÄB1") << false;
    }

    void sku()
    {
        QFETCH(QString, sku);
        QFETCH(bool, valid);
        QCOMPARE(!validate::sku(sku).has_value(), valid);
    }

    void productName()
    {
        QVERIFY(!validate::productName(QString(255, u'p')));
        QVERIFY(validate::productName(QString(256, u'p')));
        QVERIFY(validate::productName(QStringLiteral("  ")));
    }

    void price()
    {
        QVERIFY(!validate::priceCents(0));
        QVERIFY(validate::priceCents(-1));
        QVERIFY(!validate::priceCents(limits::priceCentsMax));
        QVERIFY(validate::priceCents(limits::priceCentsMax + 1));
    }

    void quantity()
    {
        QVERIFY(validate::quantity(0));
        QVERIFY(!validate::quantity(1));
        QVERIFY(!validate::quantity(1000000));
        QVERIFY(validate::quantity(1000001));
        QVERIFY(validate::quantity(-5));
    }

    void note()
    {
        QVERIFY(!validate::note(QString()));
        QVERIFY(!validate::note(QString(2000, u'n')));
        QVERIFY(validate::note(QString(2001, u'n')));
        QVERIFY(!validate::note(QStringLiteral("line one\nline two\ttabbed")));
        QVERIFY(validate::note(QStringLiteral("bell\a")));
    }

    void reasonIsRequiredCommentIsNot()
    {
        QVERIFY(validate::reason(QString()));
        QVERIFY(validate::reason(QStringLiteral("   ")));
        QVERIFY(!validate::reason(QStringLiteral("Too expensive")));
        QVERIFY(!validate::comment(QString()));
        QVERIFY(validate::comment(QString(2001, u'c')));
    }

    // Issue 13, item 7: what people cannot see or would mistake.
    void invisibleTextIsNoText()
    {
        QVERIFY(validate::reason(QString::fromUtf16(u"\u200b")));
        QVERIFY(validate::reason(QString::fromUtf16(u" \u2060\ufeff\u3164\u00a0")));
        QVERIFY(validate::featureName(QString::fromUtf16(u"\u200b\u200d")));
        QVERIFY(validate::featureName(QString::fromUtf16(u"\u0301")));
        QVERIFY(validate::comment(QString::fromUtf16(u"\u200b")));
        QVERIFY(validate::note(QString::fromUtf16(u"\u2800")));
        QVERIFY(validate::displayName(QString::fromUtf16(u"\u115f")));
        QVERIFY(!validate::comment(QString()));
        QVERIFY(!validate::featureName(QString::fromUtf16(u"e\u0301")));
        QVERIFY(!validate::featureName(QString::fromUtf16(u"\U0001F600")));
    }

    void directionControlsAreRefused()
    {
        for (const char16_t control : {u'\u202e', u'\u202a', u'\u2066', u'\u2069', u'\u200e', u'\u200f', u'\u061c'}) {
            const QString text = QStringLiteral("report") + QChar(control) + QStringLiteral("txt.exe");
            QVERIFY(validate::featureName(text));
            QVERIFY(validate::productName(text));
            QVERIFY(validate::comment(text));
            QVERIFY(validate::reason(text));
            QVERIFY(validate::note(text));
            QVERIFY(validate::displayName(text));
        }
        QVERIFY(!text::hasBidiControl(QStringLiteral("plain")));
    }

    void textIsStoredInNfc()
    {
        QCOMPARE(normalizedText(QString::fromUtf16(u" cafe\u0301 ")), QString::fromUtf16(u"caf\u00e9"));
        QCOMPARE(normalizedText(QString::fromUtf16(u"Cre\u0300me")), QString::fromUtf16(u"Cr\u00e8me"));
    }

    void namesAreKeyedAsTheyRead()
    {
        const QString key = text::uniquenessKey(QStringLiteral("Dark mode"));
        QCOMPARE(key, QStringLiteral("dark mode"));
        QCOMPARE(text::uniquenessKey(QStringLiteral("DARK MODE")), key);
        QCOMPARE(text::uniquenessKey(QString::fromUtf16(u"Dark\u200b mode")), key);
        QCOMPARE(text::uniquenessKey(QString::fromUtf16(u"\uff24ark mode")), key);
        QCOMPARE(text::uniquenessKey(QString::fromUtf16(u"CAF\u00c9")), text::uniquenessKey(QString::fromUtf16(u"cafe\u0301")));
        QCOMPARE(text::uniquenessKey(QString::fromUtf16(u"\ufb01le")), QStringLiteral("file"));
        QVERIFY(text::uniquenessKey(QStringLiteral("dark  mode")) != key);
        // ASCII: the key is the lower case the migration wrote for old rows.
        QCOMPARE(text::uniquenessKey(QStringLiteral("PEN-1.x_Y")), QStringLiteral("pen-1.x_y"));
    }

    void nulIsFoundAtAnyDepth()
    {
        QCOMPARE(firstMemberWithNul(QJsonObject{{QStringLiteral("a"), 1}, {QStringLiteral("b"), QJsonArray{QJsonObject{{QStringLiteral("c"), QString(QChar(u'\0'))}}}}}),
                 std::optional<QString>(QStringLiteral("b")));
        QCOMPARE(firstMemberWithNul(QJsonObject{{QStringLiteral("a"), QStringLiteral("fine")}}), std::optional<QString>());
        QVERIFY(validate::options(QJsonObject{{QStringLiteral("k"), QJsonObject{{QString(QChar(u'\0')), true}}}}));
    }

    void wholeInputsNameEveryBadField()
    {
        const QList<FieldError> featureErrors = validate::newFeature(NewFeature{QString(), QJsonObject()});
        QCOMPARE(featureErrors.size(), 1);
        QCOMPARE(featureErrors.first().field, QStringLiteral("name"));

        const QList<FieldError> userErrors = validate::newUser(NewUser{QStringLiteral("Bad Name"), QString(), Role::Admin, QStringLiteral("short")});
        QCOMPARE(userErrors.size(), 2);
        QCOMPARE(userErrors.at(0).field, QStringLiteral("username"));
        QCOMPARE(userErrors.at(1).field, QStringLiteral("password"));

        const QList<FieldError> productErrors = validate::newProduct(NewProduct{QStringLiteral("bad sku"), QString(), -1, true});
        QCOMPARE(productErrors.size(), 3);

        NewOrder order;
        order.lines = {NewLine{QUuid::createUuid(), 0}, NewLine{QUuid(), 1000001}};
        const QList<FieldError> orderErrors = validate::newOrder(order);
        QStringList fields;
        for (const FieldError &error : orderErrors)
            fields.append(error.field);
        QCOMPARE(fields, (QStringList{QStringLiteral("lines[0].quantity"), QStringLiteral("lines[1].product_id"),
                                      QStringLiteral("lines[1].quantity")}));

        NewOrder tooMany;
        tooMany.lines = QList<NewLine>(limits::linesMax + 1, NewLine{QUuid::createUuid(), 1});
        QCOMPARE(validate::newOrder(tooMany).first().field, QStringLiteral("lines"));
    }

    void commentBodies()
    {
        QVERIFY(validate::commentBody(QString()));
        QVERIFY(validate::commentBody(QStringLiteral(" \n ")));
        QVERIFY(!validate::commentBody(QStringLiteral("x")));
        QVERIFY(!validate::commentBody(QString(4000, u'c')));
        QVERIFY(validate::commentBody(QString(4001, u'c')));
        // Surrounding whitespace does not count.
        QVERIFY(!validate::commentBody(QStringLiteral("  ") + QString(4000, u'c') + QStringLiteral("\n")));
        QVERIFY(!validate::commentBody(QStringLiteral("para one\n\npara two\ttabbed")));
        QVERIFY(validate::commentBody(QStringLiteral("bell\a")));
        QVERIFY(validate::commentBody(QStringLiteral("x") + QChar(0x7F)));
        QVERIFY(validate::commentBody(QStringLiteral("x") + QChar(0xD800)));
        // NFC: a decomposed character is stored composed, and counted once.
        const QString decomposed = QStringLiteral("e") + QChar(0x0301);
        QCOMPARE(normalizedComment(decomposed), QString(QChar(0x00E9)));
        QVERIFY(!validate::commentBody(QString(3999, u'c') + decomposed));
    }

    void policies()
    {
        ApprovalPolicy policy;
        QVERIFY(validate::policy(policy).isEmpty());
        policy.featureApprovals = limits::approvalsMax;
        policy.orderThresholds = {{0, 2}, {1, 5}, {limits::priceCentsMax, 1}};
        QVERIFY(validate::policy(policy).isEmpty());
        policy.orderThresholds.append({limits::priceCentsMax, 2});
        QCOMPARE(validate::policy(policy).size(), 1);
        QCOMPARE(validate::policy(policy).first().field, QStringLiteral("order.thresholds[3].total_cents_at_least"));
        policy.orderThresholds.clear();
        policy.orderApprovals = 0;
        policy.featureApprovals = 6;
        QCOMPARE(validate::policy(policy).size(), 2);

        ApprovalPolicy tiers;
        tiers.orderApprovals = 1;
        tiers.orderThresholds = {{1000, 2}, {5000, 4}};
        QCOMPARE(tiers.requiredForOrder(0), 1);
        QCOMPARE(tiers.requiredForOrder(999), 1);
        QCOMPARE(tiers.requiredForOrder(1000), 2);
        QCOMPARE(tiers.requiredForOrder(4999), 2);
        QCOMPARE(tiers.requiredForOrder(5000), 4);
        const auto back = ApprovalPolicy::fromJson(tiers.toJson());
        QVERIFY(back && back->sameRules(tiers));
        QVERIFY(!ApprovalPolicy::fromJson(QJsonObject{}));
    }

    void batchSizes()
    {
        QVERIFY(validate::batchSize(0));
        QVERIFY(!validate::batchSize(1));
        QVERIFY(!validate::batchSize(100));
        QVERIFY(validate::batchSize(101));
    }

    void patchesCheckOnlyWhatTheyChange()
    {
        QVERIFY(validate::featurePatch(FeaturePatch{}).isEmpty());
        QCOMPARE(validate::featurePatch(FeaturePatch{QStringLiteral(" "), std::nullopt}).size(), 1);
        QVERIFY(validate::userPatch(UserPatch{}).isEmpty());
        QCOMPARE(validate::userPatch(UserPatch{std::nullopt, std::nullopt, std::nullopt, QStringLiteral("short")}).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
