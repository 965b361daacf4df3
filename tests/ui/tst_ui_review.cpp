// SPDX-FileCopyrightText: 2026 The Signoff authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The desktop's pieces of review depth (docs/design.md, "Approval policies")
// under the offscreen platform: the readable history ("options/beta: false →
// true", "approved (1 of 2)"), the comment thread with core's rule as one
// types, and the policy editor.

#include "UiFixture.h"
#include "domain/Validation.h"
#include "forms/CommentThread.h"
#include "forms/PolicyEditor.h"
#include "support/FieldMessage.h"
#include "support/Format.h"
#include "support/HistoryText.h"

#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

using namespace signoff;
using namespace signoff::test;

namespace {

template<typename T>
T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

QJsonObject change(const QString &path, const QJsonValue &from, const QJsonValue &to)
{
    QJsonObject entry{{QStringLiteral("path"), path}};
    if (!from.isUndefined())
        entry.insert(QStringLiteral("from"), from);
    if (!to.isUndefined())
        entry.insert(QStringLiteral("to"), to);
    return entry;
}

AuditEvent auditEvent(const QString &action, const QJsonObject &detail = {})
{
    AuditEvent event;
    event.action = action;
    event.detail = detail;
    return event;
}

} // namespace

class TestUiReview : public QObject
{
    Q_OBJECT

private slots:
    void historyReadsLikeWhatHappened()
    {
        const AuditEvent edit = auditEvent(QStringLiteral("update"), {{QStringLiteral("changes"), QJsonArray{
            change(QStringLiteral("/options/beta"), false, true),
            change(QStringLiteral("/name"), QStringLiteral("Dark"), QStringLiteral("Dark mode")),
            change(QStringLiteral("/lines/1/quantity"), 3, 5),
            change(QStringLiteral("/lines/2"), QJsonValue::Undefined, QJsonObject{{QStringLiteral("quantity"), 1}}),
            change(QStringLiteral("/options/a~1b~0c"), QJsonValue::Null, QJsonValue::Undefined),
            change(QStringLiteral("/options/long"), QString(200, u'x'), 1.5),
        }}});
        const QStringList lines = HistoryText::changes(edit);
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines.at(0), QStringLiteral("options/beta: false → true"));
        QCOMPARE(lines.at(1), QStringLiteral("name: “Dark” → “Dark mode”"));
        QCOMPARE(lines.at(2), QStringLiteral("line 2 quantity: 3 → 5"));
        QCOMPARE(lines.at(3), QStringLiteral("line 3: added {\"quantity\":1}"));
        QCOMPARE(lines.at(4), QStringLiteral("options/a/b~c: removed (was nothing)"));
        QVERIFY(lines.at(5).contains(QStringLiteral("…")));
        QVERIFY(lines.at(5).endsWith(QStringLiteral("→ 1.5")));
        QVERIFY(lines.at(5).size() < 120);
        QVERIFY(HistoryText::changes(auditEvent(QStringLiteral("update"))).isEmpty());

        QCOMPARE(HistoryText::summary(auditEvent(QStringLiteral("approve"), {{QStringLiteral("approvals"), 1},
                                                                        {QStringLiteral("required_approvals"), 2}})),
                 QStringLiteral("approved (1 of 2)"));
        // (Without the English translation loaded, plurals read "approval(s)".)
        QVERIFY(HistoryText::summary(auditEvent(QStringLiteral("submit"), {{QStringLiteral("required_approvals"), 2}}))
                    .startsWith(QStringLiteral("submitted: needs 2 approval")));
        QCOMPARE(HistoryText::summary(auditEvent(QStringLiteral("withdraw"), {{QStringLiteral("dropped_approvals"),
                                                                          QJsonArray{QStringLiteral("rita"), QStringLiteral("roy")}}})),
                 QStringLiteral("withdrew; approvals dropped: rita, roy"));
        QCOMPARE(HistoryText::summary(auditEvent(QStringLiteral("comment"))), QStringLiteral("commented"));
        // Events written before approvals were counted read as before.
        QCOMPARE(HistoryText::summary(auditEvent(QStringLiteral("approve"))), QStringLiteral("approved"));
        QCOMPARE(Format::approvalProgress(1, 2), QStringLiteral("1 of 2"));
    }

    void theCommentThreadChecksAsOneTypesAndShowsTheNewest()
    {
        CommentThread thread;
        thread.resize(400, 300);
        thread.show();
        QVERIFY(QTest::qWaitForWindowExposed(&thread));
        auto *list = child<QListWidget>(&thread, QStringLiteral("comments"));
        auto *draft = child<QPlainTextEdit>(&thread, QStringLiteral("commentDraft"));
        auto *post = child<QPushButton>(&thread, QStringLiteral("postComment"));
        auto *message = child<FieldMessage>(&thread, QStringLiteral("commentMessage"));
        auto *empty = child<QLabel>(&thread, QStringLiteral("noComments"));
        QVERIFY(list && draft && post && message && empty);
        QVERIFY(empty->isVisible());
        QVERIFY(!list->isVisible());
        QVERIFY(!post->isEnabled());

        QList<Comment> comments;
        for (int i = 0; i < 40; ++i)
            comments.append(Comment{i + 1, QStringLiteral("bob"), QDateTime::currentDateTimeUtc(),
                                    QStringLiteral("Comment number %1\nwith a second line").arg(i + 1)});
        thread.setComments(comments);
        QCOMPARE(thread.commentCount(), 40);
        QVERIFY(list->isVisible());
        QVERIFY(!empty->isVisible());
        QVERIFY(list->item(39)->text().contains(QStringLiteral("Comment number 40")));
        QVERIFY(list->item(0)->text().startsWith(QStringLiteral("bob · ")));
        // The newest is in view, at the bottom.
        QVERIFY(list->verticalScrollBar()->maximum() > 0);
        QCOMPARE(list->verticalScrollBar()->value(), list->verticalScrollBar()->maximum());

        QSignalSpy posts(&thread, &CommentThread::postRequested);
        draft->setFocus();
        QTest::keyClicks(draft, QStringLiteral("   "));
        QVERIFY(!post->isEnabled());
        QVERIFY(!message->isVisible());
        QTest::keyClicks(draft, QStringLiteral("Is this "));
        QVERIFY(post->isEnabled());
        draft->insertPlainText(QString(QChar(0x07)));
        QVERIFY(!post->isEnabled());
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), QStringLiteral("The comment cannot contain control characters."));
        draft->setPlainText(QString(limits::commentBodyMax + 1, u'x'));
        QVERIFY(!post->isEnabled());
        QCOMPARE(message->text(), QStringLiteral("The comment can be at most 4000 characters long."));
        draft->setPlainText(QStringLiteral("Is this final?"));
        QVERIFY(!message->isVisible());
        QTest::mouseClick(post, Qt::LeftButton);
        QCOMPARE(posts.count(), 1);
        QCOMPARE(posts.first().first().toString(), QStringLiteral("Is this final?"));

        thread.setBusy(true);
        QVERIFY(!post->isEnabled());
        thread.setBusy(false);
        QVERIFY(post->isEnabled());
        thread.clearDraft();
        QVERIFY(thread.draft().isEmpty());
        QVERIFY(!post->isEnabled());
        thread.showProblem(QStringLiteral("This item has 1000 comments, as many as it can have."));
        QVERIFY(message->isVisible());
    }

    void thePolicyEditorShowsAndChecksAPolicy()
    {
        PolicyEditor editor;
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto *feature = child<QSpinBox>(&editor, QStringLiteral("featureApprovals"));
        auto *order = child<QSpinBox>(&editor, QStringLiteral("orderApprovals"));
        auto *table = child<QTableWidget>(&editor, QStringLiteral("thresholds"));
        auto *add = child<QPushButton>(&editor, QStringLiteral("addThreshold"));
        auto *remove = child<QPushButton>(&editor, QStringLiteral("removeThreshold"));
        auto *message = child<FieldMessage>(&editor, QStringLiteral("policyMessage"));
        QVERIFY(feature && order && table && add && remove && message);

        ApprovalPolicy policy;
        policy.featureApprovals = 2;
        policy.orderApprovals = 1;
        policy.orderThresholds = {{100000, 2}, {1000000, 3}};
        policy.version = 7;
        editor.setPolicy(policy);
        QCOMPARE(feature->value(), 2);
        QCOMPARE(table->rowCount(), 2);
        QVERIFY(editor.problems().isEmpty());
        QVERIFY(!message->isVisible());
        const ApprovalPolicy shown = editor.policy();
        QVERIFY(shown.sameRules(policy));
        QCOMPARE(shown.version, 7);

        QSignalSpy edits(&editor, &PolicyEditor::edited);
        feature->setValue(0);
        QVERIFY(edits.count() >= 1);
        QCOMPARE(editor.problems().size(), 1);
        QCOMPARE(editor.problems().first().field, QStringLiteral("feature.required_approvals"));
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), QStringLiteral("The number of approvals must be between 1 and 5."));
        feature->setValue(3);
        QVERIFY(!message->isVisible());

        // A threshold below the one before it is refused with core's message.
        auto *secondTotal = qobject_cast<QDoubleSpinBox *>(table->cellWidget(1, 0));
        QVERIFY(secondTotal);
        secondTotal->setValue(500.00);
        QCOMPARE(editor.problems().size(), 1);
        QCOMPARE(editor.problems().first().field, QStringLiteral("order.thresholds[1].total_cents_at_least"));
        QVERIFY(message->isVisible());
        table->setCurrentCell(1, 0);
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(table->rowCount(), 1);
        QVERIFY(editor.problems().isEmpty());

        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(table->rowCount(), 2);
        QVERIFY(editor.problems().isEmpty());
        QCOMPARE(editor.policy().orderThresholds.last().totalCentsAtLeast, 1000000);
        QCOMPARE(editor.policy().orderThresholds.first().totalCentsAtLeast, 100000);

        editor.setReadOnly(true);
        QVERIFY(feature->isReadOnly());
        QVERIFY(!add->isEnabled());
        QVERIFY(!remove->isEnabled());
    }
};

QTEST_MAIN(TestUiReview)
#include "tst_ui_review.moc"
